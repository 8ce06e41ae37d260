/**
 * 延期: the reply period extended, on the unit's request before its due date, or where a policy
 * pinned before says so, by the committee itself. Rules of the decider (lifecycle.ts), each in two
 * parts: `may` and `decide` (rule.ts).
 */
import { isOverdue } from '../calendar';
import { replyDue } from '../duties';
import { type Checked, found, namedTrack, ownTrack } from '../guards';
import type { HandlingPolicy } from '../policy';
import { type Decision, refuse } from '../refusals';
import { type Track, REPLY_OWED } from '../state';
import { rule, ok } from './rule';

/** The first reply, still owed, and the months it may still be extended by: re-handling has its own period. */
function extendable(t: Checked<Track>, policy: HandlingPolicy): Checked<{ track: Track; monthsLeft: number }> {
  if (!t.ok) return t;
  const track = t.value;
  if (track.round > 1) return refuse('wrongStage', 're-handling has its own period and is not extended');
  const reply = policy.periods.reply;
  return found({ track, monthsLeft: policy.maxReplyMonths - (reply.unit === 'months' ? reply.count : 0) - track.extensionMonths });
}

function withinLimit(months: number, monthsLeft: number, policy: HandlingPolicy): Decision<never> | undefined {
  if (months <= monthsLeft) return undefined;
  return refuse('invalid', `the reply period may be at most ${policy.maxReplyMonths} months in all; this would make ${policy.maxReplyMonths - monthsLeft + months}`, ['months']);
}
const monthsOffer = ({ monthsLeft }: { monthsLeft: number }) => (monthsLeft > 0 ? { maxMonths: monthsLeft } : null);

/** Where the policy has the committee extend on its own: the first reply period, with a reason, up to the limit. */
export const extendReplyDeadline = rule<'extendReplyDeadline', { track: Track; monthsLeft: number }>({
  targets: 'reply',
  may: (state, _, { policy }, unitId) => {
    if (policy.extensions !== 'committeeExtends') return refuse('forbidden', 'under this handling policy the unit asks for an extension and the committee decides on its request');
    return extendable(namedTrack(state, unitId, ...REPLY_OWED), policy);
  },
  decide: ({ months, reason }, { track, monthsLeft }, _, { policy }) => withinLimit(months, monthsLeft, policy) ?? ok({ type: 'ReplyDeadlineExtended', unitId: track.unitId, months, reason }),
  offer: monthsOffer,
});

/**
 * 延期申请: the unit asks, with a reason, before its reply is due; a request after the due date
 * is refused, so an extension never turns a late reply into one on time.
 */
export const requestExtension = rule<'requestExtension', { track: Track; monthsLeft: number; due: string }>({
  targets: 'none',
  may: (state, actor, { now, policy }) => {
    if (policy.extensions !== 'unitRequests') return refuse('forbidden', 'under this handling policy the committee extends reply periods itself');
    const e = extendable(ownTrack(state, actor, ...REPLY_OWED), policy);
    if (!e.ok) return e;
    const due = replyDue(e.value.track, policy);
    if (isOverdue(due, now)) return refuse('windowClosed', `the reply was due by ${due.date}: an extension is asked for before the due date`);
    if (e.value.track.extensionRequest) return refuse('alreadyDone', 'a request for an extension is waiting for the committee');
    return found({ ...e.value, due: due.date });
  },
  decide: ({ months, reason }, { track, monthsLeft }, _, { policy }) => withinLimit(months, monthsLeft, policy) ?? ok({ type: 'ExtensionRequested', unitId: track.unitId, months, reason }),
  offer: ({ monthsLeft, due }) => (monthsLeft > 0 ? { maxMonths: monthsLeft, until: due } : null),
});

/** The committee grants the months the unit asked for, or refuses, with a reason. */
export const decideExtension = rule<'decideExtension', Track>({
  targets: 'reply',
  may: (state, _, __, unitId) => {
    const t = namedTrack(state, unitId, ...REPLY_OWED);
    if (!t.ok) return t;
    return t.value.extensionRequest ? t : refuse('notFound', `${t.value.unitId} has not asked for an extension`, ['unitId']);
  },
  decide: ({ decision, reason }, track) =>
    decision === 'grant'
      ? ok({ type: 'ReplyDeadlineExtended', unitId: track.unitId, months: track.extensionRequest!.months, reason })
      : ok({ type: 'ExtensionRefused', unitId: track.unitId, reason }),
  offer: (track) => ({ maxMonths: track.extensionRequest!.months }),
});
