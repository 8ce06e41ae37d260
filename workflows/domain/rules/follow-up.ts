/**
 * 跟踪办理 and 回头看: the commitments of a reply, reported on, delivered, declared undeliverable,
 * closed; the yearly summary and the look back. Rules of the decider (lifecycle.ts), each in two
 * parts: `may` and `decide` (rule.ts).
 */
import type { OfferDetails } from '../commands';
import { annualSummaryYear } from '../duties';
import { commitmentIn, followedTrack, found, handling, namedTrack, ownTrack, unitOf } from '../guards';
import type { HandlingPolicy } from '../policy';
import { refuse } from '../refusals';
import { type Track, openCommitments } from '../state';
import type { CommitmentStatus } from '../vocabulary';
import { rule, nothing, ok } from './rule';

/** The commitments an action may name: none left means no content of the command would be accepted. */
function commitmentChoices(track: Track, statuses: readonly CommitmentStatus[]): OfferDetails | null {
  const commitments = track.commitments.filter((c) => statuses.includes(c.status)).map((c) => ({ no: c.no, title: c.title }));
  return commitments.length === 0 ? null : { commitments };
}

/** 跟踪办理: any assigned unit reports progress on a commitment, or its delivery. */
export const reportFollowUp = rule<'reportFollowUp', Track>({
  targets: 'reply',
  may: (state, actor, _, unitId) => followedTrack(state, actor, unitId),
  decide: ({ commitmentNo, progress, done }, track) => {
    const c = commitmentIn(track, commitmentNo, 'open');
    if (!c.ok) return c;
    return ok({ type: 'FollowUpReported', unitId: track.unitId, commitmentNo, progress, done });
  },
  offer: (track) => commitmentChoices(track, ['open']),
});

/** A commitment that cannot be kept: the unit says why, and the committee decides. */
export const declareUndeliverable = rule<'declareUndeliverable', Track>({
  targets: 'reply',
  may: (state, actor, _, unitId) => followedTrack(state, actor, unitId),
  decide: ({ commitmentNo, reason }, track) => {
    const c = commitmentIn(track, commitmentNo, 'open');
    if (!c.ok) return c;
    return ok({ type: 'CommitmentDeclaredUndeliverable', unitId: track.unitId, commitmentNo, reason });
  },
  offer: (track) => commitmentChoices(track, ['open']),
});

/** Before the audit the committee closed open commitments itself. */
const closable = (policy: HandlingPolicy): readonly CommitmentStatus[] => (policy.ruleset.commitmentClosing === 'committeeOrClock' ? ['open', 'declaredUndeliverable'] : ['declaredUndeliverable']);

/** The committee accepts the unit's declaration (the commitment is settled) or rejects it (it stays open). */
export const closeCommitment = rule<'closeCommitment', Track>({
  targets: 'reply',
  may: (state, _, __, unitId) => namedTrack(state, unitId, 'followUp'),
  decide: ({ commitmentNo, decision, reason }, track, _, { policy }) => {
    const c = commitmentIn(track, commitmentNo, ...closable(policy));
    if (!c.ok) return c.refusal.code === 'notReady' ? refuse('notReady', `${track.unitId} has not declared commitment ${commitmentNo} undeliverable`, ['commitmentNo']) : c;
    if (decision === 'reject') return ok({ type: 'UndeliverableRejected', unitId: track.unitId, commitmentNo, reason });
    return ok({ type: 'CommitmentClosed', unitId: track.unitId, commitmentNo, reason });
  },
  offer: (track, _, { policy }) => commitmentChoices(track, closable(policy)),
});

/** The annual summary of open commitments, for the earliest year the unit still owes. */
export const submitAnnualSummary = rule<'submitAnnualSummary', { track: Track; year: number }>({
  targets: 'reply',
  may: (state, actor, { now, policy }, unitId) => {
    const t = unitId === undefined ? ownTrack(state, actor, 'followUp') : namedTrack(state, unitId, 'followUp');
    if (!t.ok) return t;
    if (t.value.unitId !== unitOf(actor)) return refuse('wrongUnit', `${unitOf(actor)} does not owe the summary of ${t.value.unitId}`, ['unitId']);
    const year = annualSummaryYear(t.value, policy, now);
    if (year === undefined) return refuse('notReady', 'no annual summary is owed');
    return found({ track: t.value, year });
  },
  decide: ({ text }, { track, year }) => ok({ type: 'AnnualSummarySubmitted', unitId: track.unitId, year, text }),
  offer: ({ year }) => ({ year }),
});

/** 回头看: before the next session the committee checks the commitments still open. */
export const recordLookBack = rule<'recordLookBack', null>({
  targets: 'none',
  may: (state, _, { policy }) => {
    const h = handling(state);
    if (!h.ok) return h;
    if (state.lookBackAt) return refuse('alreadyDone', 'the look back (回头看) of this proposal is recorded');
    const open = Object.values(state.tracks).some((t) => t.stage === 'followUp' && openCommitments(t).length > 0);
    if (!policy.ruleset.lookBack || !open) return refuse('notReady', 'no commitment of this proposal is being followed up');
    return nothing;
  },
  decide: ({ summary }) => ok({ type: 'LookBackRecorded', summary }),
});
