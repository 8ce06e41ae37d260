/**
 * One row of the assignment meeting's plan, applied to its proposal: the review, then the
 * assignment, each an Update whose ID comes from the batch and the number, so a retried activity
 * or a resumed batch is answered by Temporal with the first outcome instead of acting twice.
 * A 并案 is checked as the API checks one; its target, which the plan registers (the plan was
 * checked for that), may be in the same wave and is waited for.
 */
import { ApplicationFailure } from '@temporalio/activity';
import { type Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { BATCH_ROW_REFUSED, type BatchActivities, planUpdateId } from '../workflows/assignment-batch';
import { REFUSAL_FAILURE, actUpdate, proposalWorkflowId } from '../workflows/messages';
import { mergeRefusal, mergeTargetId, statusOf } from '../apps/common/merge-target';

const refused = (message: string) => ApplicationFailure.create({ type: BATCH_ROW_REFUSED, message, nonRetryable: true });

export function createBatchActivities(client: Client): BatchActivities {
  return {
    async applyPlanRow({ batchId, sessionId, row, by }) {
      const proposalId = proposalWorkflowId(sessionId, row.number);
      const handle = client.workflow.getHandle(proposalId);
      const send = async (step: 'review' | 'assign', body: Record<string, unknown>) => {
        try {
          await handle.executeUpdate(actUpdate, { args: [{ type: step, actor: by, ...body }, { requestId: `batch-${batchId}` }], updateId: planUpdateId(batchId, row.number, step) });
        } catch (err) {
          if (err instanceof WorkflowNotFoundError) throw refused(`proposal No. ${row.number} has not been filed`);
          const cause = err instanceof WorkflowUpdateFailedError ? err.cause : undefined;
          if (cause instanceof ApplicationFailure && cause.type === REFUSAL_FAILURE) throw refused(`${step}: ${cause.message}`);
          throw err;
        }
      };
      if (row.review.outcome === 'merge') await ensureMergeTarget(client, proposalId, row.review.intoNumber);
      await send('review', { review: row.review });
      if (row.assignment) await send('assign', { assignment: row.assignment });
    },
  };
}

async function ensureMergeTarget(client: Client, proposalId: string, intoNumber: number) {
  // A retry after the merge applied finds it done, whatever has become of the target since.
  if ((await statusOf(client, proposalId)) === 'merged') return;
  const status = await statusOf(client, mergeTargetId(proposalId, intoNumber));
  if (status === 'filed') throw ApplicationFailure.retryable(`proposal No. ${intoNumber} is not registered yet`, 'MergeTargetNotYetRegistered');
  const why = mergeRefusal(intoNumber, status);
  if (why) throw refused(`review: ${why}`);
}
