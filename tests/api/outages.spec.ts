/**
 * The API when its parts are down (issue 8, point 5): a request never hangs. Without a worker an
 * action answers 503 not-completed with Retry-After within the configured time, and its key
 * stays valid for the retry; without the Temporal server, 503 too; /readyz says which part is out.
 */
import { referenceCase } from '../../seeds/reference-case';
import { http, newKey, useStack, waitFor } from '../support/api';

const c202 = referenceCase();
const TIMEOUT_MS = 2000;
const ctx = useStack({ TEMPORAL_TIMEOUT_MS: TIMEOUT_MS });

const register = { review: { outcome: 'register' } };
/** Bounded: the configured wait plus slack for a loaded 2-core machine, far below a hang (30 s and more before). */
const BOUND_MS = TIMEOUT_MS + 8000;
const timed = async <T>(f: () => Promise<T>) => {
  const started = Date.now();
  const value = await f();
  return { value, ms: Date.now() - started };
};

test('the worker down: /readyz says so, an action answers 503 in bounded time, and its retry applies it once', async () => {
  const ready = await waitFor(() => http(ctx.current, 'GET', '/readyz'), (r) => r.body.worker === 'ok');
  expect(ready.body).toMatchObject({ status: 'ready', worker: 'ok' });
  const filed = await http(ctx.current, 'POST', '/proposals', { as: 'committee-clerk', body: { ...c202.intake, number: 8801 } });
  const id = filed.body.proposalId as string;
  await ctx.current.stopWorker();

  const key = newKey();
  const { value: res, ms } = await timed(() => http(ctx.current, 'POST', `/proposals/${id}/registration`, { as: 'committee-clerk', body: register, key }));
  expect([res.status, res.body.type, res.headers.get('retry-after')]).toEqual([503, 'urn:proposals:problem:not-completed', '5']);
  expect(ms).toBeLessThan(BOUND_MS);
  // A read that needs the workflow (a Query) answers 503 as well, instead of hanging.
  expect((await http(ctx.current, 'GET', `/proposals/${id}`, { as: 'committee-clerk' })).status).toBe(503);

  await ctx.current.startWorker();
  // As a client honouring Retry-After would: the new worker takes over once the old one's sticky
  // queue times out (a few seconds), and the retries meanwhile are 503s, never a second application.
  const retried = await waitFor(() => http(ctx.current, 'POST', `/proposals/${id}/registration`, { as: 'committee-clerk', body: register, key }), (r) => r.status !== 503);
  expect(retried.status).toBe(200);
  const view = await http(ctx.current, 'GET', `/proposals/${id}`, { as: 'committee-clerk' });
  expect([view.body.state.status, view.body.state.version]).toEqual(['registered', 2]);
});

test('the Temporal server down: 503 with Retry-After in bounded time, and /readyz is 503 naming Temporal', async () => {
  await ctx.current.stopTemporal();
  const { value: res, ms } = await timed(() => http(ctx.current, 'POST', '/proposals', { as: 'committee-clerk', body: { ...c202.intake, number: 8802 } }));
  expect(res.status).toBe(503);
  expect(['urn:proposals:problem:temporal-unavailable', 'urn:proposals:problem:not-completed']).toContain(res.body.type);
  expect(res.headers.get('retry-after')).toBe('5');
  expect(ms).toBeLessThan(BOUND_MS);
  const ready = await http(ctx.current, 'GET', '/readyz');
  expect(ready.status).toBe(503);
  expect(ready.body.temporal).toMatch(/^failing/);
  // Reads of the read model go on.
  expect((await http(ctx.current, 'GET', '/proposals', { as: 'committee-clerk' })).status).toBe(200);
});
