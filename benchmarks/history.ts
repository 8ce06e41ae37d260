/**
 * History sizes: events per run for a whole lifecycle (the reference case, on the dev server) and
 * for two years of quarterly follow-up (the time-skipping server), with the largest payload a run
 * hands to the next one when it renews itself (continue-as-new).
 */
import type { Client } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { requestFor } from '../apps/api/src/proposals/actions';
import { defaultPolicy } from '../seeds/policy';
import { referenceCase } from '../seeds/reference-case';
import { referenceSteps } from '../seeds/reference-steps';
import { type Stack, http, waitFor } from '../tests/support/api';
import { act, startProposal, untilIdle } from '../tests/support/proposals';
import { timeSkippingEnv } from '../tests/support/temporal';
import { HISTORY_LIMIT } from '../workflows/proposal.workflow';
import { eventsQuery } from '../workflows/messages';
import { type Latencies, latencies } from './stats';

export interface HistoryFigures {
  lifecycle: { eventsPerRun: number[] };
  acrossRenewals: { runs: number; latencies: Latencies; historyReads: { fromReadModel: Latencies; fromProposal: Latencies; withTemporalHistory: Latencies } };
  twoYearsFollowUp: { runs: number; eventsPerRun: number[]; domainEvents: number; largestCarriedPayloadBytes: number };
}

/** Events per run, first run first, and the largest input a run passed on by continue-as-new. */
export async function runs(client: Client, workflowId: string): Promise<{ eventsPerRun: number[]; largestCarriedPayloadBytes: number }> {
  const eventsPerRun: number[] = [];
  let largest = 0;
  for (let runId: string | undefined = (await client.workflow.getHandle(workflowId).describe()).runId; runId; ) {
    const history: temporal.api.history.v1.IHistory = await client.workflow.getHandle(workflowId, runId).fetchHistory();
    const events: temporal.api.history.v1.IHistoryEvent[] = history.events ?? [];
    eventsPerRun.unshift(events.length);
    for (const payload of events.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.input?.payloads ?? []) largest = Math.max(largest, payload.data?.length ?? 0);
    runId = events[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId ?? undefined;
  }
  return { eventsPerRun, largestCarriedPayloadBytes: largest };
}

export async function twoYearsOfFollowUp(): Promise<HistoryFigures['twoYearsFollowUp']> {
  const env = await timeSkippingEnv();
  const taskQueue = 'bench-history';
  const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowsPath: require.resolve('../workflows'), activities: { projectProposal: async () => ({ applied: true }), reportProjectionRejected: async () => undefined } });
  try {
    return await worker.runUntil(async () => {
      const c = referenceCase();
      const intake = { ...c.intake, number: 7202 };
      const handle = await startProposal(env.client, intake, defaultPolicy(), taskQueue);
      const steps = referenceSteps({ ...c, intake }, () => new Date(Date.now() - 60_000).toISOString());
      for (const step of steps.filter((s) => s.command.type !== 'reportFollowUp')) await act(handle, step.command);
      const drc = { role: 'officer' as const, id: 'drc-officer', unitId: 'smx-drc' };
      for (let q = 1; q <= 8; q++) {
        await env.sleep('85 days');
        for (const no of [1, 2, 3, 4]) {
          // Acting only while the proposal is idle: the time-skipping server does not carry an
          // Update that arrives during a renewal over to the new run.
          await untilIdle(handle);
          await act(handle, { type: 'reportFollowUp', actor: drc, commitmentNo: no, progress: `第${q}季度`, done: q === 8 });
        }
      }
      await handle.result();
      const figures = await runs(env.client, handle.workflowId);
      return { runs: figures.eventsPerRun.length, ...figures, domainEvents: (await handle.query(eventsQuery)).length };
    });
  } finally {
    await env.teardown();
  }
}

/**
 * Actions across renewals, through the API on the dev server: one proposal takes contacts one
 * after another until its run has renewed itself (continue-as-new) ten times; the slowest action
 * says whether one arriving during a renewal waits for it. Then its history is read: the readable
 * history from the read model, the same by Query, and with Temporal's own history of every run.
 */
export async function acrossRenewals(stack: Stack, number: number, renewals = 10): Promise<HistoryFigures['acrossRenewals']> {
  const c = referenceCase();
  const intake = { ...c.intake, number };
  const filed = await http(stack, 'POST', '/proposals', { as: 'committee-clerk', body: intake });
  const id = filed.body.proposalId as string;
  const [register, assign, contact] = referenceSteps({ ...c, intake }, () => new Date(Date.now() - 1000).toISOString());
  for (const step of [register!, assign!]) {
    const { action, body, principalId } = requestFor(step.command);
    await http(stack, 'POST', `/proposals/${id}/${action}`, { as: principalId, body });
  }
  const { action, body, principalId } = requestFor(contact!.command);
  const samples: number[] = [];
  let version = 0;
  for (let i = 0; i < renewals * HISTORY_LIMIT; i++) {
    if (i % 20 === 0 && (await runs(stack.env.client, id)).eventsPerRun.length > renewals) break;
    const started = performance.now();
    const res = await http(stack, 'POST', `/proposals/${id}/${action}`, { as: principalId, body: { contact: { ...(body.contact as object), summary: `第${i + 1}次沟通` } } });
    samples.push(performance.now() - started);
    if (res.status !== 200) throw new Error(`contact ${i + 1}: ${res.status} ${JSON.stringify(res.body)}`);
    version = res.body.version;
  }
  const figures = await runs(stack.env.client, id);
  const timed = async (query: string, as: string, n: number, from: string) => {
    const reads: number[] = [];
    for (let i = 0; i < n; i++) {
      const started = performance.now();
      const res = await http(stack, 'GET', `/proposals/${id}/history${query}`, { as });
      reads.push(performance.now() - started);
      if (res.status !== 200 || res.body.answeredFrom !== from || res.body.events.length < version) throw new Error(`history${query}: ${res.status} from ${res.body.answeredFrom}`);
    }
    return latencies(reads);
  };
  await waitFor(() => stack.db.pool.query<{ version: number }>('select version from proposals where id = $1', [id]), (r) => r.rows[0]!.version >= version, 30_000);
  const historyReads = {
    fromReadModel: await timed(`?raw=false&version=${version}`, 'drc-officer', 60, 'readModel'),
    // One version ahead of the read model: what a reader would wait for if the projection lagged.
    fromProposal: await timed(`?raw=false&version=${version + 1}`, 'drc-officer', 20, 'proposal'),
    withTemporalHistory: await timed('', 'committee-clerk', 10, 'proposal'),
  };
  return { runs: figures.eventsPerRun.length, latencies: latencies(samples), historyReads };
}
