/**
 * The rules of handling a proposal (DOMAIN.md), as a decider: given the state and a command, the
 * events that follow or a typed refusal. One function per command, in DOMAIN.md's order; the
 * checks they share are in guards.ts. Pure and deterministic: the workflow and the tests call the
 * same functions, and time comes in as `now`.
 */
import { type CalendarYear, isOverdue } from './calendar';
import type { Actor, AllowedAction, Command, CommandType, OfferDetails } from './commands';
import { COMMAND_ROLES, CommandSchema } from './commands';
import { type Assignment, type Intake, type Proposer, type ReplyDraft } from './contracts';
import { assignedUnits, assistingUnits, unitRole } from './roles';
import { annualSummaryYear, evaluationWindow, objectionWindow, opinionDue, countersignDue, reassignmentWindow, replyDue } from './duties';
import type { EventBody, ProposalEvent } from './events';
import { type Checked, assignedUnit, coHandledTrack, commitmentIn, followedTrack, found, handling, inFuture, namedTrack, ownTrack, unitOf } from './guards';
import { closeIfFinished, evaluationOutcome } from './outcomes';
import type { HandlingPolicy } from './policy';
import { type Decision, refuse } from './refusals';
import { type ProposalState, REPLY_OWED, type Track, evolve, isKey, leadSigner, openCommitments, opinionGivers, recipients, unitAndPredecessors } from './state';
import type { CommitmentStatus } from './vocabulary';

export interface Context {
  now: string;
  policy: HandlingPolicy;
  /**
   * Deadline alerts and the follow-up limit. Off only when replaying workflows begun before
   * they existed (the workflow decides with `patched`), so those keep the timers they had.
   */
  deadlineAlerts?: boolean;
}

/**
 * One command's rule in two parts. `may` makes every check that reads only the state, who acts,
 * which unit the command names and when: whether the action is open now at all. `decide` checks
 * what the command carries and says what happens. The decider runs both; `allowedActions` runs
 * `may` alone, so what a person is offered comes from the same guards that judge the action.
 */
interface Rule<T extends CommandType, X> {
  /** The units an offer of this action names: none, each reply, each unit asking for reassignment, each co-handler. */
  targets: Target;
  may: (state: ProposalState, actor: Actor, ctx: Context, unitId: string | undefined) => Checked<X>;
  decide: (command: Extract<Command, { type: T }>, found: X, state: ProposalState, ctx: Context) => Decision<EventBody>;
  /**
   * The choices the rule accepts now, for the form that offers the action; null when nothing the
   * command could carry would be accepted (no commitment left to name).
   */
  offer?: (found: X, state: ProposalState, ctx: Context) => OfferDetails | null;
}
type Target = 'none' | 'reply' | 'requester' | 'coHandler';
type AnyRule = Rule<CommandType, unknown>;

const rule = <T extends CommandType, X>(r: Rule<T, X>) => r as unknown as Rule<T, unknown>;
const nothing = found(null);

const ok = (...events: EventBody[]): Decision<EventBody> => ({ ok: true, events });

/** 受理; a member's joint proposal waits for each co-signer to confirm, where the policy says so. */
export function fileProposal(intake: Intake, by: Actor, now: string, policy: HandlingPolicy): ProposalEvent {
  const cosigners = policy.cosignerConfirmation && by.role === 'proposer' ? intake.proposers.filter((p) => p.id !== by.id).map((p) => p.id) : [];
  return { type: 'ProposalFiled', intake, ...(cosigners.length > 0 ? { awaitingCosigners: cosigners } : {}), at: now, by };
}

/** Validates an untrusted command and decides it. */
export function decideUnknown(input: unknown, state: ProposalState, ctx: Context): Decision<ProposalEvent> {
  const parsed = CommandSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return refuse('invalid', issue.message, issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)));
  }
  return decide(parsed.data, state, ctx);
}

