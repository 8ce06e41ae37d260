/**
 * The API's figures for Prometheus, scraped as a monitoring server would: requests by route,
 * method and status, each action's Update latency by outcome, and the projection's lag, with
 * labels that name routes, never a proposal (bounded series).
 */
import { referenceCase } from '../../seeds/reference-case';
import { http, useStack, waitFor } from '../support/api';

const c202 = referenceCase();
const ctx = useStack();

/** The value of one sample of the scrape, by its name and labels as Prometheus writes them; undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  const wanted = Object.entries({ ...labels, service: 'api' });
  const line = text.split('\n').find((l) => {
    const m = /^([a-z_:]+)\{([^}]*)\} (\S+)$/.exec(l);
    if (!m || m[1] !== name) return false;
    const have = Object.fromEntries([...m[2]!.matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    return wanted.every(([k, v]) => have[k] === v) && Object.keys(have).length === wanted.length;
  });
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

const scrape = async () => {
  const res = await fetch(`${ctx.current.base}/metrics`);
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
};

test('requests, Update latency by outcome and the projection lag, scraped without a token, labelled by route', async () => {
  const filed = await http(ctx.current, 'POST', '/proposals', { as: 'committee-clerk', body: { ...c202.intake, number: 3601 } });
  const id = filed.body.proposalId as string;
  expect((await http(ctx.current, 'POST', `/proposals/${id}/registration`, { as: 'committee-clerk', body: { review: { outcome: 'register' } } })).status).toBe(200);
  expect((await http(ctx.current, 'POST', `/proposals/${id}/assignment`, { as: 'committee-clerk', body: { assignment: c202.assignment } })).status).toBe(200);
  // The same assignment again is refused by the rules: an Update that was answered, with a refusal.
  expect((await http(ctx.current, 'POST', `/proposals/${id}/assignment`, { as: 'committee-clerk', body: { assignment: c202.assignment } })).status).toBe(409);
  expect((await http(ctx.current, 'GET', `/proposals/${id}`)).status).toBe(401);

  const { status, type, text } = await scrape();
  expect([status, type]).toEqual([200, 'text/plain; charset=utf-8; version=0.0.4']);
  expect(sample(text, 'http_requests_total', { method: 'POST', route: '/proposals', status: '201' })).toBeGreaterThanOrEqual(1);
  expect(sample(text, 'http_requests_total', { method: 'POST', route: '/proposals/:id/:action', status: '200' })).toBeGreaterThanOrEqual(2);
  expect(sample(text, 'http_requests_total', { method: 'POST', route: '/proposals/:id/:action', status: '409' })).toBeGreaterThanOrEqual(1);
  expect(sample(text, 'http_requests_total', { method: 'GET', route: '/proposals/:id', status: '401' })).toBeGreaterThanOrEqual(1);
  expect(sample(text, 'http_request_duration_seconds_count', { method: 'POST', route: '/proposals/:id/:action', status: '200' })).toBeGreaterThanOrEqual(2);
  expect(sample(text, 'proposal_update_duration_seconds_count', { action: 'assignment', outcome: 'accepted' })).toBe(1);
  expect(sample(text, 'proposal_update_duration_seconds_count', { action: 'assignment', outcome: 'refused' })).toBe(1);
  expect(sample(text, 'proposal_update_duration_seconds_bucket', { action: 'registration', outcome: 'accepted', le: '+Inf' })).toBe(1);
  // No series per proposal: a scrape stays the same size however many proposals there are.
  expect(text).not.toContain(id);
  // The projection catches up with what the Updates answered.
  const caughtUp = await waitFor(scrape, (s) => sample(s.text, 'proposal_projection_lag_versions', {}) === 0);
  expect([sample(caughtUp.text, 'proposal_projection_lag_versions', {}), sample(caughtUp.text, 'proposal_projection_behind', {})]).toEqual([0, 0]);
  expect(sample(caughtUp.text, 'nodejs_eventloop_lag_seconds', {})).toBeGreaterThanOrEqual(0);
});
