/**
 * 办理工作总结: a unit's summary of its handling over all its proposals of a year, due before the
 * policy's date (DOMAIN.md, the committee's year: not one per proposal). A small decider of its
 * own: the committee asks each unit that handled proposals that year, the unit's officer sends
 * the summary once; until then it is a duty with the alerts and ladder of any other.
 */
import { z } from 'zod';
import { dutyAlerts } from './alerts';
import type { Due } from './calendar';
import type { Actor } from './commands';
import { text } from './contracts';
import { type Duty, duty, lastWorkingDayBefore } from './duties';
import type { HandlingPolicy } from './policy';
import { type Refusal, refuse } from './refusals';
import type { Alert } from './vocabulary';

export const SummaryTextSchema = z.strictObject({ text: text(20000) });

export interface SummaryInput {
  unitId: string;
  year: number;
  /** The policy in force when the committee asked: its date, calendar and alert ladder. */
  policy: HandlingPolicy;
  requestedBy: Actor;
}

export interface SummaryState {
  unitId: string;
  year: number;
  requestedAt: string;
  requestedBy: string;
  due: Due;
  submitted: { text: string; by: string; at: string } | null;
  /** Keys of the alerts raised, so none is raised twice. */
  raised: string[];
}

export function summaryRequested(input: SummaryInput, now: string): SummaryState {
  return {
    unitId: input.unitId,
    year: input.year,
    requestedAt: now,
    requestedBy: input.requestedBy.id,
    due: lastWorkingDayBefore(input.year, input.policy.annualSummaryBefore, input.policy),
    submitted: null,
    raised: [],
  };
}

/** The summary as the unit's duty: the same kind as a proposal's, keyed by its unit and year. */
export const summaryDuty = (s: SummaryState): Duty => duty({ kind: 'annualSummary', unitId: s.unitId, period: s.year, startedAt: s.requestedAt, due: s.due });

/** Only an officer of the unit sends it, and only once. */
export function decideSubmission(s: SummaryState, actor: Actor, body: z.infer<typeof SummaryTextSchema>, now: string): { ok: true; state: SummaryState } | { ok: false; refusal: Refusal } {
  if (actor.role !== 'officer') return refuse('forbidden', 'only an officer of the unit sends its yearly summary');
  if (actor.unitId !== s.unitId) return refuse('wrongUnit', `the ${s.year} summary is ${s.unitId}'s to send`);
  if (s.submitted) return refuse('alreadyDone', `${s.unitId} sent its ${s.year} summary on ${s.submitted.at}`);
  return { ok: true, state: { ...s, submitted: { text: body.text, by: actor.id, at: now } } };
}

/** The alerts still to raise, the earliest first: none once the summary is in. */
export function alertsToRaise(s: SummaryState, policy: HandlingPolicy): Alert[] {
  if (s.submitted) return [];
  return dutyAlerts(summaryDuty(s), policy)
    .filter((a) => !s.raised.includes(a.key))
    .sort((a, b) => a.at.localeCompare(b.at));
}
