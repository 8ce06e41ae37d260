/**
 * The assignment meeting in one step: a durable batch that sends each proposal of the plan its
 * review and assignment (an activity per row, Update IDs from batch and number), at a bounded
 * rate, with its progress as a Query. A worker lost mid-way resumes where the history says.
 */
import { ActivityFailure, ApplicationFailure, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
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
  // A second's worth of rows at a time, side by side, then a pause for what is left of the
  // second: the server fires timers to the second, so a pause between single rows (50 ms at
  // 20 rows/s) would last a whole second each.
  const wave = Math.max(1, Math.floor(input.perSecond));
  for (let first = 0; first < input.rows.length; first += wave) {
    const began = Date.now();
    const rows = input.rows.slice(first, first + wave);
    await Promise.all(rows.map(apply));
    const pause = (rows.length * 1000) / input.perSecond - (Date.now() - began);
    if (first + wave < input.rows.length && pause > 0) await sleep(pause);
  }
  progress.finished = true;
  return progress;
}
