/**
 * Lifecycle throughput: proposals driven from intake to closed through the API by concurrent
 * clients, beside the same number of Updates sent by the Temporal client straight at a minimal
 * recording workflow (the bare-Temporal reference) on the same server, in the same process.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { randomUUID } from 'node:crypto';
import { requestFor } from '../apps/api/src/proposals/actions';
import { referenceCase } from '../seeds/reference-case';
import { referenceSteps } from '../seeds/reference-steps';
import { type Stack, http } from '../tests/support/api';
import { finishUpdate, recordUpdate, recorderWorkflow } from './reference/recorder.workflow';
import { type Latencies, latencies } from './stats';

export interface Throughput {
  clients: number;
  proposals: number;
  actions: number;
  seconds: number;
  proposalsPerMinute: number;
  actionsPerSecond: number;
  all: Latencies;
  byKind: Record<string, Latencies>;
  failures: number;
}

/** Runs `proposals` lifecycles, `clients` at a time; each lifecycle is `steps(n)` timed calls. */
export async function drive(clients: number, proposals: number, lifecycle: (n: number, time: (kind: string, call: () => Promise<boolean>) => Promise<void>) => Promise<void>): Promise<Throughput> {
  const samples: Record<string, number[]> = {};
  let failures = 0;
  let next = 0;
  const time = async (kind: string, call: () => Promise<boolean>) => {
    const t0 = performance.now();
    const ok = await call();
    (samples[kind] ??= []).push(performance.now() - t0);
    if (!ok) failures++;
  };
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let n = next++; n < proposals; n = next++) await lifecycle(n, time);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const all = Object.values(samples).flat();
  return {
    clients,
    proposals,
    actions: all.length,
    seconds,
    proposalsPerMinute: (proposals / seconds) * 60,
    actionsPerSecond: all.length / seconds,
    all: latencies(all),
    byKind: Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, latencies(v)])),
    failures,
  };
}

/** Proposal 202's whole life over HTTP, as its people would send it; with several API replicas, each proposal's through the next. */
export function throughApi(replicas: Stack | Stack[], clients: number, proposals: number, firstNumber: number): Promise<Throughput> {
  const c = referenceCase();
  const all = Array.isArray(replicas) ? replicas : [replicas];
  return drive(clients, proposals, async (n, time) => {
    const stack = all[n % all.length]!;
    const intake = { ...c.intake, number: firstNumber + n };
    let id = '';
    await time('intake', async () => {
      const filed = await http(stack, 'POST', '/proposals', { as: 'committee-clerk', body: intake });
      id = filed.body?.proposalId;
      return filed.status === 201;
    });
    for (const step of referenceSteps({ ...c, intake }, () => new Date(Date.now() - 1000).toISOString())) {
      const { action, body, principalId } = requestFor(step.command);
      await time(step.command.type, async () => (await http(stack, 'POST', `/proposals/${id}/${action}`, { as: principalId, body })).status === 200);
    }
  });
}

/** The same count of Updates, with the same payloads, at a workflow that only records them. */
export async function throughBareTemporal(env: TestWorkflowEnvironment, clients: number, proposals: number): Promise<Throughput> {
  const c = referenceCase();
  const steps = referenceSteps(c, () => new Date().toISOString()).map((s) => s.command);
  const taskQueue = `bench-reference-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowsPath: require.resolve('./reference/recorder.workflow'),
    activities: { recorded: async () => undefined },
    maxCachedWorkflows: 200,
  });
  return worker.runUntil(
    drive(clients, proposals, async (_n, time) => {
      let handle!: Awaited<ReturnType<typeof env.client.workflow.start<typeof recorderWorkflow>>>;
      await time('intake', async () => {
        handle = await env.client.workflow.start(recorderWorkflow, { taskQueue, workflowId: `bench-${randomUUID()}` });
        return true;
      });
      for (const command of steps) await time(command.type, async () => (await handle.executeUpdate(recordUpdate, { args: [command], updateId: randomUUID() })) > 0);
      await handle.executeUpdate(finishUpdate, {});
    }),
  );
}