export function decide(command: Command, state: ProposalState, ctx: Context): Decision<ProposalEvent> {
  const roles = COMMAND_ROLES[command.type];
  if (!roles.includes(command.actor.role)) {
    return refuse('forbidden', `only ${roles.join(' or ')} may ${command.type}, not ${command.actor.role}`);
  }
  const rule = RULES[command.type] as AnyRule;
  const standing = rule.may(state, command.actor, ctx, 'unitId' in command ? command.unitId : undefined);
  if (!standing.ok) return standing;
  const decision = rule.decide(command, standing.value, state, ctx);
  if (!decision.ok) return decision;
  const events = decision.events.map((e) => ({ ...e, at: ctx.now, by: command.actor }) as ProposalEvent);
  return { ok: true, events: closeIfFinished(state, events, ctx.now, ctx.policy) };
}

/** A proposal merged into this one (并案), as the merged proposal's workflow tells it: once per proposal. */
export function joinMerged(state: ProposalState, merged: { number: number; proposers: Proposer[] }, by: Actor, now: string): ProposalEvent[] {
  if (state.merged.some((m) => m.number === merged.number)) return [];
  return [{ type: 'MergedProposalJoined', number: merged.number, proposers: merged.proposers, at: now, by }];
}

/**
 * A year's holidays loaded by an operator: added only where the proposal's calendar (as pinned, with
 * the years added since) did not cover the year, so no due date it was given under its rules moves.
 */
export function addCalendarYear(policy: HandlingPolicy, calendarYear: CalendarYear, by: Actor, now: string): ProposalEvent[] {
  if (policy.calendar.coveredYears.includes(calendarYear.year)) return [];
  return [{ type: 'CalendarYearAdded', calendarYear, at: now, by }];
}

export interface Succession {
  from: string;
  to: string;
  kind: 'merged' | 'renamed';
  effectiveOn: string;
  reason: string;
}

/**
 * 机构改革, told to a running proposal: its open work passes from the unit to the successor. Nothing
 * happens where the unit has no part in it, where the successor already has one (the committee
 * reassigns such a proposal itself), or once the proposal is finished.
 */
export function succeedUnit(state: ProposalState, s: Succession, by: Actor, now: string): ProposalEvent[] {
  if (state.status !== 'handling' || !state.assignment) return [];
  const units = assignedUnits(state.assignment);
  if (!units.includes(s.from) || units.includes(s.to)) return [];
  return [{ type: 'UnitSucceeded', ...s, at: now, by }];
}

const knownClass = (policy: HandlingPolicy, code: string) => policy.classScheme.some((c) => c.code === code);
const classes = (policy: HandlingPolicy) => policy.classScheme.map((c) => c.code).join(', ');

/** Whether a reply of this class may carry these commitments (the class's follow-up, DOMAIN.md 13); the reason when not. */
function commitmentsFitClass(policy: HandlingPolicy, code: string, commitments: number): string | undefined {
  const rule = policy.classScheme.find((c) => c.code === code)?.commitments ?? 'allowed';
  if (rule === 'required' && commitments === 0) return `a class ${code} reply lists the commitments that will be followed up; it lists none`;
  if (rule === 'none' && commitments > 0) return `a class ${code} reply promises nothing to follow up; it lists ${commitments} commitment(s)`;
  return undefined;
}
/** 协办 units are named only where the policy sets co-handlers' roles per assignment. */
function rolesFitPolicy(a: Assignment, policy: HandlingPolicy, path: string[]): Decision<never> | undefined {
  if (assistingUnits(a).length === 0 || policy.coHandlerRoles.assisting === 'perAssignment') return undefined;
  return refuse('invalid', 'under this handling policy every co-handler countersigns: name no 协办 (assisting) units', [...path, 'assisting']);
}

// ---- 审查, 交办 ----------------------------------------------------------------------------

/** 审查: the committee registers, merges, rejects, or turns a filed proposal into a report. */
const review = rule<'review', null>({
  targets: 'none',
  may: (state) => (state.status === 'filed' ? nothing : refuse('wrongStage', `the proposal is ${state.status}; only a filed proposal is reviewed`)),
  decide: ({ review: r }, _, state, ctx) => {
    const reviewed = reviewOutcome(r, state, ctx);
    const silent = Object.entries(state.cosigners ?? {}).filter(([, answer]) => answer === 'pending').map(([id]) => id);
    return reviewed.ok && silent.length > 0 ? ok({ type: 'CosignersLapsed', proposerIds: silent }, ...reviewed.events) : reviewed;
  },
});

