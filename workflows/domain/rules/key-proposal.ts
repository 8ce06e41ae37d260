/**
 * 重点提案: the committee marks a proposal key; its units send their handling plans; its leaders
 * record supervision meetings. Rules of the decider (lifecycle.ts), each in two parts: `may` and
 * `decide` (rule.ts).
 */
import { handling, inFuture, ownTrack } from '../guards';
import { refuse } from '../refusals';
import { type Track, REPLY_OWED } from '../state';
import { rule, nothing, ok } from './rule';

/** 重点提案: the committee marks an assigned proposal key, naming its supervising leaders and the member in charge. */
export const markKey = rule<'markKey', null>({
  targets: 'none',
  may: (state) => {
    const h = handling(state);
    if (!h.ok) return h;
    return state.key ? refuse('alreadyDone', 'the proposal is already a key proposal') : nothing;
  },
  decide: ({ leaders, memberInCharge, reason }) => ok({ type: 'KeyProposalMarked', leaders, memberInCharge, reason }),
});

/** 办理方案: each replying unit of a key proposal sends its plan once, while its reply is still owed. */
export const submitHandlingPlan = rule<'submitHandlingPlan', Track>({
  targets: 'none',
  may: (state, actor) => {
    if (!state.key) return refuse('notReady', 'the proposal is not a key proposal: no handling plan is owed');
    const t = ownTrack(state, actor, ...REPLY_OWED);
    if (!t.ok) return t;
    return state.key.plans[t.value.unitId] ? refuse('alreadyDone', `${t.value.unitId} has already sent its handling plan`) : t;
  },
  decide: ({ text }, track) => ok({ type: 'HandlingPlanSubmitted', unitId: track.unitId, text }),
});

/** 督办: a supervising leader of the key proposal (or the committee) records a supervision meeting or visit. */
export const recordSupervisionMeeting = rule<'recordSupervisionMeeting', null>({
  targets: 'none',
  may: (state, actor) => {
    // A leader learns nothing of a proposal that is not theirs to supervise, not even whether it is key.
    if (actor.role === 'leader' && !state.key?.leaders.includes(actor.id)) return refuse('forbidden', `${actor.id} does not supervise this proposal`);
    const h = handling(state);
    if (!h.ok) return h;
    if (!state.key) return refuse('notReady', 'the proposal is not a key proposal');
    return nothing;
  },
  decide: ({ occurredAt, form, participants, conclusions }, _, __, { now }) => {
    if (inFuture(occurredAt, now)) return refuse('invalid', 'a meeting cannot be recorded before it happens', ['occurredAt']);
    return ok({ type: 'SupervisionMeetingHeld', occurredAt, form, participants, conclusions });
  },
});
