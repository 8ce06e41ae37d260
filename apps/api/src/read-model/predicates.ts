/**
 * The read model's predicates, each said once: who may see a proposal, a duty or an alert, and
 * when a duty is owed, overdue or due soon. As SQL over the read model's tables, and where the API
 * decides on a proposal it holds, as a function. The instants are the domain's (`isOverdue`,
 * `dueSoonUntil` in workflows/domain): the SQL only compares with them.
 */
import type { Pool } from 'pg';
import type { Principal } from '../auth/principals';
import { notFound } from '../proposals/temporal-errors';
import { OPEN_COMMITMENT } from '../../../../workflows/domain/vocabulary';

/** A duty (a unit_tasks row, alias `t`) that is owed: not a window in which a right may be used. */
export const owedDuty = (t: string) => `(not ${t}.is_window and not ${t}.is_optional)`;

/** Overdue at `now` (an SQL instant): an owed duty whose due instant has passed. */
export const overdueDuty = (t: string, now = 'now()') => `(${owedDuty(t)} and ${t}.due_at <= ${now})`;

/** A duty's urgency at `now` as the domain's `urgency` says it, for filtering and counting a list: 'overdue', 'dueSoon' (due on or before `until`) or 'onTime'. */
export const urgencyOf = (t: string, now: string, until: string) =>
  `(case when ${t}.due_at <= ${now} then 'overdue' when ${t}.due_date <= ${until}::date then 'dueSoon' else 'onTime' end)`;

/** Due soon: owed, not overdue at `now`, and due on or before the date `until` (the domain's `dueSoonUntil`). */
export const dueSoonDuty = (t: string, now: string, until: string) => `(${owedDuty(t)} and ${t}.due_at > ${now} and ${t}.due_date <= ${until}::date)`;

/** How many of a projected proposal's commitments are still to be delivered (`OPEN_COMMITMENT`). */
export const openCommitmentCount = (p: string) =>
  `(select count(*) from jsonb_array_elements(${p}.summary->'replies') r, jsonb_array_elements(r->'commitments') c where c->>'status' = any('{${OPEN_COMMITMENT.join(',')}}'))::int`;

export interface Readership {
  unitIds: string[];
  proposerIds: string[];
  leaderIds: string[];
  /** Whether a government department (a unit of kind `bureau`) handles it: the supervision office's reach. */
  governmentHandled: boolean;
}

/**
 * Who may read a proposal: the committee all; an officer those assigned to the unit; a proposer
 * their own; a leader the key proposals they supervise; the supervision office those the
 * government's departments handle.
 */
export function mayRead(p: Principal, r: Readership): boolean {
  if (p.role === 'committee') return true;
  if (p.role === 'officer') return r.unitIds.includes(p.unitId);
  if (p.role === 'leader') return r.leaderIds.includes(p.id);
  if (p.role === 'supervisionOffice') return r.governmentHandled;
  return r.proposerIds.includes(p.id);
}

/** The units that are government departments (kind `bureau`), of those given: whom the supervision office oversees. */
export async function governmentUnits(pool: Pool, unitIds: string[]): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>(`select id from units where id = any($1) and kind = 'bureau'`, [unitIds]);
  return rows.map((r) => r.id);
}

/** A proposal the caller may not read is answered as one that does not exist: a 403 would tell an outsider it does. */
export function ensureMayRead(p: Principal, r: Readership, proposalId: string): void {
  if (!mayRead(p, r)) throw notFound(proposalId);
}

/** How a table names a row's unit, proposer and supervising leader, each compared with the SQL parameter given, and what the supervision office sees of it. */
interface Owners {
  unit: (param: string) => string;
  proposer: (param: string) => string;
  leader: (param: string) => string;
  office: string;
}

const GOVERNMENT = (unitIds: string) => `exists (select 1 from units g where g.id = any(${unitIds}) and g.kind = 'bureau')`;

/** A proposal (alias `p`): its units, its proposers, its supervising leaders. */
export const proposalOwners: Owners = {
  unit: (x) => `p.unit_ids @> array[${x}::text]`,
  proposer: (x) => `p.proposers @> jsonb_build_array(jsonb_build_object('id', ${x}::text))`,
  leader: (x) => `p.summary->'keyLeaders' ? ${x}::text`,
  office: GOVERNMENT('p.unit_ids'),
};

/**
 * A duty or an alert (alias given): owed by, or raised for, one unit or one proposer; none is a
 * leader's. The supervision office sees a government department's duties, and of its alerts those
 * that climbed to the 通报 rung (the committee's) or beyond.
 */
export const rowOwners = (alias: string, kind: 'duty' | 'alert'): Owners => ({
  unit: (x) => `${alias}.unit_id = ${x}::text`,
  proposer: (x) => `${alias}.proposer_id = ${x}::text`,
  leader: (x) => `(${x}::text is null)`,
  office: `(${GOVERNMENT(`array[${alias}.unit_id]`)}${kind === 'alert' ? ` and ${alias}.kind = 'escalation' and ${alias}.audience in ('committee', 'assessment')` : ''})`,
});

/** `mayRead` as SQL: parameter `$n` carries the caller's unit or id (null for the committee, who sees every row). */
export function visibleTo(pr: Principal, n: number, owners: Owners): { sql: string; param: string | null } {
  if (pr.role === 'committee') return { sql: `($${n}::text is null)`, param: null };
  if (pr.role === 'officer') return { sql: `(${owners.unit(`$${n}`)})`, param: pr.unitId };
  if (pr.role === 'leader') return { sql: `(${owners.leader(`$${n}`)})`, param: pr.id };
  if (pr.role === 'supervisionOffice') return { sql: `($${n}::text is null and ${owners.office})`, param: null };
  return { sql: `(${owners.proposer(`$${n}`)})`, param: pr.id };
}
