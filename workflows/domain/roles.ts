/**
 * The units of an assignment and each one's part in it (主办, 会办, 协办, 分办). Apart from the
 * contracts' schemas so the console can take them without zod.
 */
import type { Assignment } from './contracts';

export function assignedUnits(a: Assignment): string[] {
  return a.mode === 'joint' ? [a.lead, ...a.coHandlers, ...(a.assisting ?? [])] : a.units;
}

/** A unit's part in an assignment: 主办, 会办, 协办 or 分办; undefined when it has none. */
export function unitRole(a: Assignment, unitId: string): 'lead' | 'coHandler' | 'assisting' | 'separate' | undefined {
  if (a.mode === 'separate') return a.units.includes(unitId) ? 'separate' : undefined;
  return a.lead === unitId ? 'lead' : a.coHandlers.includes(unitId) ? 'coHandler' : (a.assisting ?? []).includes(unitId) ? 'assisting' : undefined;
}

/** The 协办 units of an assignment: an opinion each, no countersign. */
export const assistingUnits = (a: Assignment): string[] => (a.mode === 'joint' ? (a.assisting ?? []) : []);

/** The units that owe the proposers a reply: the lead, or every separately handling unit. */
export function replyingUnits(a: Assignment): string[] {
  return a.mode === 'joint' ? [a.lead] : a.units;
}
