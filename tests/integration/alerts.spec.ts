/**
 * Alerts end to end on real time, compressed to seconds: a real Temporal dev server, a worker
 * process killed (SIGKILL) in the middle and started again, a real PostgreSQL outbox, and the
 * dispatcher delivering to a local webhook that fails before it succeeds.
 */
import { MockActivityEnvironment, type TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, bundleWorkflowCode } from '@temporalio/worker';
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { createActivities } from '../../activities';
import { backoffSeconds, deliverDue, webhookSender } from '../../apps/dispatcher/src/alert-delivery';
import { compressedPolicy } from '../../seeds/policy';
import { referenceCase } from '../../seeds/reference-case';
import { summarize } from '../../workflows/domain/summary';
import { openDuties } from '../../workflows/domain/duties';
import { eventsQuery, viewQuery } from '../../workflows/messages';
import { type TestDatabase, createTestDatabase } from '../support/database';
import { act, startProposal } from '../support/proposals';
import { devServerEnv } from '../support/temporal';
import { freePort } from '../support/processes';
import { workflowSources } from '../../apps/worker/src/workflow-code';

const c202 = referenceCase();
const policy = compressedPolicy();
let env: TestWorkflowEnvironment;
let db: TestDatabase;
let bundle: string;

beforeAll(async () => {
  [env, db] = await Promise.all([devServerEnv(), createTestDatabase()]);
  const { code } = await bundleWorkflowCode({ workflowsPath: require.resolve('../../workflows'), logger: { info() {}, warn() {}, error() {}, debug() {}, trace() {}, log() {} } });
  bundle = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'proposal-bundle-')), 'workflows.js');
  fs.writeFileSync(bundle, code);
});
afterAll(async () => {
  await env?.teardown();
  await db?.drop();
});

