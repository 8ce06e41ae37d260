/**
 * A PostgreSQL restart under a running stack (issue 8, point 1): the API, the worker process and
 * the dispatcher process ride through it. Pools drop the connections the server terminated
 * (57P01), the LISTEN connections come back and catch up, projections and deliveries are retried:
 * afterwards actions are applied and projected, and alerts raised after the restart reach the
 * webhook and the live stream. The server restarted is one of the test's own.
 */
import type { INestApplication } from '@nestjs/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createApi } from '../../apps/api/src/app';
import { loadDirectory } from '../../apps/api/src/auth/principals';
import { mintToken } from '../../apps/api/src/auth/tokens';
import { type ReceivedAlert, startWebhookReceiver } from '../../apps/stack/src/webhook-receiver';
import { compressedPolicy } from '../../seeds/policy';
import { referenceCase, seedDirectory } from '../../seeds/reference-case';
import { testApiConfig } from '../support/api';
import { type TestDatabase, createTestDatabase } from '../support/database';
import { type OwnPostgres, startOwnPostgres } from '../support/own-postgres';
import { Processes, workflowBundleFile } from '../support/processes';
import { devServerEnv } from '../support/temporal';

const c202 = referenceCase();
const SECRET = 'restart-secret-restart-secret-0123456789';
let pg: OwnPostgres;
let db: TestDatabase;
let env: TestWorkflowEnvironment;
let api: INestApplication;
let base: string;
const processes = new Processes();
const delivered: (ReceivedAlert & { raisedAt?: string })[] = [];
let webhook: Awaited<ReturnType<typeof startWebhookReceiver>>;


beforeAll(async () => {
  pg = await startOwnPostgres();
  [db, env] = await Promise.all([createTestDatabase(pg.server), devServerEnv()]);
  await loadDirectory(db.pool, seedDirectory());
  const bundle = await workflowBundleFile();
  webhook = await startWebhookReceiver((alert) => delivered.push(alert));
  processes.start('apps/worker/src/main.ts', { TEMPORAL_ADDRESS: env.address, DATABASE_URL: db.url, WORKFLOW_BUNDLE: bundle, LOG_LEVEL: 'ERROR' });
  processes.start('apps/dispatcher/src/main.ts', { DATABASE_URL: db.url, ALERT_WEBHOOK_URL: webhook.url, POLL_MS: '200', LOG_LEVEL: 'error' });
  api = await createApi(testApiConfig(env.address, db.url, {}, SECRET));
  await api.listen(0, '127.0.0.1');
  base = (await api.getUrl()).replace('[::1]', '127.0.0.1');
}, 120_000);

afterAll(async () => {
  await api?.close();
  await processes.stopAll();
  await webhook?.stop();
  await env?.teardown();
  await db?.drop().catch(() => undefined);
  pg?.stop();
});

const call = async (method: string, url: string, as?: string, body?: unknown) => {
  const headers: Record<string, string> = {};
  if (as) headers.authorization = `Bearer ${await mintToken(as, SECRET)}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method === 'POST') headers['idempotency-key'] = `restart-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const res = await fetch(`${base}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (await res.json().catch(() => undefined)) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
};

async function until<T>(probe: () => Promise<T>, ok: (t: T) => boolean, seconds: number): Promise<T> {
  const end = Date.now() + seconds * 1000;
  let value = await probe().catch((err: unknown) => err as T);
  while (!ok(value) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 200));
    value = await probe().catch((err: unknown) => err as T);
  }
  return value;
}

/** The SSE stream's alert events, collected in the background until aborted. */
function streamAlerts(as: string) {
  const got: { id: string; raisedAt: string }[] = [];
  const controller = new AbortController();
  const done = (async () => {
    const res = await fetch(`${base}/alerts/stream`, { headers: { authorization: `Bearer ${await mintToken(as, SECRET)}` }, signal: controller.signal });
    const decoder = new TextDecoder();
    let buffer = '';
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      buffer += decoder.decode(chunk, { stream: true });
      for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
        const data = buffer.slice(0, end).split('\n').find((l) => l.startsWith('data: '));
        buffer = buffer.slice(end + 2);
        if (data) got.push(JSON.parse(data.slice(6)));
      }
    }
  })().catch(() => undefined);
  return { got, stop: async () => (controller.abort(), await done) };
}

test('a PostgreSQL restart: every process rides through, nothing is lost, alerts raised after it are delivered and streamed', async () => {
  const filed = await call('POST', `/proposals?policy=${compressedPolicy().id}`, 'committee-clerk', { ...c202.intake, number: 6601 });
  expect(filed.status).toBe(201);
  const id = filed.body.proposalId as string;
  expect((await call('POST', `/proposals/${id}/registration`, 'committee-clerk', { review: { outcome: 'register' } })).status).toBe(200);
  expect((await call('POST', `/proposals/${id}/assignment`, 'committee-clerk', { assignment: c202.assignment })).status).toBe(200);
  const stream = streamAlerts('committee-clerk');
  await new Promise((r) => setTimeout(r, 500));

  pg.restart();
  const restartedAt = new Date().toISOString();

  const ready = await until(() => call('GET', '/readyz'), (r) => r.status === 200, 30);
  expect(ready.body).toMatchObject({ status: 'ready', postgres: 'ok' });
  const contact = await until(
    () => call('POST', `/proposals/${id}/contacts`, 'drc-officer', { contact: { ...c202.contacts[0]!.contact, occurredAt: new Date(Date.now() - 1000).toISOString() } }),
    (r) => r.status === 200,
    20,
  );
  expect(contact.status).toBe(200);

  // The co-handler's opinion (8 s on compressed time) climbs its ladder across the restart: the
  // last rung comes after it, through the outbox, the dispatcher and the live stream.
  const outbox = async () => (await db.pool.query<{ alert_key: string; id: string; raised_at: Date }>(`select id::text, alert_key, raised_at from alert_outbox where proposal_id = $1 order by id`, [id])).rows;
  const rows = await until(outbox, (r) => r.some((a) => a.alert_key.includes('|escalation|3|')), 40);
  const after = rows.filter((a) => a.raised_at.toISOString() > restartedAt);
  expect(after.length).toBeGreaterThan(0);
  // Every alert raised after the restart reaches the webhook (the dispatcher retries with backoff).
  const keysDelivered = () => new Set(delivered.map((a) => (a as { key?: string }).key));
  await until(async () => keysDelivered(), (keys) => after.every((a) => keys.has(a.alert_key)), 60);
  expect(after.filter((a) => !keysDelivered().has(a.alert_key)).map((a) => a.alert_key)).toEqual([]);
  await until(async () => stream.got.length, () => after.every((a) => stream.got.some((g) => g.id === a.id)), 30);
  await stream.stop();
  expect(after.every((a) => stream.got.some((g) => g.id === a.id))).toBe(true);

  // The read model caught up with the workflow, every alert once.
  const view = await call('GET', `/proposals/${id}`, 'committee-clerk');
  const projected = await until(
    async () => (await db.pool.query<{ version: number }>('select version from proposals where id = $1', [id])).rows[0]?.version,
    (v) => v === view.body.state.version,
    20,
  );
  expect(projected).toBe(view.body.state.version);
  expect(new Set(rows.map((r) => r.alert_key)).size).toBe(rows.length);
  expect(rows.map((r) => r.alert_key).sort()).toEqual(Object.keys(view.body.state.alertsRaised).sort());
  // No process died.
  expect(processes.all.map((c) => [c.exitCode, c.signalCode])).toEqual(processes.all.map(() => [null, null]));
}, 150_000);
