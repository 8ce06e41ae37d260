/**
 * 并案 merges a proposal into another of the same session that exists and is registered (or
 * being handled). The workflow cannot see another proposal, so whoever sends the review asks
 * here first: the API for one action, the assignment meeting's plan when it is sent and each of
 * its rows when it is applied.
 */
import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import type { ProposalState } from '../../workflows/domain/state';
import { viewQuery } from '../../workflows/messages';

type Status = ProposalState['status'];

/** Why a proposal cannot be merged into No. `intoNumber`, whose status is `status` (undefined: not filed), or undefined when it can. */
export function mergeRefusal(intoNumber: number, status: Status | undefined): string | undefined {
  if (status === undefined) return `proposal No. ${intoNumber} of this session does not exist`;
  if (!['registered', 'handling'].includes(status)) return `proposal No. ${intoNumber} is ${status}, not registered`;
  return undefined;
}

/** A proposal's status as its workflow knows it now; undefined when it has not been filed. */
export async function statusOf(client: Client, proposalId: string): Promise<Status | undefined> {
  const view = await client.workflow
    .getHandle(proposalId)
    .query(viewQuery)
    .catch((err: unknown) => {
      if (err instanceof WorkflowNotFoundError) return undefined;
      throw err;
    });
  return view?.state.status;
}

export const mergeTargetId = (proposalId: string, intoNumber: number) => proposalId.replace(/-\d+$/, `-${intoNumber}`);
