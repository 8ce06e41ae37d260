/**
 * The assignment meeting in one step: a durable batch that sends each proposal of the plan its
 * review and assignment (an activity per row, Update IDs from batch and number), at a bounded
 * rate, with its progress as a Query. A worker lost mid-way resumes where the history says.
 */
import { ActivityFailure, ApplicationFailure, patched, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import { type AssignmentBatchInput, BATCH_ROW_REFUSED, type BatchActivities, type BatchProgress, type PlanRow, batchProgressQuery } from './assignment-batch';

const { applyPlanRow } = proxyActivities<BatchActivities>({
  // Two Updates, each bounded by the proposal's workflow task: a row on a lost worker is retried soon.
  startToCloseTimeout: '20 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', nonRetryableErrorTypes: [BATCH_ROW_REFUSED] },
});

export async function assignmentBatchWorkflow(input: AssignmentBatchInput): Promise<BatchProgress> {
  const progress: BatchProgress = { total: input.rows.length, done: [], refused: [], remaining: input.rows.length, finished: false };
  setHandler(batchProgressQuery, () => progress);
  const apply = async (row: PlanRow) => {
    try {
      await applyPlanRow({ batchId: input.batchId, sessionId: input.sessionId, row, by: input.by });
      progress.done.push({ row: row.row, number: row.number });
    } catch (err) {
      const cause = err instanceof ActivityFailure ? err.cause : undefined;
      if (!(cause instanceof ApplicationFailure && cause.type === BATCH_ROW_REFUSED)) throw err;
      progress.refused.push({ row: row.row, number: row.number, reason: cause.message });
    }
    progress.remaining -= 1;
  };
  // A second's worth of rows at a time, side by side, and the next wave no sooner than a second
  // on: the server fires timers to the second, so a pause between single rows (50 ms at 20 rows/s)
  // would last a whole second each.
  const wave = Math.max(1, Math.floor(input.perSecond));
  // The wave's timer starts with its rows, so whether the batch waits depends on its history
  // alone. Before, it slept for what was left of the second by the clock, and a task that timed
  // out on a killed worker could read another clock on replay than the one it ran by.
  const paced = patched('batch-wave-timer');
  for (let first = 0; first < input.rows.length; first += wave) {
    const rows = input.rows.slice(first, first + wave);
    const last = first + wave >= input.rows.length;
    const seconds = (rows.length * 1000) / input.perSecond;
    if (paced) {
      await Promise.all([...rows.map(apply), ...(last ? [] : [sleep(seconds)])]);
      continue;
    }
    const began = Date.now();
    await Promise.all(rows.map(apply));
    const pause = seconds - (Date.now() - began);
    if (!last && pause > 0) await sleep(pause);
  }
  progress.finished = true;
  return progress;
}
