/**
 * The rules of handling a proposal (DOMAIN.md), as a decider: given the state and a command, the
 * events that follow or a typed refusal. One function per command, in DOMAIN.md's order; the
 * checks they share are in guards.ts. Pure and deterministic: the workflow and the tests call the
 * same functions, and time comes in as `now`.
 */
import { type CalendarYear, isOverdue } from './calendar';
import type { Actor, Command, CommandType } from './commands';
import { COMMAND_ROLES, CommandSchema } from './commands';
import { type Assignment, type Intake, type Proposer } from './contracts';
import { annualSummaryYear, evaluationWindow, opinionDue, countersignDue, reassignmentWindow } from './duties';
import type { EventBody, ProposalEvent } from './events';
import { assignedUnit, coHandledTrack, commitmentIn, followedTrack, handling, inFuture, namedTrack, ownTrack, unitOf } from './guards';
import { closeIfFinished, evaluationOutcome } from './outcomes';
import type { HandlingPolicy } from './policy';
import { type Decision, refuse } from './refusals';
import { type ProposalState, REPLY_OWED, evolve, openCommitments, recipients } from './state';

export interface Context {
  now: string;
  policy: HandlingPolicy;
  /**
   * Deadline alerts and the follow-up limit. Off only when replaying workflows begun before
   * they existed (the workflow decides with `patched`), so those keep the timers they had.
   */
  deadlineAlerts?: boolean;
}

type Rule<T extends CommandType> = (command: Extract<Command, { type: T }>, state: ProposalState, ctx: Context) => Decision<EventBody>;

const ok = (...events: EventBody[]): Decision<EventBody> => ({ ok: true, events });

