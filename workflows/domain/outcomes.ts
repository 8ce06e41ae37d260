/** Where a reply goes after its evaluation, and when the whole proposal is 办结: shared by the people's rules and the clock's. */
import type { EvaluationOutcome, ProposalEvent } from './events';
import type { HandlingPolicy } from './policy';
import { type ProposalState, type Track, fold, openCommitments } from './state';

/**
 * 不满意 goes to the committee, which sends the reply back or accepts the rating (or, where the
 * policy says so, straight back); still 不满意 after the rounds allowed brings a consultation.
 */
export function evaluationOutcome(track: Track, policy: HandlingPolicy): EvaluationOutcome {
  if (Object.values(track.ratings).includes('unsatisfied')) {
    if (track.round > policy.maxRehandlingRounds) return 'consult';
    return policy.rehandling === 'automatic' ? 'rehandle' : 'committeeDecides';
  }
  return openCommitments(track).length > 0 ? 'followUp' : 'done';
}

/**
 * 办结: once every reply is evaluated, no commitment is left to deliver and (where the policy asks
 * for it) each reply's publication is decided, the proposal closes in the same step.
 */
export function closeIfFinished(state: ProposalState, events: ProposalEvent[], now: string, policy: HandlingPolicy): ProposalEvent[] {
  if (events.length === 0) return events;
  const after = fold(events, state);
  const published = (t: Track) => !policy.periods.publicationDecision || t.publication !== undefined;
  const finished = after.status === 'handling' && Object.values(after.tracks).every((t) => t.stage === 'done' && published(t));
  return finished ? [...events, { type: 'ProposalClosed', at: now, by: events[events.length - 1]!.by }] : events;
}
