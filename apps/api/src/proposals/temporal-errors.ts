/** What the workflow said, as HTTP: a refusal's typed reason maps to its status and is passed through. */
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Refusal, RefusalCode } from '../../../../workflows/domain/refusals';
import { REFUSAL_FAILURE } from '../../../../workflows/messages';
import { Problem, fieldPath } from '../http/problem';

const STATUS: Record<RefusalCode, number> = {
  invalid: 422,
  forbidden: 403,
  wrongUnit: 403,
  wrongStage: 409,
  notReady: 409,
  windowClosed: 409,
  alreadyDone: 409,
  notFound: 404,
};

export function refusalProblem(r: Refusal): Problem {
  const errors = r.path ? [{ path: fieldPath(r.path), message: r.message }] : undefined;
  return new Problem(STATUS[r.code], r.code, 'The action was refused', r.message, errors);
}

export function fromTemporal(err: unknown, proposalId: string): unknown {
  if (err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure && err.cause.type === REFUSAL_FAILURE) {
    return refusalProblem(err.cause.details![0] as Refusal);
  }
  if (err instanceof WorkflowNotFoundError) return notFound(proposalId);
  return err;
}

export const finished = (proposalId: string) =>
  new Problem(409, 'proposal-finished', 'The proposal is finished', `${proposalId} is closed; no further action is taken on it`);

export const notFound = (proposalId: string) => new Problem(404, 'proposal-not-found', 'No such proposal', `${proposalId} does not exist`);