/** 联名确认: each co-signer of a member's joint proposal confirms or declines, once, before the committee reviews it. */
const answerCosigning = rule<'answerCosigning', string>({
  targets: 'none',
  may: (state, actor) => {
    const answer = state.cosigners?.[actor.id];
    if (answer === undefined) return refuse('forbidden', `${actor.id} is not asked to co-sign this proposal`);
    if (answer !== 'pending') return refuse(answer === 'lapsed' ? 'windowClosed' : 'alreadyDone', answer === 'lapsed' ? 'the committee reviewed the proposal before it was confirmed' : `${actor.id} has answered already`);
    return found(actor.id);
  },
  decide: ({ decision }, proposerId) => ok({ type: 'CosigningAnswered', proposerId, decision }),
});

function reviewOutcome(r: Extract<Command, { type: 'review' }>['review'], state: ProposalState, ctx: Context): Decision<EventBody> {
  switch (r.outcome) {
      case 'register':
        return ok({ type: 'ProposalRegistered' });
      case 'merge':
        if (r.intoNumber === state.intake!.number) return refuse('invalid', 'a proposal cannot be merged into itself', ['review', 'intoNumber']);
        return ok({ type: 'ProposalMerged', intoNumber: r.intoNumber, reason: r.reason });
      case 'notRegister': {
        const objectionUntil = objectionWindow(ctx.now, ctx.policy);
        return ok({ type: 'ProposalNotRegistered', reason: r.reason, ...(objectionUntil ? { objectionUntil } : {}) });
      }
      case 'convertToReport':
        return ok({ type: 'ProposalConvertedToReport', reason: r.reason });
    }
}

/** 交办: only registered proposals are handled, jointly (主办, 会办) or separately (分办). */
const assign = rule<'assign', null>({
  targets: 'none',
  may: (state) => (state.status === 'registered' ? nothing : refuse('wrongStage', `the proposal is ${state.status}; only a registered proposal is assigned`)),
  decide: ({ assignment }, _, __, { policy }) => rolesFitPolicy(assignment, policy, ['assignment']) ?? ok({ type: 'ProposalAssigned', assignment }),
  offer: (_, __, { policy }) => ({ assisting: policy.coHandlerRoles.assisting === 'perAssignment' }),
});

/** 交办异议: within the unit's window, once; the unit keeps handling until the committee decides. */
const requestReassignment = rule<'requestReassignment', { unitId: string; closes: string }>({
  targets: 'none',
  may: (state, actor, { now, policy }) => {
    const unit = assignedUnit(state, actor);
    if (!unit.ok) return unit;
    const window = reassignmentWindow(state, unit.value, policy);
    if (isOverdue(window, now)) return refuse('windowClosed', `requests for reassignment closed at the end of ${window.date}`);
    if (state.reassignmentRequests[unit.value]) return refuse('alreadyDone', `${unit.value} has already asked for reassignment`);
    return found({ unitId: unit.value, closes: window.date });
  },
  decide: ({ reason }, { unitId }) => ok({ type: 'ReassignmentRequested', unitId, reason }),
  offer: ({ closes }) => ({ until: closes }),
});

/** A reply already past drafting: from then on the proposal is no longer reassigned (before the audit: at any stage). */
const advancedReply = (state: ProposalState, policy: HandlingPolicy) =>
  policy.ruleset.reassignment === 'anyStageAfresh' ? undefined : Object.values(state.tracks).find((t) => t.stage !== 'drafting');

/**
 * The committee keeps the unit with a reason, or reassigns: before any reply is past drafting,
 * and the requesting unit must leave or change its role (a swap of lead and co-handler is one).
 */