/** The worker as its own process, as production runs it, so it can be killed outright. */
function workerProcess(metricsAddress?: string): ChildProcess {
  return spawn(process.execPath, ['-r', '@swc-node/register', path.resolve(__dirname, '../../apps/worker/src/main.ts')], {
    env: { ...process.env, TEMPORAL_ADDRESS: env.address, DATABASE_URL: db.url, WORKFLOW_BUNDLE: bundle, LOG_LEVEL: 'ERROR', DIGEST_AT: 'off', ...(metricsAddress ? { METRICS_ADDRESS: metricsAddress } : {}) },
    stdio: 'inherit',
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function outbox(proposalId: string) {
  const { rows } = await db.pool.query(`select alert_key, kind, level, duty_kind, raised_at from alert_outbox where proposal_id = $1 order by id`, [proposalId]);
  return rows;
}

async function until<T>(probe: () => Promise<T>, ok: (t: T) => boolean, seconds: number): Promise<T> {
  const end = Date.now() + seconds * 1000;
  let value = await probe();
  while (!ok(value) && Date.now() < end) {
    await sleep(250);
    value = await probe();
  }
  return value;
}

test('a worker killed mid-way loses no alert and sends none twice; retried and replayed projections add nothing', async () => {
  let worker = workerProcess();
  const handle = await startProposal(env.client, c202.intake, policy);
  const [register, assign] = [
    { type: 'review', actor: { role: 'committee', id: 'committee-clerk' }, review: { outcome: 'register' } },
    { type: 'assign', actor: { role: 'committee', id: 'committee-clerk' }, assignment: c202.assignment },
  ];
  await act(handle, register);
  await act(handle, assign);
  const assignedAt = Date.parse((await handle.query(viewQuery)).state.assignedAt!);

  // The opinion is due 8 s after assignment: warning at 5 s, overdue at 8, the ladder at 11, 14, 17.
  const opinion = <R extends { duty_kind: string }>(rows: R[]) => rows.filter((r) => r.duty_kind === 'coHandlerOpinion');
  const warned = await until(() => outbox(handle.workflowId), (rows) => opinion(rows).length >= 1, 15);
  expect(opinion(warned).map((r) => r.kind)).toEqual(['warning']);
  worker.kill('SIGKILL');
  await new Promise((r) => worker.once('exit', r));

  // Everything else falls due while no worker runs.
  await sleep(Math.max(0, assignedAt + 18_000 - Date.now()));
  expect(opinion(await outbox(handle.workflowId))).toHaveLength(1);
  const metricsAddress = `127.0.0.1:${await freePort()}`;
  worker = workerProcess(metricsAddress);
  try {
    const caught = await until(() => outbox(handle.workflowId), (rows) => opinion(rows).length >= 5, 30);
    // The SDK's own figures, as Prometheus scrapes the worker: workflow task latency and the cache.
    const figures = await (await fetch(`http://${metricsAddress}/metrics`)).text();
    expect(figures).toMatch(/^temporal_workflow_task_execution_latency\w*_count\{.*\} [1-9]/m);
    expect(figures).toMatch(/^temporal_sticky_cache_size\{.*\} \d/m);
    expect(opinion(caught).map((r) => `${r.kind}${r.level}`)).toEqual(['warning0', 'overdue0', 'escalation1', 'escalation2', 'escalation3']);
    const keys = caught.map((r) => r.alert_key);
    expect(new Set(keys).size).toBe(keys.length);
    // The workflow's own record agrees with the outbox, key for key.
    const raised = (await handle.query(eventsQuery)).flatMap((e) => (e.type === 'AlertRaised' ? [e.alert.key] : []));
    expect([...raised].sort()).toEqual([...keys].sort());

    // A retried projection of every event, and a replay of the whole history, add no row.
    const view = await handle.query(viewQuery);
    const { projectProposal } = createActivities(db.pool, env.client);
    await new MockActivityEnvironment().run(projectProposal, { proposalId: handle.workflowId, summary: summarize(view.state, policy, [], openDuties(view.state, policy, view.asOf)), events: await handle.query(eventsQuery), duties: openDuties(view.state, policy, view.asOf) });
    await Worker.runReplayHistory(workflowSources(), await handle.fetchHistory());
    expect((await outbox(handle.workflowId)).map((r) => r.alert_key)).toEqual(keys);
  } finally {
    worker.kill('SIGTERM');
    await new Promise((r) => worker.once('exit', r));
    await handle.terminate('test done');
  }
});

test('the dispatcher retries a failing webhook with backoff and delivers each alert once, keyed', async () => {
  const seen: { key: string; status: number }[] = [];
  const failuresLeft = new Map<string, number>();
  const receiver = http.createServer((req, res) => {
    const key = String(req.headers['idempotency-key']);
    const left = failuresLeft.get(key) ?? 2;
    failuresLeft.set(key, left - 1);
    const status = left > 0 ? 503 : 204;
    seen.push({ key, status });
    req.resume();
    req.on('end', () => res.writeHead(status).end());
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/alerts`;
  try {
    const pending = (await db.pool.query('select count(*)::int as n from alert_outbox where delivered_at is null')).rows[0].n as number;
    expect(pending).toBeGreaterThan(0);
    const first = await deliverDue(db.pool, webhookSender(url), 100);
    expect(first).toEqual({ delivered: 0, failed: pending });
    const { rows: backoff } = await db.pool.query(`select extract(epoch from next_attempt_at - now()) as wait from alert_outbox where delivered_at is null`);
    expect(backoff.every((r) => Number(r.wait) > 0 && Number(r.wait) <= backoffSeconds(0))).toBe(true);
    // Not yet due again: nothing is sent.
    expect(await deliverDue(db.pool, webhookSender(url), 100)).toEqual({ delivered: 0, failed: 0 });
    for (let round = 0; round < 2; round++) {
      await db.pool.query('update alert_outbox set next_attempt_at = now() where delivered_at is null');
      await deliverDue(db.pool, webhookSender(url), 100);
    }
    const { rows } = await db.pool.query('select alert_key, attempts, delivered_at from alert_outbox order by id');
    expect(rows.every((r) => r.delivered_at !== null && r.attempts === 3)).toBe(true);
    const delivered = seen.filter((s) => s.status === 204).map((s) => s.key);
    expect(delivered.sort()).toEqual(rows.map((r) => r.alert_key).sort());
  } finally {
    receiver.close();
  }
});