export function fileProposal(intake: Intake, by: Actor, now: string): ProposalEvent {
  return { type: 'ProposalFiled', intake, at: now, by };
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
  const rule = RULES[command.type] as Rule<typeof command.type>;
  const decision = rule(command, state, ctx);
  if (!decision.ok) return decision;
  const events = decision.events.map((e) => ({ ...e, at: ctx.now, by: command.actor }) as ProposalEvent);
  return { ok: true, events: closeIfFinished(state, events, ctx.now) };
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

const knownClass = (policy: HandlingPolicy, code: string) => policy.classScheme.some((c) => c.code === code);
const classes = (policy: HandlingPolicy) => policy.classScheme.map((c) => c.code).join(', ');
const roleIn = (a: Assignment, unitId: string) =>
  a.mode === 'separate' ? (a.units.includes(unitId) ? 'separate' : undefined) : a.lead === unitId ? 'lead' : a.coHandlers.includes(unitId) ? 'coHandler' : undefined;

// ---- 审查, 交办 ----------------------------------------------------------------------------

/** 审查: the committee registers, merges, rejects, or turns a filed proposal into a report. */
const review: Rule<'review'> = ({ review: r }, state) => {
  if (state.status !== 'filed') return refuse('wrongStage', `the proposal is ${state.status}; only a filed proposal is reviewed`);
  switch (r.outcome) {
    case 'register':
      return ok({ type: 'ProposalRegistered' });
    case 'merge':
      if (r.intoNumber === state.intake!.number) return refuse('invalid', 'a proposal cannot be merged into itself', ['review', 'intoNumber']);
      return ok({ type: 'ProposalMerged', intoNumber: r.intoNumber, reason: r.reason });
    case 'notRegister':
      return ok({ type: 'ProposalNotRegistered', reason: r.reason });
    case 'convertToReport':
      return ok({ type: 'ProposalConvertedToReport', reason: r.reason });
  }
};

/** 交办: only registered proposals are handled. */
const assign: Rule<'assign'> = ({ assignment }, state) => {
  if (state.status !== 'registered') return refuse('wrongStage', `the proposal is ${state.status}; only a registered proposal is assigned`);
  return ok({ type: 'ProposalAssigned', assignment });
};

/** 交办异议: within the unit's window, once; the unit keeps handling until the committee decides. */
const requestReassignment: Rule<'requestReassignment'> = ({ actor, reason }, state, { now, policy }) => {
  const unit = assignedUnit(state, actor);
  if (!unit.ok) return unit;
  const window = reassignmentWindow(state, unit.value, policy);
  if (isOverdue(window, now)) return refuse('windowClosed', `requests for reassignment closed at the end of ${window.date}`);
  if (state.reassignmentRequests[unit.value]) return refuse('alreadyDone', `${unit.value} has already asked for reassignment`);
  return ok({ type: 'ReassignmentRequested', unitId: unit.value, reason });
};

/**
 * The committee keeps the unit with a reason, or reassigns: before any reply is past drafting,
 * and the requesting unit must leave or change its role (a swap of lead and co-handler is one).
 */
const decideReassignment: Rule<'decideReassignment'> = ({ unitId, decision: d }, state, { policy }) => {
  const h = handling(state);
  if (!h.ok) return h;
  const request = state.reassignmentRequests[unitId];
  if (!request || request.status !== 'pending') return refuse('notFound', `${unitId} has no pending reassignment request`, ['unitId']);
  if (d.decision === 'keep') return ok({ type: 'ReassignmentRefused', unitId, reason: d.reason });
  // Under the legacy rules a reassignment could come at any stage; proposals begun then keep that.
  const advanced = policy.legacy ? undefined : Object.values(state.tracks).find((t) => t.stage !== 'drafting');
  if (advanced) return refuse('wrongStage', `the reply of ${advanced.unitId} is already ${advanced.stage}; a proposal is reassigned only while it is drafted`);
  if (roleIn(d.assignment, unitId) === roleIn(state.assignment!, unitId)) {
    return refuse('invalid', `the new assignment leaves ${unitId} as it was; keep it instead`, ['decision', 'assignment']);
  }
  return ok({ type: 'ProposalReassigned', unitId, assignment: d.assignment, reason: d.reason, ...(policy.legacy ? {} : { onlyNamedUnits: true as const }) });
};

// ---- 会办, 沟通 ----------------------------------------------------------------------------

/** 会办: each co-handler sends its written opinion to the lead unit, while the reply is owed. */
const submitOpinion: Rule<'submitOpinion'> = ({ actor, text }, state) => {
  const unit = assignedUnit(state, actor);
  if (!unit.ok) return unit;
  const track = coHandledTrack(state, unit.value);
  if (!track.ok) return track;
  if (state.opinions[unit.value]) return refuse('alreadyDone', `${unit.value} has already sent its opinion`);
  if (!REPLY_OWED.includes(track.value.stage)) return refuse('wrongStage', `the reply of ${track.value.unitId} has been issued`);
  return ok({ type: 'OpinionSubmitted', unitId: unit.value, leadUnitId: track.value.unitId, text });
};

/** 沟通/见面: any assigned unit may talk with the proposers, before, during and after. */
const recordContact: Rule<'recordContact'> = ({ actor, contact }, state, { now }) => {
  const unit = assignedUnit(state, actor);
  if (!unit.ok) return unit;
  if (inFuture(contact.occurredAt, now)) return refuse('invalid', 'a contact cannot be recorded before it happens', ['contact', 'occurredAt']);
  return ok({ type: 'ProposerContacted', unitId: unit.value, contact });
};

// ---- 答复草拟, 会签, 审核, 答复 ---------------------------------------------------------------

/**
 * 答复草拟: every co-handler's opinion and enough contact come first; a co-handler silent past
 * its opinion period no longer holds the lead unit up (the silence stays on its own record).
 */
const draftReply: Rule<'draftReply'> = ({ actor, draft }, state, { now, policy }) => {
  const t = ownTrack(state, actor, 'drafting', 'countersigning', 'drafted');
  if (!t.ok) return t;
  const track = t.value;
  if (!knownClass(policy, draft.replyClass)) return refuse('invalid', `class must be one of ${classes(policy)}`, ['draft', 'replyClass']);
  const missing = track.countersigners.filter((u) => !state.opinions[u]);
  const mayGoOn = !policy.legacy && policy.coHandling.draftWithoutOverdueOpinions;
  const waiting = missing.filter((u) => !mayGoOn || !isOverdue(opinionDue(state, u, policy), now));
  if (waiting.length > 0) {
    return refuse('notReady', `waiting for the opinions of ${waiting.map((u) => `${u} (due ${opinionDue(state, u, policy).date})`).join(', ')}`);
  }
  const contacts = state.contacts.filter((c) => c.unitId === track.unitId).length;
  if (contacts < policy.minContactsBeforeReply) {
    return refuse('notReady', `${policy.minContactsBeforeReply} contact(s) with the proposers are needed before a reply; ${contacts} recorded`);
  }
  return ok({ type: 'ReplyDrafted', unitId: track.unitId, draft, ...(missing.length > 0 ? { withoutOpinionsOf: missing } : {}) });
};

/** The joint draft this officer's unit countersigns, waiting for it. */
function draftToCountersign(state: ProposalState, actor: Actor) {
  const unit = assignedUnit(state, actor);
  if (!unit.ok) return unit;
  const t = coHandledTrack(state, unit.value);
  if (!t.ok) return t;
  if (t.value.stage !== 'countersigning') return refuse('wrongStage', `the reply of ${t.value.unitId} is ${t.value.stage}; nothing waits for a countersign`);
  if (t.value.countersignedBy.includes(unit.value)) return refuse('alreadyDone', `${unit.value} has already countersigned this draft`);
  return { ok: true as const, value: { track: t.value, unitId: unit.value } };
}

/** 会签: every co-handler countersigns the joint draft, or asks for changes. */
const countersign: Rule<'countersign'> = ({ actor }, state) => {
  const d = draftToCountersign(state, actor);
  if (!d.ok) return d;
  return ok({ type: 'DraftCountersigned', unitId: d.value.unitId, leadUnitId: d.value.track.unitId });
};

const requestChanges: Rule<'requestChanges'> = ({ actor, comments }, state) => {
  const d = draftToCountersign(state, actor);
  if (!d.ok) return d;
  return ok({ type: 'DraftChangesRequested', unitId: d.value.unitId, leadUnitId: d.value.track.unitId, comments });
};

/** The committee may let a draft go on without a countersign that is overdue, with a reason. */
const releaseCountersign: Rule<'releaseCountersign'> = ({ unitId, reason }, state, { now, policy }) => {
  if (policy.legacy || !policy.coHandling.committeeReleasesOverdueCountersign) {
    return refuse('forbidden', 'under this handling policy the committee does not release countersigns');
  }
  const t = coHandledTrack(state, unitId);
  if (!t.ok) return refuse(t.refusal.code, t.refusal.message, ['unitId']);
  const track = t.value;
  if (track.stage !== 'countersigning') return refuse('wrongStage', `the reply of ${track.unitId} is ${track.stage}; nothing waits for a countersign`);
  if (track.countersignedBy.includes(unitId)) return refuse('alreadyDone', `${unitId} has already countersigned this draft`);
  const due = countersignDue(track, policy);
  if (!isOverdue(due, now)) return refuse('notReady', `the countersign of ${unitId} is not overdue: it is due by ${due.date}`);
  return ok({ type: 'CountersignReleased', unitId, leadUnitId: track.unitId, reason });
};

/** A draft cannot be submitted while a co-handler has not countersigned (协办未会签). */
const submitReply: Rule<'submitReply'> = ({ actor }, state) => {
  const t = ownTrack(state, actor);
  if (!t.ok) return t;
  const track = t.value;
  if (track.stage === 'countersigning') {
    const pending = track.countersigners.filter((u) => !track.countersignedBy.includes(u));
    return refuse('notReady', `not yet countersigned by ${pending.join(', ')}`);
  }
  const stage = ownTrack(state, actor, 'drafted');
  if (!stage.ok) return stage;
  return ok({ type: 'ReplySubmitted', unitId: track.unitId });
};

/** 审核: the committee accepts (possibly correcting the class) or returns it for rework. */
const reviewReply: Rule<'reviewReply'> = ({ unitId, review: r }, state, { policy }) => {
  const t = namedTrack(state, unitId, 'underReview');
  if (!t.ok) return t;
  if (r.decision === 'return') return ok({ type: 'ReplyReturned', unitId: t.value.unitId, comments: r.comments });
  const drafted = t.value.draft!.replyClass;
  if (r.correctedClass !== undefined && !knownClass(policy, r.correctedClass)) {
    return refuse('invalid', `class must be one of ${classes(policy)}`, ['review', 'correctedClass']);
  }
  const replyClass = r.correctedClass ?? drafted;
  return ok({
    type: 'ReplyApproved',
    unitId: t.value.unitId,
    replyClass,
    ...(replyClass !== drafted ? { correctedFrom: drafted } : {}),
    ...(r.comments ? { comments: r.comments } : {}),
  });
};

/**
 * 答复: signed at the level the policy requires, sent to every proposer (and those of merged
 * proposals), copied to the committee, the supervision office and the co-handlers.
 */
const issueReply: Rule<'issueReply'> = ({ actor, signer }, state, { policy }) => {
  const t = ownTrack(state, actor, 'approved');
  if (!t.ok) return t;
  const key = state.intake!.key;
  const levels = key ? policy.signer.keyProposalLevels : policy.signer.levels;
  if (!levels.includes(signer.level)) return refuse('invalid', `${key ? 'a key proposal' : 'a reply'} must be signed by: ${levels.join(' or ')}`, ['signer', 'level']);
  return ok({
    type: 'ReplyIssued',
    unitId: t.value.unitId,
    signer,
    documentNumber: t.value.draft!.documentNumber,
    replyClass: t.value.approvedClass!,
    recipients: recipients(state).map((p) => p.id),
    copiedTo: ['committee', 'supervisionOffice', ...t.value.countersigners],
  });
};

// ---- 评价, 重新办理 --------------------------------------------------------------------------

/** 评价: each recipient rates once per reply, within the window; the last rating concludes it. */
const evaluate: Rule<'evaluate'> = ({ actor, unitId, rating, comments }, state, { now, policy }) => {
  if (state.intake && !recipients(state).some((p) => p.id === actor.id)) return refuse('forbidden', `${actor.id} is not a proposer of this proposal`);
  const t = namedTrack(state, unitId, 'replied');
  if (!t.ok) return t;
  const track = t.value;
  const window = evaluationWindow(track, policy);
  if (isOverdue(window, now)) return refuse('windowClosed', `rating closed at the end of ${window.date}`);
  if (track.ratings[actor.id]) return refuse('alreadyDone', `${actor.id} has already rated this reply`);
  const rated: EventBody = { type: 'ReplyEvaluated', unitId: track.unitId, proposerId: actor.id, rating, ...(comments ? { comments } : {}) };
  const after = evolve(state, { ...rated, at: now, by: actor });
  const ratedTrack = after.tracks[track.unitId]!;
  if (!recipients(after).every((p) => ratedTrack.ratings[p.id])) return ok(rated);
  return ok(rated, { type: 'EvaluationConcluded', unitId: track.unitId, outcome: evaluationOutcome(ratedTrack, policy), windowClosed: false });
};

/** 不满意: the committee sends the reply back for re-handling, or accepts the rating with a note. */
const decideRehandling: Rule<'decideRehandling'> = ({ unitId, decision, note }, state) => {
  const t = namedTrack(state, unitId, 'rehandlingDecision');
  if (!t.ok) return t;
  return ok({ type: 'RehandlingDecided', unitId: t.value.unitId, decision, note });
};

/** Still 不满意 after re-handling: the committee arranges a face-to-face consultation. */
const recordConsultation: Rule<'recordConsultation'> = ({ unitId, occurredAt, summary }, state, { now }) => {
  const t = namedTrack(state, unitId, 'consultation');
  if (!t.ok) return t;
  if (inFuture(occurredAt, now)) return refuse('invalid', 'a consultation cannot be recorded before it happens', ['occurredAt']);
  return ok({ type: 'ConsultationHeld', unitId: t.value.unitId, occurredAt, summary });
};

// ---- 跟踪办理, 回头看 ------------------------------------------------------------------------

/** 跟踪办理: any assigned unit reports progress on a commitment, or its delivery. */
const reportFollowUp: Rule<'reportFollowUp'> = ({ actor, unitId, commitmentNo, progress, done }, state) => {
  const t = followedTrack(state, actor, unitId);
  if (!t.ok) return t;
  const c = commitmentIn(t.value, commitmentNo, 'open');
  if (!c.ok) return c;
  return ok({ type: 'FollowUpReported', unitId: t.value.unitId, commitmentNo, progress, done });
};

/** A commitment that cannot be kept: the unit says why, and the committee decides. */
const declareUndeliverable: Rule<'declareUndeliverable'> = ({ actor, unitId, commitmentNo, reason }, state) => {
  const t = followedTrack(state, actor, unitId);
  if (!t.ok) return t;
  const c = commitmentIn(t.value, commitmentNo, 'open');
  if (!c.ok) return c;
  return ok({ type: 'CommitmentDeclaredUndeliverable', unitId: t.value.unitId, commitmentNo, reason });
};

/** The committee accepts the unit's declaration (the commitment is settled) or rejects it (it stays open). */
const closeCommitment: Rule<'closeCommitment'> = ({ unitId, commitmentNo, decision, reason }, state, { policy }) => {
  const t = namedTrack(state, unitId, 'followUp');
  if (!t.ok) return t;
  // Under the legacy rules the committee closed open commitments itself.
  const c = commitmentIn(t.value, commitmentNo, ...(policy.legacy ? (['open', 'declaredUndeliverable'] as const) : (['declaredUndeliverable'] as const)));
  if (!c.ok) return c.refusal.code === 'notReady' ? refuse('notReady', `${t.value.unitId} has not declared commitment ${commitmentNo} undeliverable`, ['commitmentNo']) : c;
  if (decision === 'reject') return ok({ type: 'UndeliverableRejected', unitId: t.value.unitId, commitmentNo, reason });
  return ok({ type: 'CommitmentClosed', unitId: t.value.unitId, commitmentNo, reason });
};

/** The annual summary of open commitments, for the earliest year the unit still owes. */
const submitAnnualSummary: Rule<'submitAnnualSummary'> = ({ actor, unitId, text }, state, { now, policy }) => {
  const t = unitId === undefined ? ownTrack(state, actor, 'followUp') : namedTrack(state, unitId, 'followUp');
  if (!t.ok) return t;
  if (t.value.unitId !== unitOf(actor)) return refuse('wrongUnit', `${unitOf(actor)} does not owe the summary of ${t.value.unitId}`, ['unitId']);
  const year = annualSummaryYear(t.value, policy, now);
  if (year === undefined) return refuse('notReady', 'no annual summary is owed');
  return ok({ type: 'AnnualSummarySubmitted', unitId: t.value.unitId, year, text });
};

/** 回头看: before the next session the committee checks the commitments still open. */
const recordLookBack: Rule<'recordLookBack'> = ({ summary }, state, { policy }) => {
  const h = handling(state);
  if (!h.ok) return h;
  if (state.lookBackAt) return refuse('alreadyDone', 'the look back (回头看) of this proposal is recorded');
  const open = Object.values(state.tracks).some((t) => t.stage === 'followUp' && openCommitments(t).length > 0);
  if (policy.legacy || !open) return refuse('notReady', 'no commitment of this proposal is being followed up');
  return ok({ type: 'LookBackRecorded', summary });
};

/** The committee may extend the first reply period, with a reason, up to the policy's limit. */
const extendReplyDeadline: Rule<'extendReplyDeadline'> = ({ unitId, months, reason }, state, { policy }) => {
  const t = namedTrack(state, unitId, ...REPLY_OWED);
  if (!t.ok) return t;
  const track = t.value;
  if (track.round > 1) return refuse('wrongStage', 're-handling has its own period and is not extended');
  const reply = policy.periods.reply;
  const total = (reply.unit === 'months' ? reply.count : 0) + track.extensionMonths + months;
  if (total > policy.maxReplyMonths) {
    return refuse('invalid', `the reply period may be at most ${policy.maxReplyMonths} months in all; this would make ${total}`, ['months']);
  }
  return ok({ type: 'ReplyDeadlineExtended', unitId: track.unitId, months, reason });
};

const RULES: { [T in CommandType]: Rule<T> } = {
  review,
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
};
