/**
 * Many open proposals on the embedded server (a SQLite file): the time to start and assign them,
 * so each has live timers; the worker process's memory with a bounded workflow cache; the SQLite
 * file's size; and the latency of one action through the API while they are open, beside the
 * same on an empty store. The start rate beside bare Temporal's: as many minimal workflows started
 * and sent the same two Updates, first, on the same server (ours then run on the larger store).
 */
import type { INestApplication } from '@nestjs/common';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createApi } from '../apps/api/src/app';
import { loadDirectory } from '../apps/api/src/auth/principals';
import { mintToken } from '../apps/api/src/auth/tokens';
import { defaultPolicy } from '../seeds/policy';
import { referenceCase, seedDirectory } from '../seeds/reference-case';
import { referenceSteps } from '../seeds/reference-steps';
import { testApiConfig } from '../tests/support/api';
import { createTestDatabase } from '../tests/support/database';
import { act, startProposal } from '../tests/support/proposals';
import { quietRuntime } from '../tests/support/temporal';
import { type Latencies, timed } from './stats';
import { PROPOSAL_SEARCH_ATTRIBUTES } from '../workflows/search-attributes';
import { finishUpdate, recordUpdate, recorderWorkflow } from './reference/recorder.workflow';

export interface ScaleFigures {
  openProposals: number;
  maxCachedWorkflows: number;
  sqlitePragmas: string[];
  startSeconds: number;
  startedPerSecond: number;
  bareStartedPerSecond: number;
  workerRssMiB: number;
  sqliteMiB: number;
  actionEmptyStore: Latencies;
  actionWithOpenProposals: Latencies;
}

const rssMiB = (child: ChildProcess) => {
  const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
};

/** `pragmas`: the dev server's `--sqlite-pragma` values (the main job's, unless told otherwise). */
export async function scale(openProposals: number, maxCachedWorkflows: number, pragmas: string[], concurrency = 32): Promise<ScaleFigures> {
  quietRuntime();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-scale-'));
  const dbFile = path.join(dir, 'temporal.db');
  const env = await TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'existing-path', path: path.resolve(__dirname, '../.venv/bin/temporal') }, ip: '127.0.0.1', dbFilename: dbFile, searchAttributes: PROPOSAL_SEARCH_ATTRIBUTES, extraArgs: pragmas.flatMap((p) => ['--sqlite-pragma', p]) },
  });
  const db = await createTestDatabase();
  await loadDirectory(db.pool, seedDirectory());
  // The worker as production runs it: the compiled process and the prebuilt bundle (`npm run bench` builds them first).
  const dist = path.resolve(__dirname, '../dist');
  if (!fs.existsSync(path.join(dist, 'workflow-bundle.js'))) throw new Error('no build in dist/: run `npm run build` first');
  const worker = spawn(process.execPath, [path.join(dist, 'apps/worker/src/main.js')], {
    env: { ...process.env, TEMPORAL_ADDRESS: env.address, DATABASE_URL: db.url, MAX_CACHED_WORKFLOWS: String(maxCachedWorkflows), LOG_LEVEL: 'ERROR' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const secret = 'bench-secret-bench-secret-bench-secret-01';
  let api: INestApplication | undefined;
  try {
    api = await createApi(testApiConfig(env.address, db.url, { TEMPORAL_TIMEOUT_MS: 30_000 }, secret));
    await api.listen(0, '127.0.0.1');
    const base = (await api.getUrl()).replace('[::1]', '127.0.0.1');
    const c = referenceCase();
    const policy = defaultPolicy();
    const committee = { role: 'committee' as const, id: 'committee-clerk' };
    const assigned = async (number: number) => {
      const handle = await startProposal(env.client, { ...c.intake, number }, policy);
      await act(handle, { type: 'review', actor: committee, review: { outcome: 'register' } });
      await act(handle, { type: 'assign', actor: committee, assignment: c.assignment });
      return handle.workflowId;
    };
    const token = await mintToken('drc-officer', secret);
    /** One contact recorded through the API, on one of a few proposals. */
    const actions = async (ids: string[]) =>
      timed(100, async (i) => {
        const res = await fetch(`${base}/proposals/${ids[i % ids.length]}/contacts`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': `bench-${Date.now()}-${i}-${Math.random()}` },
          body: JSON.stringify({ contact: { ...c.contacts[1]!.contact, occurredAt: new Date(Date.now() - 1000).toISOString() } }),
        });
        if (res.status !== 200) throw new Error(`action: ${res.status} ${await res.text()}`);
      });
    const bareStartedPerSecond = await bareStartRate(env, openProposals, concurrency);
    const probes = await Promise.all([1, 2, 3, 4].map((n) => assigned(900_000 + n)));
    const actionEmptyStore = await actions(probes);

    const startSeconds = await inParallel(openProposals, concurrency, (n) => assigned(100_000 + n));
    const actionWithOpenProposals = await actions(probes);
    const sqliteBytes = fs.readdirSync(dir).filter((f) => f.startsWith('temporal.db')).reduce((sum, f) => sum + fs.statSync(path.join(dir, f)).size, 0);
    return {
      openProposals,
      maxCachedWorkflows,
      sqlitePragmas: pragmas,
      startSeconds: Math.round(startSeconds * 10) / 10,
      startedPerSecond: Math.round(openProposals / startSeconds),
      bareStartedPerSecond,
      workerRssMiB: rssMiB(worker),
      sqliteMiB: Math.round(sqliteBytes / 1024 / 1024),
      actionEmptyStore,
      actionWithOpenProposals,
    };
  } finally {
    await api?.close();
    worker.kill('SIGTERM');
    await new Promise((r) => worker.once('exit', r));
    await env.teardown();
    await db.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs `run` for 0..count-1, `concurrency` at a time; the seconds it took. */
async function inParallel(count: number, concurrency: number, run: (n: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let n = next++; n < count; n = next++) await run(n);
    }),
  );
  return (performance.now() - t0) / 1000;
}

/** Bare Temporal's start rate: minimal workflows started and sent two Updates (as intake, review and assignment), then finished. */
async function bareStartRate(env: TestWorkflowEnvironment, count: number, concurrency: number): Promise<number> {
  const taskQueue = `bench-start-reference-${randomUUID()}`;
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowsPath: require.resolve('./reference/recorder.workflow'), activities: { recorded: async () => undefined } });
  const [review, assign] = referenceSteps(referenceCase(), () => new Date().toISOString()).map((s) => s.command);
  return worker.runUntil(async () => {
    const handles: Awaited<ReturnType<typeof env.client.workflow.start<typeof recorderWorkflow>>>[] = [];
    const seconds = await inParallel(count, concurrency, async () => {
      const handle = await env.client.workflow.start(recorderWorkflow, { taskQueue, workflowId: `bench-start-${randomUUID()}` });
      for (const command of [review, assign]) await handle.executeUpdate(recordUpdate, { args: [command], updateId: randomUUID() });
      handles.push(handle);
    });
    await inParallel(handles.length, concurrency, (n) => handles[n]!.executeUpdate(finishUpdate, {}));
    return Math.round(count / seconds);
  });
}
