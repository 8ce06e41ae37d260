/**
 * Fault runs: a few hundred proposals driven over HTTP while the parts fail under them, as an
 * operator would meet it. Two worker processes on one task queue and two API replica processes,
 * the clients taking turns between the replicas as a load balancer would; the first worker is
 * SIGKILLed and restarted, the Temporal dev server is SIGKILLed and its supervision (the main
 * job's) starts it again on the same SQLite file, the (test's own) PostgreSQL is restarted, the
 * first API replica is SIGKILLed for good (its requests in flight go to the other under the same
 * key), and the second worker is SIGKILLed for good. Afterwards
 * every proposal stands where its steps lead, nothing was applied twice, the outbox holds each
 * alert a workflow raised exactly once, the read model equals the Queries, and the clients saw
 * nothing but 2xx, 409 and 503 with Retry-After (which they retried under the same key).
 *
 * Most proposals run proposal 202's whole life on the real rules; every tenth runs on
 * compressed time (seconds for months), registered and assigned and then left to the clock, so
 * alerts are raised while the faults happen. Faults are triggered by progress, not by the clock,
 * so they land mid-run on a fast machine and a slow one alike.
 */
import { Client, Connection } from '@temporalio/client';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadDirectory } from '../../apps/api/src/auth/principals';
import { type Api, Run } from '../../apps/stack/src/drive-over-http';
import { type DevServer, answers as temporalAnswers, startDevServer } from '../../apps/stack/src/embedded-temporal';
import { compressedPolicy } from '../../seeds/policy';
import { type ReferenceCase, referenceCase, seedDirectory } from '../../seeds/reference-case';
import { referenceSteps } from '../../seeds/reference-steps';
import type { RecordedEvent } from '../../workflows/domain/events';
import { type ProposalView, eventsQuery, viewQuery } from '../../workflows/messages';
import { type TestDatabase, createTestDatabase } from '../support/database';
import { type OwnPostgres, startOwnPostgres } from '../support/own-postgres';
import { Processes, workflowBundleFile } from '../support/processes';
import { quietRuntime } from '../support/temporal';

const PROPOSALS = Number(process.env.FAULT_RUN_PROPOSALS ?? 200);
const CONCURRENCY = 12;
const SECRET = 'fault-run-secret-fault-run-secret-0123456';
const c202 = referenceCase();
const compressed = compressedPolicy().id;

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

let dir: string;
let pg: OwnPostgres;
let db: TestDatabase;
let temporal: DevServer;
let temporalOptions: Parameters<typeof startDevServer>[0];
const gaveUp: Error[] = [];
let client: Client;
let workerVars: Record<string, string>;
/** The API replicas' bases, and their processes. */
const replicas: string[] = [];
const replicaProcesses: ChildProcess[] = [];
const processes = new Processes();

beforeAll(async () => {
  quietRuntime();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fault-runs-'));
  pg = await startOwnPostgres();
  db = await createTestDatabase(pg.server);
  await loadDirectory(db.pool, seedDirectory());
  temporalOptions = {
    binary: path.resolve(__dirname, '../../.venv/bin/temporal'),
    dbFile: path.join(dir, 'temporal.db'),
    ip: '127.0.0.1',
    port: await freePort(),
    uiPort: await freePort(),
    logFile: path.join(dir, 'temporal.log'),
  };
  // Supervised as the main job runs it: a server that keeps dying fails the run.
  temporal = await startDevServer(temporalOptions, (err) => gaveUp.push(err));
  client = new Client({ connection: await Connection.connect({ address: temporal.address }) });
  workerVars = { TEMPORAL_ADDRESS: temporal.address, DATABASE_URL: db.url, WORKFLOW_BUNDLE: await workflowBundleFile(), LOG_LEVEL: 'ERROR' };
  processes.start('apps/worker/src/main.ts', workerVars);
  processes.start('apps/worker/src/main.ts', workerVars);
  for (let i = 0; i < 2; i++) {
    const port = await freePort();
    const vars = { HOST: '127.0.0.1', PORT: String(port), TEMPORAL_ADDRESS: temporal.address, DATABASE_URL: db.url, API_TOKEN_SECRET: SECRET, TEMPORAL_TIMEOUT_MS: '5000', LOG_LEVEL: 'error' };
    replicaProcesses.push(processes.start('apps/api/src/main.ts', vars));
    replicas.push(`http://127.0.0.1:${port}`);
  }
  for (const base of replicas) await eventually(() => fetch(`${base}/healthz`).then((r) => r.ok, () => false), (up) => up, 60);
}, 180_000);

