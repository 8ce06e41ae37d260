/**
 * One row of the assignment meeting's plan, applied to its proposal: the review, then the
 * assignment, each an Update whose ID comes from the batch and the number, so a retried activity
 * or a resumed batch is answered by Temporal with the first outcome instead of acting twice.
 */
import { ApplicationFailure } from '@temporalio/activity';
import { type Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { BATCH_ROW_REFUSED, type BatchActivities, planUpdateId } from '../workflows/assignment-batch';
import { REFUSAL_FAILURE, actUpdate, proposalWorkflowId } from '../workflows/messages';

const refused = (message: string) => ApplicationFailure.create({ type: BATCH_ROW_REFUSED, message, nonRetryable: true });

export function createBatchActivities(client: Client): BatchActivities {
  return {
    async applyPlanRow({ batchId, sessionId, row, by }) {
      const handle = client.workflow.getHandle(proposalWorkflowId(sessionId, row.number));
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
      await send('review', { review: row.review });
      if (row.assignment) await send('assign', { assignment: row.assignment });
    },
  };
}
