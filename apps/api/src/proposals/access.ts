/** Who may read a proposal: the committee all; an officer those assigned to the unit; a proposer their own. */
import type { Principal } from '../auth/principals';
import { notFound } from './temporal-errors';

export interface Readership {
  unitIds: string[];
  proposerIds: string[];
}

export function mayRead(p: Principal, r: Readership): boolean {
  if (p.role === 'committee') return true;
  if (p.role === 'officer') return r.unitIds.includes(p.unitId);
  return r.proposerIds.includes(p.id);
}

/** A proposal the caller may not read is answered as one that does not exist: a 403 would tell an outsider it does. */
export function ensureMayRead(p: Principal, r: Readership, proposalId: string): void {
  if (!mayRead(p, r)) throw notFound(proposalId);
}

/** The same rule as SQL over the read model's proposals table (alias p); $n is the parameter index to use. */
export function readableSql(pr: Principal, n: number): { sql: string; param: string | null } {
  if (pr.role === 'committee') return { sql: `($${n}::text is null)`, param: null };
  if (pr.role === 'officer') return { sql: `(p.unit_ids @> array[$${n}::text])`, param: pr.unitId };
  return { sql: `(p.proposers @> jsonb_build_array(jsonb_build_object('id', $${n}::text)))`, param: pr.id };
}
