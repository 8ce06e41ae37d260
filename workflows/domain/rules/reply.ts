/**
 * 会办, 沟通 and the reply: co-handlers' opinions, contacts with the proposers, the draft, its
 * countersign (联合答复 signed by each co-issuer), the review and the issue. Rules of the decider
 * (lifecycle.ts), each in two parts: `may` and `decide` (rule.ts).
 */
import { isOverdue } from '../calendar';
import type { Actor } from '../commands';
import type { ReplyDraft } from '../contracts';
import { opinionDue, countersignDue } from '../duties';
import { type Checked, assignedUnit, coHandledTrack, found, inFuture, namedTrack, ownTrack } from '../guards';
import type { HandlingPolicy } from '../policy';
import { type Decision, refuse } from '../refusals';
import { type ProposalState, REPLY_OWED, type Track, isKey, opinionGivers, recipients, unitAndPredecessors } from '../state';
import { rule, ok } from './rule';

const knownClass = (policy: HandlingPolicy, code: string) => policy.classScheme.some((c) => c.code === code);
const classes = (policy: HandlingPolicy) => policy.classScheme.map((c) => c.code).join(', ');

/** Whether a reply of this class may carry these commitments (the class's follow-up, DOMAIN.md 13); the reason when not. */
function commitmentsFitClass(policy: HandlingPolicy, code: string, commitments: number): string | undefined {
  const rule = policy.classScheme.find((c) => c.code === code)?.commitments ?? 'allowed';
  if (rule === 'required' && commitments === 0) return `a class ${code} reply lists the commitments that will be followed up; it lists none`;
  if (rule === 'none' && commitments > 0) return `a class ${code} reply promises nothing to follow up; it lists ${commitments} commitment(s)`;
  return undefined;
}

/** 会办: each co-handler sends its written opinion to the lead unit, while the reply is owed. */
export const submitOpinion = rule<'submitOpinion', { unitId: string; leadUnitId: string }>({
  targets: 'none',
  may: (state, actor) => {
    const unit = assignedUnit(state, actor);
    if (!unit.ok) return unit;
    const track = coHandledTrack(state, unit.value);
    if (!track.ok) return track;
    if (state.opinions[unit.value]) return refuse('alreadyDone', `${unit.value} has already sent its opinion`);
    if (!REPLY_OWED.includes(track.value.stage)) return refuse('wrongStage', `the reply of ${track.value.unitId} has been issued`);
    return found({ unitId: unit.value, leadUnitId: track.value.unitId });
  },
  decide: ({ text }, { unitId, leadUnitId }) => ok({ type: 'OpinionSubmitted', unitId, leadUnitId, text }),
});

/** 沟通/见面: any assigned unit may talk with the proposers, before, during and after. */
export const recordContact = rule<'recordContact', string>({
  targets: 'none',
  may: (state, actor) => assignedUnit(state, actor),
  decide: ({ contact }, unitId, _, { now }) => {
    if (inFuture(contact.occurredAt, now)) return refuse('invalid', 'a contact cannot be recorded before it happens', ['contact', 'occurredAt']);
    return ok({ type: 'ProposerContacted', unitId, contact });
  },
});

/**
 * 答复草拟: every co-handler's opinion and enough contact come first; a co-handler silent past
 * its opinion period no longer holds the lead unit up (the silence stays on its own record).
 */
export const draftReply = rule<'draftReply', { track: Track; missing: string[] }>({
  targets: 'none',
  may: (state, actor, { now, policy }) => {
    const t = ownTrack(state, actor, 'drafting', 'countersigning', 'drafted');
    if (!t.ok) return t;
    const track = t.value;
    const missing = opinionGivers(track).filter((u) => !state.opinions[u]);
    const mayGoOn = policy.coHandling.draftWithoutOverdueOpinions;
    const waiting = missing.filter((u) => !mayGoOn || !isOverdue(opinionDue(state, u, policy), now));
    if (waiting.length > 0) {
      return refuse('notReady', `waiting for the opinions of ${waiting.map((u) => `${u} (due ${opinionDue(state, u, policy).date})`).join(', ')}`);
    }
    const contacts = state.contacts.filter((c) => unitAndPredecessors(state, track.unitId).includes(c.unitId)).length;
    if (contacts < policy.minContactsBeforeReply) {
      return refuse('notReady', `${policy.minContactsBeforeReply} contact(s) with the proposers are needed before a reply; ${contacts} recorded`);
    }
    return found({ track, missing });
  },
  decide: ({ draft }, { track, missing }, state, { policy }) => {
    if (!knownClass(policy, draft.replyClass)) return refuse('invalid', `class must be one of ${classes(policy)}`, ['draft', 'replyClass']);
    const misfit = commitmentsFitClass(policy, draft.replyClass, draft.commitments.length);
    if (misfit) return refuse('invalid', misfit, ['draft', 'commitments']);
    const unnamed = policy.salutationNamesEveryRecipient ? recipients(state).filter((p) => !draft.salutation.includes(p.name)) : [];
    if (unnamed.length > 0) return refuse('invalid', `the salutation must name every recipient; it leaves out ${unnamed.map((p) => p.name).join('、')}`, ['draft', 'salutation']);
    const issuers = issuersFit(draft, track, policy);
    if (issuers) return issuers;
    return ok({ type: 'ReplyDrafted', unitId: track.unitId, draft, ...(missing.length > 0 ? { withoutOpinionsOf: missing } : {}) });
  },
  offer: ({ track }, state, { policy }) => ({
    classes: policy.classScheme,
    recipients: recipients(state).map((p) => p.name),
    ...(policy.coHandlerRoles.coIssuing === 'byUnit' && track.countersigners.length > 0 ? { coIssuers: track.countersigners } : {}),
  }),
});

