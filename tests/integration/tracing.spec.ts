/**
 * One request, one trace: the API and worker processes export OTLP to a receiver on loopback, and
 * an action sent with its caller's `traceparent` is followed from the HTTP request through the
 * client's Update, the workflow's handling of it, the projection it leads to (scheduled after
 * the Update has answered, from the workflow's main loop) and the projection's SQL — each span
 * the child of the one before, in one trace.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { randomBytes } from 'node:crypto';
import { mintToken } from '../../apps/api/src/auth/tokens';
import { loadDirectory } from '../../apps/api/src/auth/principals';
import { requestFor } from '../../apps/api/src/proposals/actions';
import { type ReceivedSpan, startTraceReceiver, traceTree } from '../../apps/stack/src/trace-receiver';
import { referenceCase, seedDirectory } from '../../seeds/reference-case';
import { referenceSteps } from '../../seeds/reference-steps';
import { SECRET } from '../support/api';
import { type TestDatabase, createTestDatabase } from '../support/database';
import { Processes, freePort, workflowBundleFile } from '../support/processes';
import { devServerEnv } from '../support/temporal';
import { until } from '../support/until';

let env: TestWorkflowEnvironment;
let db: TestDatabase;
let receiver: Awaited<ReturnType<typeof startTraceReceiver>>;
let base: string;
const processes = new Processes();

beforeAll(async () => {
  let bundle: string;
  [env, db, bundle, receiver] = await Promise.all([devServerEnv(), createTestDatabase(), workflowBundleFile(), startTraceReceiver()]);
  await loadDirectory(db.pool, seedDirectory());
  // Batches of spans leave every 100 ms, not the default 5 s.
  const otel = { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.endpoint, OTEL_BSP_SCHEDULE_DELAY: '100' };
  processes.start('apps/worker/src/main.ts', { TEMPORAL_ADDRESS: env.address, DATABASE_URL: db.url, WORKFLOW_BUNDLE: bundle, LOG_LEVEL: 'ERROR', DIGEST_AT: 'off', ...otel });
  const port = await freePort();
  processes.start('apps/api/src/main.ts', { HOST: '127.0.0.1', PORT: String(port), TEMPORAL_ADDRESS: env.address, DATABASE_URL: db.url, API_TOKEN_SECRET: SECRET, LOG_LEVEL: 'error', ...otel });
  base = `http://127.0.0.1:${port}`;
  await until(() => fetch(`${base}/readyz`).then((r) => r.ok, () => false), (up) => up, 60, 'the API ready');
}, 120_000);

afterAll(async () => {
  await processes.stopAll();
  await receiver?.stop();
  await env?.teardown();
  await db?.drop();
});

const post = async (path: string, principalId: string, body: unknown, traceparent?: string) => {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await mintToken(principalId, SECRET)}`, 'content-type': 'application/json', 'idempotency-key': `trace-${randomBytes(6).toString('hex')}`, ...(traceparent ? { traceparent } : {}) },
    body: JSON.stringify(body),
  });
  const answer = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(answer)}`);
  return answer;
};

/** The span named `name` whose parent is `parent`, and the one only. */
const childOf = (spans: ReceivedSpan[], parent: ReceivedSpan, name: RegExp) => {
  const found = spans.filter((s) => s.parentSpanId === parent.spanId && name.test(s.name));
  if (found.length !== 1) throw new Error(`under "${parent.name}", ${found.length} spans named ${name}; the trace:\n${traceTree(spans)}`);
  return found[0]!;
};

test("an action's request, its Update, the workflow's handling, the projection and its SQL are one trace", async () => {
  const c = { ...referenceCase(), intake: { ...referenceCase().intake, number: 1901 } };
  const [register] = referenceSteps(c, () => '');
  const committee = register!.command.actor.id;
  const filed = await post('/proposals', committee, c.intake);
  const { action, body } = requestFor(register!.command);
  expect(action).toBe('registration');

  // The caller's own trace, as a gateway or a browser's instrumentation would send it.
  const traceId = randomBytes(16).toString('hex');
  await post(`/proposals/${filed.proposalId as string}/${action}`, committee, body, `00-${traceId}-${randomBytes(8).toString('hex')}-01`);

  const spans = await until(
    async () => receiver.trace(traceId),
    (s) => s.some((span) => span.name.startsWith('RunActivity:projectProposal')) && s.some((span) => span.name.startsWith('pg.query')),
    60,
    'the projection and its SQL in the request trace',
  );
  // Named by its route, as its metrics are (every action is one route).
  const request = spans.find((s) => s.service === 'proposal-api' && s.name === 'POST /proposals/:id/:action');
  if (!request) throw new Error(`no span for the request; the trace:\n${traceTree(spans)}`);
  expect(request.attributes['http.route']).toBe('/proposals/:id/:action');
  const update = childOf(spans, request, /^StartWorkflowUpdate:act$/);
  const handling = childOf(spans, update, /^HandleUpdate:act$/);
  expect(handling.service).toBe('proposal-worker');
  // Scheduled after the Update answered, from the main loop: within the Update's trace still.
  const scheduling = childOf(spans, handling, /^StartActivity:projectProposal$/);
  const projection = childOf(spans, scheduling, /^RunActivity:projectProposal$/);
  const statements = spans.filter((s) => s.parentSpanId === projection.spanId && s.name.startsWith('pg.query'));
  expect(statements.length).toBeGreaterThan(0);
  // Nothing of the trace hangs loose: every span's parent is in it, but the caller's.
  const ids = new Set(spans.map((s) => s.spanId));
  expect(spans.filter((s) => s.parentSpanId && !ids.has(s.parentSpanId)).map((s) => s.name)).toEqual([request.name]);
}, 120_000);