afterAll(async () => {
  await processes.stopAll();
  await client?.connection.close();
  await temporal?.stop();
  await db?.drop().catch(() => undefined);
  pg?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}, 60_000);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Driven {
  id: string;
  onCompressedTime: boolean;
}

/** One proposal's steps; on compressed time only registration and assignment, then the clock. */
async function drive(api: Api, n: number): Promise<Driven> {
  const c: ReferenceCase = { ...c202, intake: { ...c202.intake, number: 5000 + n } };
  const onCompressedTime = n % 10 === 9;
  const run = await Run.file(api, c, undefined, onCompressedTime ? compressed : undefined);
  const steps = referenceSteps(c, () => '');
  for (const [i, step] of (onCompressedTime ? steps.slice(0, 2) : steps).entries()) await run.send(step, `step-${i + 1}`);
  return { id: run.id, onCompressedTime };
}

/** The faults, each once the run has got so far. */
function faults(progress: () => number) {
  const log: string[] = [];
  const at = async (share: number) => {
    while (progress() < share * PROPOSALS) await sleep(100);
  };
  const done = (async () => {
    const [first, second] = processes.all;
    await at(0.1);
    await processes.kill(first!);
    log.push('worker 1 SIGKILLed');
    await sleep(2000);
    processes.start('apps/worker/src/main.ts', workerVars);
    log.push('worker 1 restarted');

    await at(0.3);
    const killed = temporal.pid;
    process.kill(killed, 'SIGKILL');
    log.push('Temporal dev server SIGKILLed');
    // Its supervision starts it again on the same file, as the main job's does.
    while (temporal.pid === killed || !(await temporalAnswers(temporal.address))) await sleep(250);
    log.push('Temporal dev server started again on the same file by its supervision');

    await at(0.5);
    pg.restart();
    log.push('PostgreSQL restarted');

    await at(0.6);
    await processes.kill(replicaProcesses[0]!);
    log.push('API replica 1 SIGKILLed for good');

    await at(0.7);
    await processes.kill(second!);
    log.push('worker 2 SIGKILLed for good');
  })();
  return { log, done };
}

async function eventually<T>(probe: () => Promise<T>, ok: (t: T) => boolean, seconds: number): Promise<T> {
  const end = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe();
    if (ok(value) || Date.now() > end) return value;
    await sleep(250);
  }
}

const types = (events: RecordedEvent[], byPeople = false) => events.filter((e) => !byPeople || e.by.role !== 'clock').map((e) => e.type);