const decideReassignment = rule<'decideReassignment', string>({
  targets: 'requester',
  may: (state, _, __, unitId) => {
    const h = handling(state);
    if (!h.ok) return h;
    const request = unitId === undefined ? undefined : state.reassignmentRequests[unitId];
    if (!request || request.status !== 'pending') return refuse('notFound', `${unitId} has no pending reassignment request`, ['unitId']);
    return found(unitId!);
  },
  decide: ({ decision: d }, unitId, state, { policy }) => {
    if (d.decision === 'keep') return ok({ type: 'ReassignmentRefused', unitId, reason: d.reason });
    const advanced = advancedReply(state, policy);
    if (advanced) return refuse('wrongStage', `the reply of ${advanced.unitId} is already ${advanced.stage}; a proposal is reassigned only while it is drafted`);
    const misfit = rolesFitPolicy(d.assignment, policy, ['decision', 'assignment']);
    if (misfit) return misfit;
    if (unitRole(d.assignment, unitId) === unitRole(state.assignment!, unitId)) {
      return refuse('invalid', `the new assignment leaves ${unitId} as it was; keep it instead`, ['decision', 'assignment']);
    }
    return ok({ type: 'ProposalReassigned', unitId, assignment: d.assignment, reason: d.reason, ...(policy.ruleset.reassignment === 'anyStageAfresh' ? {} : { onlyNamedUnits: true as const }) });
  },
  offer: (_, state, { policy }) => (advancedReply(state, policy) ? { decisions: ['keep'] } : { decisions: ['keep', 'reassign'], assisting: policy.coHandlerRoles.assisting === 'perAssignment' }),
});

// ---- 会办, 沟通 ----------------------------------------------------------------------------