/**
 * 联合答复: under the policy, co-issuers are the reply's 会办 units named by id (a 协办 unit does not
 * countersign, so it cannot sign); drafts pinned before named the header in free text.
 */
function issuersFit(draft: ReplyDraft, track: Track, policy: HandlingPolicy): Decision<never> | undefined {
  if (policy.coHandlerRoles.coIssuing === 'freeText') {
    return draft.coIssuers ? refuse('invalid', 'under this handling policy the issuing units are written in issuingUnits', ['draft', 'coIssuers']) : undefined;
  }
  if (draft.issuingUnits) return refuse('invalid', 'name the co-issuing units by id in coIssuers: the header and signature take their names from the directory', ['draft', 'issuingUnits']);
  const strangers = (draft.coIssuers ?? []).filter((u) => !track.countersigners.includes(u));
  if (strangers.length > 0) return refuse('invalid', `only a co-handler that countersigns (会办) co-issues the reply; ${strangers.join(', ')} is not one`, ['draft', 'coIssuers']);
  return undefined;
}

/** The joint draft this officer's unit countersigns, waiting for it; whether the draft names the unit a co-issuer. */
function draftToCountersign(state: ProposalState, actor: Actor): Checked<{ unitId: string; leadUnitId: string; coIssues: boolean }> {
  const unit = assignedUnit(state, actor);
  if (!unit.ok) return unit;
  const t = coHandledTrack(state, unit.value);
  if (!t.ok) return t;
  if (!t.value.countersigners.includes(unit.value)) return refuse('forbidden', `${unit.value} is a 协办 (assisting) unit: it sends its opinion and does not countersign`);
  if (t.value.stage !== 'countersigning') return refuse('wrongStage', `the reply of ${t.value.unitId} is ${t.value.stage}; nothing waits for a countersign`);
  if (t.value.countersignedBy.includes(unit.value)) return refuse('alreadyDone', `${unit.value} has already countersigned this draft`);
  return found({ unitId: unit.value, leadUnitId: t.value.unitId, coIssues: t.value.draft?.coIssuers?.includes(unit.value) ?? false });
}

/** 会签: every co-handler countersigns the joint draft, or asks for changes; a co-issuing unit signs as it countersigns. */
export const countersign = rule<'countersign', { unitId: string; leadUnitId: string; coIssues: boolean }>({
  targets: 'none',
  may: (state, actor) => draftToCountersign(state, actor),
  decide: ({ signer }, { unitId, leadUnitId, coIssues }, _, { policy }) => {
    if (!coIssues) return signer ? refuse('invalid', `the draft does not name ${unitId} a co-issuer: it countersigns without signing`, ['signer']) : ok({ type: 'DraftCountersigned', unitId, leadUnitId });
    const levels = policy.signer.coIssuedLevels;
    if (!signer) return refuse('invalid', `${unitId} co-issues the reply: its signer (${levels.join(' or ')}) signs as it countersigns`, ['signer']);
    if (!levels.includes(signer.level)) return refuse('invalid', `a co-issuing unit's reply is signed by: ${levels.join(' or ')}`, ['signer', 'level']);
    return ok({ type: 'DraftCountersigned', unitId, leadUnitId, signer });
  },
  offer: ({ coIssues }, _, { policy }) => (coIssues ? { signerLevels: policy.signer.coIssuedLevels } : {}),
});

export const requestChanges = rule<'requestChanges', { unitId: string; leadUnitId: string }>({
  targets: 'none',
  may: (state, actor) => draftToCountersign(state, actor),
  decide: ({ comments }, { unitId, leadUnitId }) => ok({ type: 'DraftChangesRequested', unitId, leadUnitId, comments }),
});

