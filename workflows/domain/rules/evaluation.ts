/**
 * 评价 and 重新办理: the proposers rate each reply; on 不满意 the committee sends it back or accepts the
 * rating, and after a second, consults. Rules of the decider (lifecycle.ts), each in two parts:
 * `may` and `decide` (rule.ts).
 */
import { isOverdue } from '../calendar';
import { evaluationWindow } from '../duties';
import type { EventBody } from '../events';
import { found, inFuture, namedTrack } from '../guards';
import { evaluationOutcome } from '../outcomes';
import { refuse } from '../refusals';
import { type Track, evolve, recipients } from '../state';
import { rule, ok } from './rule';

/** 评价: each recipient rates once per reply, within the window; the last rating concludes it. */
export const evaluate = rule<'evaluate', { track: Track; closes: string }>({
  targets: 'reply',
  may: (state, actor, { now, policy }, unitId) => {
    if (state.intake && !recipients(state).some((p) => p.id === actor.id)) return refuse('forbidden', `${actor.id} is not a proposer of this proposal`);
    const t = namedTrack(state, unitId, 'replied');
    if (!t.ok) return t;
    const window = evaluationWindow(t.value, policy);
    if (isOverdue(window, now)) return refuse('windowClosed', `rating closed at the end of ${window.date}`);
    if (t.value.ratings[actor.id]) return refuse('alreadyDone', `${actor.id} has already rated this reply`);
    return found({ track: t.value, closes: window.date });
  },
  decide: ({ actor, rating, comments }, { track }, state, { now, policy }) => {
    const rated: EventBody = { type: 'ReplyEvaluated', unitId: track.unitId, proposerId: actor.id, rating, ...(comments ? { comments } : {}) };
    const after = evolve(state, { ...rated, at: now, by: actor });
    const ratedTrack = after.tracks[track.unitId]!;
    if (!recipients(after).every((p) => ratedTrack.ratings[p.id])) return ok(rated);
    return ok(rated, { type: 'EvaluationConcluded', unitId: track.unitId, outcome: evaluationOutcome(ratedTrack, policy), windowClosed: false });
  },
  offer: ({ closes }) => ({ until: closes }),
});

/** 不满意: the committee sends the reply back for re-handling, or accepts the rating with a note. */
export const decideRehandling = rule<'decideRehandling', Track>({
  targets: 'reply',
  may: (state, _, __, unitId) => namedTrack(state, unitId, 'rehandlingDecision'),
  decide: ({ decision, note }, track) => ok({ type: 'RehandlingDecided', unitId: track.unitId, decision, note }),
});

/** Still 不满意 after re-handling: the committee arranges a face-to-face consultation. */
export const recordConsultation = rule<'recordConsultation', Track>({
  targets: 'reply',
  may: (state, _, __, unitId) => namedTrack(state, unitId, 'consultation'),
  decide: ({ occurredAt, summary }, track, _, { now }) => {
    if (inFuture(occurredAt, now)) return refuse('invalid', 'a consultation cannot be recorded before it happens', ['occurredAt']);
    return ok({ type: 'ConsultationHeld', unitId: track.unitId, occurredAt, summary });
  },
});
