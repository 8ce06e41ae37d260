/**
 * Every owed duty once it is settled: done by whoever owed it (and when), or let go by someone
 * else once it was past due (a co-handler's opinion the reply went out without, a countersign the
 * committee released). 按时办结率 counts from this, with the duties still open.
 */
import { type Duty, openDuties, ownerOf } from './duties';
import type { EventType, ProposalEvent } from './events';
import type { HandlingPolicy } from './policy';
import { type ProposalState, evolve } from './state';
import type { DutyKind } from './vocabulary';

export interface SettledDuty {
  key: string;
  kind: DutyKind;
  unitId: string | null;
  /** When it began to be owed (absent in summaries recorded before it was kept). */
  startedAt?: string;
  dueAt: string;
  /** When the one who owed it did it; null when it was let go undone. */
  doneAt: string | null;
}

const owed = (d: Duty) => !d.window && !d.optional;

/** The events that do each duty; any other event that ends one lets it go (or ends the need for it). */
const FULFILLED_BY: Record<DutyKind, readonly EventType[]> = {
  reassignmentWindow: ['ReassignmentRequested'],
  coHandlerOpinion: ['OpinionSubmitted'],
  contactBeforeHandling: ['ProposerContacted'],
  countersign: ['DraftCountersigned', 'DraftChangesRequested'],
  reply: ['ReplyIssued'],
  evaluation: ['ReplyEvaluated'],
  rehandlingDecision: ['RehandlingDecided'],
  consultation: ['ConsultationHeld'],
  handlingPlan: ['HandlingPlanSubmitted'],
  publicationDecision: ['PublicationDecided'],
  followUpReport: ['FollowUpReported'],
  annualSummary: ['AnnualSummarySubmitted'],
  commitmentDelivery: ['FollowUpReported', 'CommitmentClosed'],
  lookBack: ['LookBackRecorded'],
  reviewObjection: ['ReviewObjected'],
  objectionReview: ['ObjectionDecided'],
};

function doneBy(event: ProposalEvent, d: Duty): boolean {
  if (!FULFILLED_BY[d.kind].includes(event.type)) return false;
  switch (ownerOf(d)) {
    case 'unit':
      return 'unitId' in event && event.unitId === d.unitId;
    case 'proposer':
      return event.by.id === d.proposerId;
    case 'committee':
      return event.by.role === 'committee';
  }
}

/** The state after `event`, and the duties it settled. */
export function settle(state: ProposalState, event: ProposalEvent, policy: HandlingPolicy): { state: ProposalState; settled: SettledDuty[] } {
  const next = evolve(state, event);
  // An alert changes no duty: the common case on a wake-up costs no recomputation.
  if (event.type === 'AlertRaised') return { state: next, settled: [] };
  const before = openDuties(state, policy, event.at).filter(owed);
  // A reassignment takes duties away from a unit that leaves, a withdrawal from every unit: nobody owed them any longer.
  if (event.type === 'ProposalReassigned' || event.type === 'ProposalWithdrawn' || before.length === 0) return { state: next, settled: [] };
  const still = new Set(openDuties(next, policy, event.at).map((d) => d.key));
  const settled = before
    .filter((d) => !still.has(d.key))
    .flatMap((d): SettledDuty[] => {
      const record = { key: d.key, kind: d.kind, unitId: d.unitId, startedAt: d.startedAt, dueAt: d.due.at };
      if (doneBy(event, d)) return [{ ...record, doneAt: event.at }];
      return Date.parse(d.due.at) <= Date.parse(event.at) ? [{ ...record, doneAt: null }] : [];
    });
  return { state: next, settled };
}
