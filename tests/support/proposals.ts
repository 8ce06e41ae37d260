/** Starting proposals and acting on them through the real Temporal client. */
import type { Client, WorkflowHandle } from '@temporalio/client';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { randomUUID } from 'node:crypto';
import type { Command } from '../../workflows/domain/commands';
import type { Intake } from '../../workflows/domain/contracts';
import type { HandlingPolicy } from '../../workflows/domain/policy';
import type { Refusal } from '../../workflows/domain/refusals';
import { type ActResult, REFUSAL_FAILURE, TASK_QUEUE, actUpdate, intakeOptions } from '../../workflows/messages';
import { proposalWorkflow } from '../../workflows';
import { personFor } from '../../seeds/reference-case';

export type ProposalHandle = WorkflowHandle<typeof proposalWorkflow>;

export function startProposal(client: Client, intake: Intake, policy: HandlingPolicy, taskQueue = TASK_QUEUE): Promise<ProposalHandle> {
  return client.workflow.start(proposalWorkflow, intakeOptions({ intake, filedBy: { role: 'committee', id: personFor('committee').id }, policy }, taskQueue));
}

export function act(handle: ProposalHandle, command: Command | unknown, updateId: string = randomUUID()): Promise<ActResult> {
  return handle.executeUpdate(actUpdate, { args: [command, {}], updateId });
}

/** The typed refusal an action got, or a failure of the test if it was accepted. */
export async function refusalOf(promise: Promise<unknown>): Promise<Refusal> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure && err.cause.type === REFUSAL_FAILURE) {
      return err.cause.details![0] as Refusal;
    }
    throw err;
  }
  throw new Error('the action was accepted, but a refusal was expected');
}

/** Waits until nothing of the proposal is in flight: no workflow task, no activity. */
export async function untilIdle(handle: ProposalHandle): Promise<void> {
  for (let i = 0; i < 400; i++) {
    const { raw } = await handle.describe();
    if ((raw.pendingActivities ?? []).length === 0 && !raw.pendingWorkflowTask) return;
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Terminates a proposal once nothing of it is in flight. The time-skipping server leaks a time
 * lock when a workflow is terminated with an activity outstanding, and later sleeps then hang.
 */
export async function terminateWhenIdle(handle: ProposalHandle): Promise<void> {
  await untilIdle(handle);
  await handle.terminate('test done');
}
