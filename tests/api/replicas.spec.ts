/**
 * Two API replicas on one Temporal server and one PostgreSQL, as `API_REPLICAS=2` runs them:
 * whichever replica a request reaches, the console's session and its CSRF token hold, an action
 * retried with its key is applied once, sign-out ends the session everywhere, and the alert
 * stream of either replica hears what the workflows raise.
 */
import type { INestApplication } from '@nestjs/common';
import { createApi } from '../../apps/api/src/app';
import { requestFor } from '../../apps/api/src/proposals/actions';
import { setPassword } from '../../apps/api/src/sign-in/passwords';
import { compressedPolicy } from '../../seeds/policy';
import { referenceCase } from '../../seeds/reference-case';
import { referenceSteps } from '../../seeds/reference-steps';
import { eventsQuery } from '../../workflows/messages';
import { streamAlerts } from '../support/alert-stream';
import { http, useStack } from '../support/api';
import { startProposal } from '../support/proposals';

const c202 = referenceCase();
const ctx = useStack();
let second: INestApplication;
/** The same stack, reached through the second replica. */
const other = () => ({ ...ctx.current, base: replicaBase });
let replicaBase = '';

beforeAll(async () => {
  second = await createApi(ctx.current.config);
  await second.listen(0, '127.0.0.1');
  replicaBase = await second.getUrl();
  await setPassword(ctx.current.db.pool, 'drc-officer', 'demo-drc-officer-2024');
});
afterAll(async () => {
  await second?.close();
});

/** A proposal of 202's kind, registered and assigned to the DRC with the Science Bureau, through the first replica. */
async function assigned(number: number): Promise<string> {
  const intake = { ...c202.intake, number };
  const filed = await http(ctx.current, 'POST', '/proposals', { as: 'committee-clerk', body: intake });
  const id = filed.body.proposalId as string;
  for (const step of referenceSteps({ ...c202, intake }, () => new Date(Date.now() - 1000).toISOString()).slice(0, 2)) {
    const { action, body, principalId } = requestFor(step.command);
    expect((await http(ctx.current, 'POST', `/proposals/${id}/${action}`, { as: principalId, body })).status).toBe(200);
  }
  return id;
}

const contact = () => {
  const step = referenceSteps(c202, () => new Date(Date.now() - 1000).toISOString()).find((s) => s.command.type === 'recordContact')!;
  return requestFor(step.command);
};

test('a console session begun on one replica acts on the other with its CSRF token; signed out on one, it is over on both', async () => {
  const id = await assigned(3401);
  const signedIn = await fetch(`${ctx.current.base}/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ account: 'drc-officer', password: 'demo-drc-officer-2024' }) });
  expect(signedIn.status).toBe(200);
  const cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await signedIn.json()) as { csrfToken: string };
  const browser = (base: string, method: string, path: string, o: { csrf?: string; body?: unknown; key?: string } = {}) =>
    fetch(`${base}${path}`, {
      method,
      headers: { cookie, ...(o.csrf ? { 'x-csrf-token': o.csrf } : {}), ...(o.body ? { 'content-type': 'application/json' } : {}), ...(o.key ? { 'idempotency-key': o.key } : {}) },
      body: o.body === undefined ? undefined : JSON.stringify(o.body),
    });
  expect(((await (await browser(replicaBase, 'GET', '/session')).json()) as { csrfToken: string }).csrfToken).toBe(csrfToken);
  const { action, body } = contact();
  expect((await browser(replicaBase, 'POST', `/proposals/${id}/${action}`, { body, key: 'replica-contact-1' })).status).toBe(403);
  expect((await browser(replicaBase, 'POST', `/proposals/${id}/${action}`, { csrf: csrfToken, body, key: 'replica-contact-1' })).status).toBe(200);
  expect((await browser(ctx.current.base, 'DELETE', '/session', { csrf: csrfToken })).status).toBe(204);
  expect((await browser(replicaBase, 'GET', '/tasks')).status).toBe(401);
});

test('the same action sent with one key to both replicas at once is applied once, and both answer it alike', async () => {
  const id = await assigned(3402);
  const before = (await ctx.current.env.client.workflow.getHandle(id).query(eventsQuery)).length;
  const { action, body, principalId } = contact();
  const sent = () => ({ as: principalId, body, key: 'replica-retry-1' });
  const answers = await Promise.all([
    http(ctx.current, 'POST', `/proposals/${id}/${action}`, sent()),
    http(other(), 'POST', `/proposals/${id}/${action}`, sent()),
    http(other(), 'POST', `/proposals/${id}/${action}`, sent()),
  ]);
  // Each is the answer, or the other request still at it (409 in-progress, to retry).
  for (const a of answers) expect([200, 409]).toContain(a.status);
  const done = answers.filter((a) => a.status === 200);
  expect(done.length).toBeGreaterThanOrEqual(1);
  const retried = await http(other(), 'POST', `/proposals/${id}/${action}`, sent());
  expect(retried.status).toBe(200);
  for (const a of [...done, retried]) expect(a.body.version).toBe(done[0]!.body.version);
  expect((await ctx.current.env.client.workflow.getHandle(id).query(eventsQuery)).length).toBe(before + 1);
});

test("the second replica's alert stream hears what a proposal acted on through the first raises", async () => {
  const handle = await startProposal(ctx.current.env.client, { ...c202.intake, number: 3403 }, compressedPolicy());
  const listening = streamAlerts(other(), 'stb-officer', 1, 25);
  await new Promise((r) => setTimeout(r, 300));
  await http(ctx.current, 'POST', `/proposals/${handle.workflowId}/registration`, { as: 'committee-clerk', body: { review: { outcome: 'register' } } });
  await http(ctx.current, 'POST', `/proposals/${handle.workflowId}/assignment`, { as: 'committee-clerk', body: { assignment: c202.assignment } });
  expect((await listening).map((a) => `${a.dutyKind}:${a.kind}`)).toEqual(['coHandlerOpinion:warning']);
  await handle.terminate('test done');
});
