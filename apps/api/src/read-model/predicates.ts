/**
 * The read model's predicates, each said once: who may see a proposal, a duty or an alert, and
 * when a duty is owed, overdue or due soon. As SQL over the read model's tables, and where the API
 * decides on a proposal it holds, as a function. The instants are the domain's (`isOverdue`,
 * `dueSoonUntil` in workflows/domain): the SQL only compares with them.
 */
import type { Principal } from '../auth/principals';
import { notFound } from '../proposals/temporal-errors';

/** A duty (a unit_tasks row, alias `t`) that is owed: not a window in which a right may be used. */
export const owedDuty = (t: string) => `(not ${t}.is_window and not ${t}.is_optional)`;

/** Overdue at `now` (an SQL instant): an owed duty whose due instant has passed. */
export const overdueDuty = (t: string, now = 'now()') => `(${owedDuty(t)} and ${t}.due_at <= ${now})`;

/** Due soon: owed, not overdue at `now`, and due on or before the date `until` (the domain's `dueSoonUntil`). */
export const dueSoonDuty = (t: string, now: string, until: string) => `(${owedDuty(t)} and ${t}.due_at > ${now} and ${t}.due_date <= ${until}::date)`;

export interface Readership {
  unitIds: string[];
  proposerIds: string[];
  leaderIds: string[];
}

/** Who may read a proposal: the committee all; an officer those assigned to the unit; a proposer their own; a leader the key proposals they supervise. */
export function mayRead(p: Principal, r: Readership): boolean {
  if (p.role === 'committee') return true;
  if (p.role === 'officer') return r.unitIds.includes(p.unitId);
  if (p.role === 'leader') return r.leaderIds.includes(p.id);
  return r.proposerIds.includes(p.id);
}

/** A proposal the caller may not read is answered as one that does not exist: a 403 would tell an outsider it does. */
export function ensureMayRead(p: Principal, r: Readership, proposalId: string): void {
  if (!mayRead(p, r)) throw notFound(proposalId);
}

/** How a table names a row's unit, proposer and supervising leader, each compared with the SQL parameter given. */
interface Owners {
  unit: (param: string) => string;
  proposer: (param: string) => string;
  leader: (param: string) => string;
}

/** A proposal (alias `p`): its units, its proposers, its supervising leaders. */
export const proposalOwners: Owners = {
  unit: (x) => `p.unit_ids @> array[${x}::text]`,
  proposer: (x) => `p.proposers @> jsonb_build_array(jsonb_build_object('id', ${x}::text))`,
  leader: (x) => `p.summary->'keyLeaders' ? ${x}::text`,
};

/** A duty or an alert (alias given): owed by, or raised for, one unit or one proposer; none is a leader's. */
export const rowOwners = (alias: string): Owners => ({
  unit: (x) => `${alias}.unit_id = ${x}::text`,
  proposer: (x) => `${alias}.proposer_id = ${x}::text`,
  leader: (x) => `(${x}::text is null)`,
});

/** `mayRead` as SQL: parameter `$n` carries the caller's unit or id (null for the committee, who sees every row). */
export function visibleTo(pr: Principal, n: number, owners: Owners): { sql: string; param: string | null } {
  if (pr.role === 'committee') return { sql: `($${n}::text is null)`, param: null };
  if (pr.role === 'officer') return { sql: `(${owners.unit(`$${n}`)})`, param: pr.unitId };
  if (pr.role === 'leader') return { sql: `(${owners.leader(`$${n}`)})`, param: pr.id };
  return { sql: `(${owners.proposer(`$${n}`)})`, param: pr.id };
}
