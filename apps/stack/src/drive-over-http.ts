/**
 * Drives the reference case through the HTTP API as its people would: each request carries the
 * acting person's bearer token and an Idempotency-Key fixed per step, so running the case again
 * (after an interruption, or on a store where it already ran) applies nothing twice.
 */
import type { z } from 'zod';
import { mintToken } from '../../api/src/auth/tokens';
import type { ProposalListItemSchema } from '../../api/src/contracts';
import { requestFor } from '../../api/src/proposals/actions';
import { personFor, type ReferenceCase } from '../../../seeds/reference-case';
import { referenceSteps } from '../../../seeds/reference-steps';
import type { TimelineRow } from '../../../workflows/domain/timeline';

type ProposalListItem = z.infer<typeof ProposalListItemSchema>;

export interface Api {
  base: string;
  secret: string;
}

async function call(api: Api, method: string, path: string, principalId: string, body?: unknown, key?: string) {
  const res = await fetch(`${api.base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${mintToken(principalId, api.secret)}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${method} ${path} as ${principalId}: ${res.status} ${json.title}: ${json.detail ?? ''}`);
  return json;
}

export async function driveReferenceCase(api: Api, c: ReferenceCase, onRows: (rows: TimelineRow[]) => void): Promise<string> {
  const committee = personFor('committee').id;
  const keyBase = `${c.intake.session.id}-${c.intake.number}`;
  const filed = await call(api, 'POST', '/proposals', committee, c.intake, `${keyBase}-intake`);
  const id = filed.proposalId as string;
  let shown = 0;
  const showNew = async () => {
    const history = await call(api, 'GET', `/proposals/${id}/history`, committee);
    const rows = history.timeline as TimelineRow[];
    onRows(rows.slice(shown));
    shown = rows.length;
  };
  await showNew();
  // Contacts are dated at the assignment, read back from the proposal, so a second run sends
  // the very same bodies under the same keys and is answered from the first.
  const assignedAt = async () => ((await call(api, 'GET', `/proposals/${id}`, committee)).state as { assignedAt: string }).assignedAt;
  for (const [i, step] of referenceSteps(c, () => '').entries()) {
    const { action, body, principalId } = requestFor(step.command);
    if (step.command.type === 'recordContact') body.contact = { ...step.command.contact, occurredAt: await assignedAt() };
    await call(api, 'POST', `/proposals/${id}/${action}`, principalId, body, `${keyBase}-step-${i + 1}`);
    await showNew();
  }
  return id;
}

/** The proposal as the read model lists it, once the projection has caught up with `version`. */
export async function listed(api: Api, c: ReferenceCase, stage: string) {
  const committee = personFor('committee').id;
  for (let i = 0; i < 100; i++) {
    const list = await call(api, 'GET', `/proposals?session=${c.intake.session.id}&q=${c.intake.number}`, committee);
    const item = (list.items as ProposalListItem[]).find((p) => p.number === c.intake.number);
    if (item?.stage === stage) return item;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the read model never showed proposal ${c.intake.number} as ${stage}`);
}
