/** What the workflow said, as HTTP: a refusal's typed reason maps to its status and is passed through. */
import { type Client, WorkflowNotFoundError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError, isGrpcDeadlineError, isGrpcServiceError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Refusal, RefusalCode } from '../../../../workflows/domain/refusals';
import { REFUSAL_FAILURE } from '../../../../workflows/messages';
import { Problem, fieldPath, retryLater } from '../http/problem';

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

const CANCELLED = 1;
const UNAVAILABLE = 14;
const grpcCode = (err: unknown): number | undefined => {
  const e = err as { cause?: unknown };
  if (isGrpcServiceError(err)) return err.code;
  return isGrpcServiceError(e?.cause) ? e.cause.code : undefined;
};

/**
 * Temporal answers within `ms`, or the caller is told to retry: 503 with Retry-After, and the
 * Idempotency-Key stays valid (nothing is stored for it), so the retry applies the action once.
 */
export async function withinDeadline<T>(client: Client, ms: number, fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + ms;
  try {
    return await client.withDeadline(deadline, fn);
  } catch (err) {
    // A Query past its deadline may come back as CANCELLED rather than DEADLINE_EXCEEDED (the
    // client's retrying call is cancelled when the deadline fires): the same "not in time".
    const cancelledByDeadline = grpcCode(err) === CANCELLED && Date.now() >= deadline - 20;
    if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError || isGrpcDeadlineError(err) || cancelledByDeadline) {
      throw retryLater(503, 'not-completed', 'Not completed in time', `Temporal did not complete this within ${ms / 1000} s (is a worker running?): retry it with the same Idempotency-Key`, 5);
    }
    if (grpcCode(err) === UNAVAILABLE) {
      throw retryLater(503, 'temporal-unavailable', 'The workflow service is unavailable', 'Temporal cannot be reached: retry shortly with the same Idempotency-Key', 5);
    }
    throw err;
  }
}