/** 会办: each co-handler sends its written opinion to the lead unit, while the reply is owed. */
const submitOpinion = rule<'submitOpinion', { unitId: string; leadUnitId: string }>({
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
const recordContact = rule<'recordContact', string>({
  targets: 'none',
  may: (state, actor) => assignedUnit(state, actor),
  decide: ({ contact }, unitId, _, { now }) => {
    if (inFuture(contact.occurredAt, now)) return refuse('invalid', 'a contact cannot be recorded before it happens', ['contact', 'occurredAt']);
    return ok({ type: 'ProposerContacted', unitId, contact });
  },
});

// ---- 答复草拟, 会签, 审核, 答复 ---------------------------------------------------------------

/**
 * 答复草拟: every co-handler's opinion and enough contact come first; a co-handler silent past
 * its opinion period no longer holds the lead unit up (the silence stays on its own record).
 */
const draftReply = rule<'draftReply', { track: Track; missing: string[] }>({
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
const countersign = rule<'countersign', { unitId: string; leadUnitId: string; coIssues: boolean }>({
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

const requestChanges = rule<'requestChanges', { unitId: string; leadUnitId: string }>({
  targets: 'none',
  may: (state, actor) => draftToCountersign(state, actor),
  decide: ({ comments }, { unitId, leadUnitId }) => ok({ type: 'DraftChangesRequested', unitId, leadUnitId, comments }),
});

/** The committee may let a draft go on without a countersign that is overdue, with a reason. */
const releaseCountersign = rule<'releaseCountersign', { unitId: string; leadUnitId: string }>({
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
const submitReply = rule<'submitReply', Track>({
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
const reviewReply = rule<'reviewReply', Track>({
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
const issueReply = rule<'issueReply', Track>({
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

// ---- 评价, 重新办理 --------------------------------------------------------------------------

/** 评价: each recipient rates once per reply, within the window; the last rating concludes it. */
const evaluate = rule<'evaluate', { track: Track; closes: string }>({
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
const decideRehandling = rule<'decideRehandling', Track>({
  targets: 'reply',
  may: (state, _, __, unitId) => namedTrack(state, unitId, 'rehandlingDecision'),
  decide: ({ decision, note }, track) => ok({ type: 'RehandlingDecided', unitId: track.unitId, decision, note }),
});

/** Still 不满意 after re-handling: the committee arranges a face-to-face consultation. */
const recordConsultation = rule<'recordConsultation', Track>({
  targets: 'reply',
  may: (state, _, __, unitId) => namedTrack(state, unitId, 'consultation'),
  decide: ({ occurredAt, summary }, track, _, { now }) => {
    if (inFuture(occurredAt, now)) return refuse('invalid', 'a consultation cannot be recorded before it happens', ['occurredAt']);
    return ok({ type: 'ConsultationHeld', unitId: track.unitId, occurredAt, summary });
  },
});

// ---- 跟踪办理, 回头看 ------------------------------------------------------------------------

/** The commitments an action may name: none left means no content of the command would be accepted. */
function commitmentChoices(track: Track, statuses: readonly CommitmentStatus[]): OfferDetails | null {
  const commitments = track.commitments.filter((c) => statuses.includes(c.status)).map((c) => ({ no: c.no, title: c.title }));
  return commitments.length === 0 ? null : { commitments };
}

/** 跟踪办理: any assigned unit reports progress on a commitment, or its delivery. */
const reportFollowUp = rule<'reportFollowUp', Track>({
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
const declareUndeliverable = rule<'declareUndeliverable', Track>({
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
const closeCommitment = rule<'closeCommitment', Track>({
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
const submitAnnualSummary = rule<'submitAnnualSummary', { track: Track; year: number }>({
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
const recordLookBack = rule<'recordLookBack', null>({
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
const extendReplyDeadline = rule<'extendReplyDeadline', { track: Track; monthsLeft: number }>({
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
const requestExtension = rule<'requestExtension', { track: Track; monthsLeft: number; due: string }>({
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
const decideExtension = rule<'decideExtension', Track>({
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

// ---- 答复公开 ------------------------------------------------------------------------------

/** 答复公开: the replying unit decides, once per issued reply, whether and how it is published. */
const decidePublication = rule<'decidePublication', Track>({
  targets: 'none',
  may: (state, actor, { policy }) => {
    if (!policy.periods.publicationDecision) return refuse('forbidden', 'under this handling policy replies are not published through the system');
    const t = ownTrack(state, actor);
    if (!t.ok) return t;
    if (!t.value.issued) return refuse('notReady', `the reply of ${t.value.unitId} has not been issued`);
    return t.value.publication ? refuse('alreadyDone', `the publication of ${t.value.unitId}'s reply is decided`) : t;
  },
  decide: ({ publication }, track) => ok({ type: 'PublicationDecided', unitId: track.unitId, ...publication }),
});

// ---- 撤案 ---------------------------------------------------------------------------------

/**
 * 撤案: the proposer (for a joint proposal, the lead signer) withdraws a proposal not yet assigned;
 * an assigned one only with the committee's consent, and only while no reply has gone out.
 */
const withdraw = rule<'withdraw', 'now' | 'ask'>({
  targets: 'none',
  may: (state, actor) => {
    const signer = signedBy(state, actor, 'withdraws');
    if (!signer.ok) return signer;
    if (state.status === 'filed' || state.status === 'registered') return found('now' as const);
    const h = handling(state);
    if (!h.ok) return h;
    const issued = Object.values(state.tracks).find((t) => !REPLY_OWED.includes(t.stage));
    if (issued) return refuse('wrongStage', `the reply of ${issued.unitId} has been issued; the proposal is no longer withdrawn`);
    if (state.withdrawalRequest) return refuse('alreadyDone', 'a request to withdraw is waiting for the committee');
    return found('ask' as const);
  },
  decide: ({ reason }, when) => ok(when === 'now' ? { type: 'ProposalWithdrawn', reason } : { type: 'WithdrawalRequested', reason }),
});

/** The lead signer, acting: any other proposer, or anyone else, is refused. */
function signedBy(state: ProposalState, actor: Actor, does: string): Checked<null> {
  const proposers = state.intake?.proposers ?? [];
  if (leadSigner(state)?.id === actor.id) return nothing;
  return refuse('forbidden', proposers.some((p) => p.id === actor.id) ? `only the lead signer ${does} a joint proposal` : `${actor.id} is not a proposer of this proposal`);
}

/** 不立案异议: the lead signer objects to 不立案 within the window, once, with a reason. */
const objectToReview = rule<'objectToReview', { until: string }>({
  targets: 'none',
  may: (state, actor, { now }) => {
    const signer = signedBy(state, actor, 'objects for');
    if (!signer.ok) return signer;
    const o = state.objection;
    if (state.status !== 'notRegistered' || !o) return refuse('wrongStage', `the proposal is ${state.status}; only 不立案 is objected to`);
    if (o.stage !== 'open') return refuse(o.stage === 'lapsed' ? 'windowClosed' : 'alreadyDone', o.stage === 'lapsed' ? `objections closed at the end of ${o.until.date}` : 'the proposer has objected already');
    if (isOverdue(o.until, now)) return refuse('windowClosed', `objections closed at the end of ${o.until.date}`);
    return found({ until: o.until.date });
  },
  decide: ({ reason }) => ok({ type: 'ReviewObjected', reason }),
  offer: ({ until }) => ({ until }),
});

/** The committee reviews the proposal again on the objection: registered after all, or 不立案 kept, with its reason. */
const decideObjection = rule<'decideObjection', null>({
  targets: 'none',
  may: (state) => (state.status === 'notRegistered' && state.objection?.stage === 'objected' ? nothing : refuse('notFound', 'no objection to 不立案 is waiting')),
  decide: ({ decision, reason }) => ok({ type: 'ObjectionDecided', decision, reason }),
});

/** The committee consents to withdrawing an assigned proposal (its duties let go, counted against no unit), or refuses. */
const decideWithdrawal = rule<'decideWithdrawal', { reason: string }>({
  targets: 'none',
  may: (state) => {
    const h = handling(state);
    if (!h.ok) return h;
    return state.withdrawalRequest ? found(state.withdrawalRequest) : refuse('notFound', 'no request to withdraw this proposal is waiting');
  },
  decide: ({ decision, reason }, request) =>
    ok(decision === 'consent' ? { type: 'ProposalWithdrawn', reason: request.reason, consent: reason } : { type: 'WithdrawalRefused', reason }),
});

// ---- 重点提案 -------------------------------------------------------------------------------

/** 重点提案: the committee marks an assigned proposal key, naming its supervising leaders and the member in charge. */
const markKey = rule<'markKey', null>({
  targets: 'none',
  may: (state) => {
    const h = handling(state);
    if (!h.ok) return h;
    return state.key ? refuse('alreadyDone', 'the proposal is already a key proposal') : nothing;
  },
  decide: ({ leaders, memberInCharge, reason }) => ok({ type: 'KeyProposalMarked', leaders, memberInCharge, reason }),
});

/** 办理方案: each replying unit of a key proposal sends its plan once, while its reply is still owed. */
const submitHandlingPlan = rule<'submitHandlingPlan', Track>({
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
const recordSupervisionMeeting = rule<'recordSupervisionMeeting', null>({
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

const RULES: { [T in CommandType]: Rule<T, unknown> } = {
  review,
  answerCosigning,
  assign,
  requestReassignment,
  decideReassignment,
  submitOpinion,
  recordContact,
  draftReply,
  countersign,
  requestChanges,
  releaseCountersign,
  submitReply,
  reviewReply,
  issueReply,
  evaluate,
  decideRehandling,
  recordConsultation,
  reportFollowUp,
  declareUndeliverable,
  closeCommitment,
  submitAnnualSummary,
  recordLookBack,
  extendReplyDeadline,
  requestExtension,
  decideExtension,
  withdraw,
  decideWithdrawal,
  objectToReview,
  decideObjection,
  decidePublication,
  markKey,
  submitHandlingPlan,
  recordSupervisionMeeting,
};

/** The units an offer of an action may name, for each kind of target. */
function targetsOf(target: Target, state: ProposalState): (string | undefined)[] {
  switch (target) {
    case 'none':
      return [undefined];
    case 'reply':
      return Object.keys(state.tracks);
    case 'requester':
      return Object.keys(state.reassignmentRequests);
    case 'coHandler':
      return [...new Set(Object.values(state.tracks).flatMap((t) => t.countersigners))];
  }
}

/**
 * The actions this actor may take now, each with the choices its form may offer: exactly those
 * whose rule's `may` passes, so a form is offered only when the decider would take it up.
 */
export function allowedActions(state: ProposalState, actor: Actor, ctx: Context): AllowedAction[] {
  return (Object.keys(RULES) as CommandType[])
    .filter((type) => COMMAND_ROLES[type].includes(actor.role))
    .flatMap((type) => {
      const rule = RULES[type] as AnyRule;
      return targetsOf(rule.targets, state).flatMap((unitId) => {
        const standing = rule.may(state, actor, ctx, unitId);
        const details = !standing.ok ? null : rule.offer ? rule.offer(standing.value, state, ctx) : {};
        return details === null ? [] : [{ action: type, ...(unitId === undefined ? {} : { unitId }), ...details }];
      });
    });
}