/** The committee may let a draft go on without a countersign that is overdue, with a reason. */
export const releaseCountersign = rule<'releaseCountersign', { unitId: string; leadUnitId: string }>({
  targets: 'coHandler',
  may: (state, _, { now, policy }, unitId) => {
    if (!policy.coHandling.committeeReleasesOverdueCountersign) {
      return refuse('forbidden', 'under this handling policy the committee does not release countersigns');
    }
    const t = coHandledTrack(state, unitId ?? '');
    if (!t.ok) return refuse(t.refusal.code, t.refusal.message, ['unitId']);
    const track = t.value;
    if (track.stage !== 'countersigning') return refuse('wrongStage', `the reply of ${track.unitId} is ${track.stage}; nothing waits for a countersign`);
    if (track.countersignedBy.includes(unitId!)) return refuse('alreadyDone', `${unitId} has already countersigned this draft`);
    const due = countersignDue(track, policy);
    if (!isOverdue(due, now)) return refuse('notReady', `the countersign of ${unitId} is not overdue: it is due by ${due.date}`);
    return found({ unitId: unitId!, leadUnitId: track.unitId });
  },
  decide: ({ reason }, d) => ok({ type: 'CountersignReleased', ...d, reason }),
});

/** A draft cannot be submitted while a co-handler has not countersigned (协办未会签). */
export const submitReply = rule<'submitReply', Track>({
  targets: 'none',
  may: (state, actor) => {
    const t = ownTrack(state, actor);
    if (!t.ok) return t;
    const track = t.value;
    if (track.stage === 'countersigning') {
      const pending = track.countersigners.filter((u) => !track.countersignedBy.includes(u));
      return refuse('notReady', `not yet countersigned by ${pending.join(', ')}`);
    }
    const drafted = ownTrack(state, actor, 'drafted');
    if (!drafted.ok) return drafted;
    // A co-issuer whose countersign the committee released has not signed: it cannot stand in the signature.
    const unsigned = (track.draft?.coIssuers ?? []).filter((u) => !track.coSignatures[u]);
    if (unsigned.length > 0) return refuse('notReady', `the co-issuing ${unsigned.join(', ')} has not signed: revise the draft without it`);
    return drafted;
  },
  decide: (_, track) => ok({ type: 'ReplySubmitted', unitId: track.unitId }),
});

/** 审核: the committee accepts (possibly correcting the class) or returns it for rework. */
export const reviewReply = rule<'reviewReply', Track>({
  targets: 'reply',
  may: (state, actor, { policy }, unitId) => {
    if (actor.role === 'supervisionOffice' && policy.replyReviewers !== 'committeeOrSupervisionOffice') return refuse('forbidden', 'the policy leaves the review of replies to the committee');
    return namedTrack(state, unitId, 'underReview');
  },
  decide: ({ review: r }, track, _, { policy }) => {
    if (r.decision === 'return') return ok({ type: 'ReplyReturned', unitId: track.unitId, comments: r.comments });
    const drafted = track.draft!.replyClass;
    if (r.correctedClass !== undefined && !knownClass(policy, r.correctedClass)) {
      return refuse('invalid', `class must be one of ${classes(policy)}`, ['review', 'correctedClass']);
    }
    const misfit = r.correctedClass === undefined ? undefined : commitmentsFitClass(policy, r.correctedClass, track.draft!.commitments.length);
    if (misfit) return refuse('invalid', `${misfit}: return it for rework instead`, ['review', 'correctedClass']);
    const replyClass = r.correctedClass ?? drafted;
    return ok({
      type: 'ReplyApproved',
      unitId: track.unitId,
      replyClass,
      ...(replyClass !== drafted ? { correctedFrom: drafted } : {}),
      ...(r.comments ? { comments: r.comments } : {}),
    });
  },
  offer: (_, __, { policy }) => ({ classes: policy.classScheme }),
});

const signerLevels = (state: ProposalState, policy: HandlingPolicy) => (isKey(state) ? policy.signer.keyProposalLevels : policy.signer.levels);

/**
 * 答复: signed at the level the policy requires, sent to every proposer (and those of merged
 * proposals), copied to the committee, the supervision office and the co-handlers.
 */
export const issueReply = rule<'issueReply', Track>({
  targets: 'none',
  may: (state, actor) => ownTrack(state, actor, 'approved'),
  decide: ({ signer }, track, state, { policy }) => {
    const levels = signerLevels(state, policy);
    if (!levels.includes(signer.level)) return refuse('invalid', `${isKey(state) ? 'a key proposal' : 'a reply'} must be signed by: ${levels.join(' or ')}`, ['signer', 'level']);
    const coIssuers = track.draft!.coIssuers ?? [];
    return ok({
      type: 'ReplyIssued',
      unitId: track.unitId,
      signer,
      ...(coIssuers.length > 0 ? { coIssuers: coIssuers.map((u) => ({ unitId: u, signer: track.coSignatures[u]! })) } : {}),
      documentNumber: track.draft!.documentNumber,
      replyClass: track.approvedClass!,
      recipients: recipients(state).map((p) => p.id),
      // 抄送 never names a unit that issued the reply.
      copiedTo: ['committee', 'supervisionOffice', ...opinionGivers(track).filter((u) => !coIssuers.includes(u))],
    });
  },
  offer: (_, state, { policy }) => ({ signerLevels: signerLevels(state, policy) }),
});