test(`${PROPOSALS} proposals through two replicas and two workers: a worker crash, a Temporal server crash, a PostgreSQL restart, a lost replica and a lost worker`, async () => {
  const answers = new Map<string, number>();
  const lost = new Map<string, number>();
  const api: Api = {
    base: replicas[0]!,
    replicas,
    secret: SECRET,
    onAnswer: (status, retryAfter) => {
      const seen = status >= 200 && status < 300 ? '2xx' : status === 503 && retryAfter === null ? '503 without Retry-After' : String(status);
      answers.set(seen, (answers.get(seen) ?? 0) + 1);
    },
    onLost: (base) => lost.set(base, (lost.get(base) ?? 0) + 1),
  };
  let finished = 0;
  const fault = faults(() => finished);
  const driven: Driven[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < PROPOSALS) {
        driven.push(await drive(api, next++));
        finished++;
      }
    }),
  );
  await fault.done;
  console.log(`fault run: ${fault.log.join('; ')}; answers ${JSON.stringify(Object.fromEntries(answers))}; requests sent on after a replica did not answer ${JSON.stringify(Object.fromEntries(lost))}`);

  // The clients saw only what they may retry or rely on; only the replica killed left requests unanswered.
  expect([...answers.keys()].filter((k) => !['2xx', '409', '503'].includes(k))).toEqual([]);
  expect([...lost.keys()].filter((base) => base !== replicas[0])).toEqual([]);
  expect(fault.log).toHaveLength(7);
  expect(gaveUp).toEqual([]);

  const reference = await client.workflow.getHandle(driven.find((d) => !d.onCompressedTime)!.id).query(eventsQuery);
  const mismatches: string[] = [];
  for (const d of driven) {
    const handle = client.workflow.getHandle(d.id);
    // Settled: the read model at the workflow's version (the clock may still be raising alerts).
    const settled = await eventually(
      async () => {
        const view = await handle.query(viewQuery);
        const { rows } = await db.pool.query('select status, stage, version from proposals where id = $1', [d.id]);
        return { view, row: rows[0] };
      },
      ({ view, row }) => row?.version === view.state.version,
      90,
    );
    const { view, row } = settled as { view: ProposalView; row: { status: string; stage: string; version: number } };
    const events = await handle.query(eventsQuery);
    const [{ rows: projectedEvents }, { rows: outbox }, { rows: tasks }] = await Promise.all([
      db.pool.query<{ seq: number; type: string }>('select seq, type from proposal_events where proposal_id = $1 order by seq', [d.id]),
      db.pool.query<{ alert_key: string }>('select alert_key from alert_outbox where proposal_id = $1 order by alert_key', [d.id]),
      db.pool.query<{ duty_key: string }>('select duty_key from unit_tasks where proposal_id = $1 order by duty_key', [d.id]),
    ]);
    const problems = [
      // Where its steps lead, each applied once.
      d.onCompressedTime
        ? view.state.status === 'handling' && types(events, true).join() === 'ProposalFiled,ProposalRegistered,ProposalAssigned'
        : view.state.status === 'closed' && types(events).join() === types(reference).join(),
      // The read model equals the Queries.
      row?.status === view.state.status && row?.stage === view.stage && row?.version === view.state.version,
      projectedEvents.map((e) => `${e.seq}${e.type}`).join() === events.map((e) => `${e.seq}${e.type}`).join(),
      tasks.map((t) => t.duty_key).join() === view.duties.map((t) => t.key).sort().join(),
      // Each alert raised once by the workflow is in the outbox once.
      outbox.map((o) => o.alert_key).join() === Object.keys(view.state.alertsRaised).sort().join(),
    ];
    const names = ['state and events', 'proposal row', 'events projected', 'tasks projected', 'outbox'];
    // What differed, so a rare mismatch under faults can be read from the log it fails in.
    const seen = [
      `${view.state.status} ${types(events).join()}`,
      `${JSON.stringify(row)} vs ${view.state.status}/${view.stage}/v${view.state.version}`,
      `${projectedEvents.map((e) => `${e.seq}${e.type}`).join()} vs ${events.map((e) => `${e.seq}${e.type}`).join()}`,
      `${tasks.map((t) => t.duty_key).join()} vs ${view.duties.map((t) => t.key).sort().join()}`,
      `${outbox.map((o) => o.alert_key).join()} vs ${Object.keys(view.state.alertsRaised).sort().join()}`,
    ];
    problems.forEach((ok, i) => ok || mismatches.push(`${d.id}: ${names[i]} (${seen[i]})`));
  }
  expect(mismatches).toEqual([]);
  const { rows: alerts } = await db.pool.query<{ n: number; keys: number }>('select count(*)::int as n, count(distinct (proposal_id, alert_key))::int as keys from alert_outbox');
  expect(alerts[0]!.n).toBe(alerts[0]!.keys);
  expect(alerts[0]!.n).toBeGreaterThan(0);
  // No process died but those killed on purpose: worker 1 (restarted), worker 2 and API replica 1.
  expect(processes.all.map((c) => c.signalCode ?? c.exitCode)).toEqual(['SIGKILL', 'SIGKILL', 'SIGKILL', null, null]);
}, 1_200_000);
