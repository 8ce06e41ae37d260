/**
 * The rules of handling a proposal (DOMAIN.md), as a decider: given the state and a command,
 * the events that follow or a typed refusal. Pure and deterministic: the workflow and the
 * tests call the same functions, and time comes in as `now`.
 */
import type { Actor, Command, EventActor } from './commands';
import { COMMAND_ROLES, CommandSchema } from './commands';
import { assignedUnits, type Intake } from './contracts';
import { isOverdue } from './calendar';
import { dueAlerts, nextAlertAt } from './alerts';
import { evaluationWindow, followUpLimit, reassignmentWindow } from './duties';
import type { EvaluationOutcome, EventBody, ProposalEvent } from './events';
import type { HandlingPolicy } from './policy';
import { type Decision, type Refusal, refuse } from './refusals';
import { type CommitmentState, type ProposalState, type Track, type TrackStage, evolve, fold, openCommitments } from './state';

export interface Context {
  now: string;
  policy: HandlingPolicy;
  /**
   * Deadline alerts and the follow-up limit. Off only when replaying workflows begun before
   * they existed (the workflow decides with `patched`), so those keep the timers they had.
   */
  deadlineAlerts?: boolean;
}

type Result = Decision<ProposalEvent>;

export function fileProposal(intake: Intake, by: Actor, now: string): ProposalEvent {
  return { type: 'ProposalFiled', intake, at: now, by };
}

/** Validates an untrusted command and decides it. */
export function decideUnknown(input: unknown, state: ProposalState, ctx: Context): Result {
  const parsed = CommandSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return refuse('invalid', issue.message, issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)));
  }
  return decide(parsed.data, state, ctx);
}

export function decide(command: Command, state: ProposalState, ctx: Context): Result {
  const roles = COMMAND_ROLES[command.type];
  if (!roles.includes(command.actor.role)) {
    return refuse('forbidden', `only ${roles.join(' or ')} may ${command.type}, not ${command.actor.role}`);
  }
  const result = rules(command, state, ctx);
  return result.ok ? { ok: true, events: withClosure(state, result.events, ctx.now) } : result;
}

/**
 * What the clock does when time passes: rating windows close (silence is no rating), commitments
 * whose follow-up period has ended lapse, and the alerts now due are raised on what remains open.
 */
export function elapse(state: ProposalState, ctx: Context): ProposalEvent[] {
  if (state.status !== 'handling') return [];
  const by = CLOCK;
  const at = ctx.now;
  const events: ProposalEvent[] = Object.values(state.tracks)
    .filter((t) => t.stage === 'replied' && isOverdue(evaluationWindow(t, ctx.policy), at))
    .map((t) => ({ type: 'EvaluationConcluded', unitId: t.unitId, outcome: outcomeOf(t, ctx.policy), windowClosed: true, at, by }));
  if (ctx.deadlineAlerts !== false) {
    for (const t of Object.values(state.tracks)) {
      if (t.stage !== 'followUp' || !isOverdue(followUpLimit(t, ctx.policy), at)) continue;
      for (const c of openCommitments(t)) {
        events.push({ type: 'CommitmentClosed', unitId: t.unitId, commitmentNo: c.no, reason: 'the follow-up period ended', at, by });
      }
    }
    const after = fold(events, state);
    events.push(...dueAlerts(after, ctx.policy, at).map((alert): ProposalEvent => ({ type: 'AlertRaised', alert, at, by })));
  }
  return withClosure(state, events, at);
}

/** When the clock must next look at the proposal, if ever. */
export function nextWakeUp(state: ProposalState, policy: HandlingPolicy, deadlineAlerts = true): string | undefined {
  if (state.status !== 'handling') return undefined;
  const tracks = Object.values(state.tracks);
  const times = tracks.filter((t) => t.stage === 'replied').map((t) => evaluationWindow(t, policy).at);
  if (deadlineAlerts) {
    times.push(...tracks.filter((t) => t.stage === 'followUp').map((t) => followUpLimit(t, policy).at));
    const alert = nextAlertAt(state, policy);
    if (alert) times.push(alert);
  }
  return times.sort()[0];
}

const CLOCK: EventActor = { role: 'clock', id: 'clock' };

/** 办结: once every reply is done, the proposal closes in the same step. */
function withClosure(state: ProposalState, events: ProposalEvent[], now: string): ProposalEvent[] {
  if (events.length === 0) return events;
  const after = fold(events, state);
  const finished = after.status === 'handling' && Object.values(after.tracks).every((t) => t.stage === 'done');
  const by = events[events.length - 1]!.by;
  return finished ? [...events, { type: 'ProposalClosed', at: now, by }] : events;
}

function outcomeOf(track: Track, policy: HandlingPolicy): EvaluationOutcome {
  if (Object.values(track.ratings).includes('unsatisfied')) {
    return track.round <= policy.maxRehandlingRounds ? 'rehandle' : 'consult';
  }
  return openCommitments(track).length > 0 ? 'followUp' : 'done';
}

// ---- guards -------------------------------------------------------------------------------

type Guard<T> = { ok: true; value: T } | { ok: false; refusal: Refusal };

function handling(state: ProposalState): Refusal | undefined {
  return state.status === 'handling' ? undefined : { code: 'wrongStage', message: `the proposal is ${state.status}, not being handled` };
}

function inStage(track: Track, ...stages: TrackStage[]): Refusal | undefined {
  return stages.includes(track.stage)
    ? undefined
    : { code: 'wrongStage', message: `the reply of ${track.unitId} is ${track.stage}; this needs ${stages.join(' or ')}` };
}

/** The reply track an officer acts on: only a unit that owes a reply has one. */
function ownTrack(state: ProposalState, actor: Actor): Guard<Track> {
  const refused = handling(state);
  if (refused) return { ok: false, refusal: refused };
  const unitId = actor.role === 'officer' ? actor.unitId : '';
  const track = state.tracks[unitId];
  if (track) return { ok: true, value: track };
  const why = assignedUnits(state.assignment!).includes(unitId)
    ? `${unitId} is a co-handling unit; only the lead unit replies`
    : `${unitId} is not assigned this proposal`;
  return { ok: false, refusal: { code: 'wrongUnit', message: why } };
}

/** The track a committee member or proposer names; may be left out when there is one reply. */
function namedTrack(state: ProposalState, unitId: string | undefined): Guard<Track> {
  const refused = handling(state);
  if (refused) return { ok: false, refusal: refused };
  const tracks = Object.values(state.tracks);
  if (unitId === undefined) {
    if (tracks.length === 1) return { ok: true, value: tracks[0]! };
    return { ok: false, refusal: { code: 'invalid', message: 'units handle this proposal separately: name the unit', path: ['unitId'] } };
  }
  const track = state.tracks[unitId];
  return track ? { ok: true, value: track } : { ok: false, refusal: { code: 'notFound', message: `${unitId} owes no reply on this proposal`, path: ['unitId'] } };
}

const fail = (refusal: Refusal): { ok: false; refusal: Refusal } => ({ ok: false, refusal });

/** The officer's own reply, in one of `stages`. */
function ownTrackIn(state: ProposalState, actor: Actor, ...stages: TrackStage[]): Guard<Track> {
  const t = ownTrack(state, actor);
  if (!t.ok) return t;
  const stage = inStage(t.value, ...stages);
  return stage ? fail(stage) : t;
}

/** The reply a committee member or proposer names, in one of `stages`. */
function namedTrackIn(state: ProposalState, unitId: string | undefined, ...stages: TrackStage[]): Guard<Track> {
  const t = namedTrack(state, unitId);
  if (!t.ok) return t;
  const stage = inStage(t.value, ...stages);
  return stage ? fail(stage) : t;
}

function openCommitment(track: Track, no: number): Guard<CommitmentState> {
  const c = track.commitments.find((x) => x.no === no);
  if (!c) return fail({ code: 'notFound', message: `the reply has no commitment ${no}`, path: ['commitmentNo'] });
  if (c.status !== 'open') return fail({ code: 'alreadyDone', message: `commitment ${c.no} is already ${c.status}` });
  return { ok: true, value: c };
}

/** The joint draft a co-handler countersigns. */
function countersignedTrack(state: ProposalState, actor: Actor): Guard<Track> {
  const refused = handling(state);
  if (refused) return { ok: false, refusal: refused };
  const unitId = actor.role === 'officer' ? actor.unitId : '';
  const track = Object.values(state.tracks).find((t) => t.countersigners.includes(unitId));
  if (!track) return { ok: false, refusal: { code: 'wrongUnit', message: `${unitId} is not a co-handling unit of this proposal` } };
  const stage = inStage(track, 'countersigning');
  if (stage) return { ok: false, refusal: stage };
  if (track.countersignedBy.includes(unitId)) return { ok: false, refusal: { code: 'alreadyDone', message: `${unitId} has already countersigned this draft` } };
  return { ok: true, value: track };
}

const knownClass = (policy: HandlingPolicy, code: string) => policy.classScheme.some((c) => c.code === code);
const classes = (policy: HandlingPolicy) => policy.classScheme.map((c) => c.code).join(', ');

// ---- the rules ----------------------------------------------------------------------------

function rules(command: Command, state: ProposalState, ctx: Context): Result {
  const { actor } = command;
  const at = ctx.now;
  const ok = (...bodies: EventBody[]): Result => ({ ok: true, events: bodies.map((b) => ({ ...b, at, by: actor }) as ProposalEvent) });
  const unitOf = (a: Actor) => (a.role === 'officer' ? a.unitId : '');

  switch (command.type) {
    // 审查: the committee registers, merges, rejects, or turns a proposal into a report.
    case 'review': {
      if (state.status !== 'filed') return refuse('wrongStage', `the proposal is ${state.status}; only a filed proposal is reviewed`);
      const r = command.review;
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
    }

    // 交办: only registered proposals are handled.
    case 'assign': {
      if (state.status !== 'registered') return refuse('wrongStage', `the proposal is ${state.status}; only a registered proposal is assigned`);
      return ok({ type: 'ProposalAssigned', assignment: command.assignment });
    }

    // 交办异议: within the window, once; the unit keeps handling until the committee decides.
    case 'requestReassignment': {
      const refused = handling(state);
      if (refused) return fail(refused);
      const unitId = unitOf(actor);
      if (!assignedUnits(state.assignment!).includes(unitId)) return refuse('wrongUnit', `${unitId} is not assigned this proposal`);
      const window = reassignmentWindow(state, ctx.policy);
      if (isOverdue(window, at)) return refuse('windowClosed', `requests for reassignment closed at the end of ${window.date}`);
      if (state.reassignmentRequests[unitId]) return refuse('alreadyDone', `${unitId} has already asked for reassignment`);
      return ok({ type: 'ReassignmentRequested', unitId, reason: command.reason });
    }

    case 'decideReassignment': {
      const refused = handling(state);
      if (refused) return fail(refused);
      const request = state.reassignmentRequests[command.unitId];
      if (!request || request.status !== 'pending') return refuse('notFound', `${command.unitId} has no pending reassignment request`, ['unitId']);
      const d = command.decision;
      if (d.decision === 'keep') return ok({ type: 'ReassignmentRefused', unitId: command.unitId, reason: d.reason });
      if (assignedUnits(d.assignment).includes(command.unitId)) {
        return refuse('invalid', `the new assignment must not include ${command.unitId}`, ['decision', 'assignment']);
      }
      return ok({ type: 'ProposalReassigned', unitId: command.unitId, assignment: d.assignment, reason: d.reason });
    }

    // 会办: each co-handler sends its written opinion to the lead unit.
    case 'submitOpinion': {
      const refused = handling(state);
      if (refused) return fail(refused);
      const unitId = unitOf(actor);
      const a = state.assignment!;
      if (a.mode !== 'joint' || !a.coHandlers.includes(unitId)) return refuse('wrongUnit', `${unitId} is not a co-handling unit of this proposal`);
      if (state.opinions[unitId]) return refuse('alreadyDone', `${unitId} has already sent its opinion`);
      return ok({ type: 'OpinionSubmitted', unitId, leadUnitId: a.lead, text: command.text });
    }

    // 沟通/见面: any assigned unit may talk with the proposers, before, during and after.
    case 'recordContact': {
      const refused = handling(state);
      if (refused) return fail(refused);
      const unitId = unitOf(actor);
      if (!assignedUnits(state.assignment!).includes(unitId)) return refuse('wrongUnit', `${unitId} is not assigned this proposal`);
      if (Date.parse(command.contact.occurredAt) > Date.parse(at)) return refuse('invalid', 'a contact cannot be recorded before it happens', ['contact', 'occurredAt']);
      return ok({ type: 'ProposerContacted', unitId, contact: command.contact });
    }

    // 答复草拟: every co-handler's opinion and enough contact come first.
    case 'draftReply': {
      const t = ownTrackIn(state, actor, 'drafting', 'countersigning', 'drafted');
      if (!t.ok) return t;
      const track = t.value;
      if (!knownClass(ctx.policy, command.draft.replyClass)) {
        return refuse('invalid', `class must be one of ${classes(ctx.policy)}`, ['draft', 'replyClass']);
      }
      const missing = track.countersigners.filter((u) => !state.opinions[u]);
      if (missing.length > 0) return refuse('notReady', `waiting for the opinions of ${missing.join(', ')}`);
      const contacts = state.contacts.filter((c) => c.unitId === track.unitId).length;
      if (contacts < ctx.policy.minContactsBeforeReply) {
        return refuse('notReady', `${ctx.policy.minContactsBeforeReply} contact(s) with the proposers are needed before a reply; ${contacts} recorded`);
      }
      return ok({ type: 'ReplyDrafted', unitId: track.unitId, draft: command.draft });
    }

    // 会签: every co-handler countersigns the joint draft, or asks for changes.
    case 'countersign': {
      const t = countersignedTrack(state, actor);
      if (!t.ok) return t;
      return ok({ type: 'DraftCountersigned', unitId: unitOf(actor), leadUnitId: t.value.unitId });
    }
    case 'requestChanges': {
      const t = countersignedTrack(state, actor);
      if (!t.ok) return t;
      return ok({ type: 'DraftChangesRequested', unitId: unitOf(actor), leadUnitId: t.value.unitId, comments: command.comments });
    }

    // A draft cannot be submitted while a co-handler has not countersigned (协办未会签).
    case 'submitReply': {
      const t = ownTrack(state, actor);
      if (!t.ok) return t;
      const track = t.value;
      if (track.stage === 'countersigning') {
        const pending = track.countersigners.filter((u) => !track.countersignedBy.includes(u));
        return refuse('notReady', `not yet countersigned by ${pending.join(', ')}`);
      }
      const stage = inStage(track, 'drafted');
      if (stage) return fail(stage);
      return ok({ type: 'ReplySubmitted', unitId: track.unitId });
    }

    // 审核: the committee accepts (possibly correcting the class) or returns it for rework.
    case 'reviewReply': {
      const t = namedTrackIn(state, command.unitId, 'underReview');
      if (!t.ok) return t;
      const r = command.review;
      if (r.decision === 'return') return ok({ type: 'ReplyReturned', unitId: t.value.unitId, comments: r.comments });
      const drafted = t.value.draft!.replyClass;
      if (r.correctedClass !== undefined && !knownClass(ctx.policy, r.correctedClass)) {
        return refuse('invalid', `class must be one of ${classes(ctx.policy)}`, ['review', 'correctedClass']);
      }
      const replyClass = r.correctedClass ?? drafted;
      return ok({
        type: 'ReplyApproved',
        unitId: t.value.unitId,
        replyClass,
        ...(replyClass !== drafted ? { correctedFrom: drafted } : {}),
        ...(r.comments ? { comments: r.comments } : {}),
      });
    }

    // 答复: signed at the level the policy requires, sent to every proposer.
    case 'issueReply': {
      const t = ownTrackIn(state, actor, 'approved');
      if (!t.ok) return t;
      const levels = state.intake!.key ? ctx.policy.signer.keyProposalLevels : ctx.policy.signer.levels;
      if (!levels.includes(command.signer.level)) {
        return refuse('invalid', `${state.intake!.key ? 'a key proposal' : 'a reply'} must be signed by: ${levels.join(' or ')}`, ['signer', 'level']);
      }
      return ok({
        type: 'ReplyIssued',
        unitId: t.value.unitId,
        signer: command.signer,
        documentNumber: t.value.draft!.documentNumber,
        replyClass: t.value.approvedClass!,
      });
    }

    // 评价: each proposer rates once per reply, within the window.
    case 'evaluate': {
      if (state.intake && !state.intake.proposers.some((p) => p.id === actor.id)) {
        return refuse('forbidden', `${actor.id} is not a proposer of this proposal`);
      }
      const t = namedTrackIn(state, command.unitId, 'replied');
      if (!t.ok) return t;
      const track = t.value;
      const window = evaluationWindow(track, ctx.policy);
      if (isOverdue(window, at)) return refuse('windowClosed', `rating closed at the end of ${window.date}`);
      if (track.ratings[actor.id]) return refuse('alreadyDone', `${actor.id} has already rated this reply`);
      const rated: EventBody = {
        type: 'ReplyEvaluated',
        unitId: track.unitId,
        proposerId: actor.id,
        rating: command.rating,
        ...(command.comments ? { comments: command.comments } : {}),
      };
      const after = evolve(state, { ...rated, at, by: actor }).tracks[track.unitId]!;
      const everyone = state.intake!.proposers.every((p) => after.ratings[p.id]);
      if (!everyone) return ok(rated);
      return ok(rated, { type: 'EvaluationConcluded', unitId: track.unitId, outcome: outcomeOf(after, ctx.policy), windowClosed: false });
    }

    // Still 不满意 after re-handling: the committee arranges a face-to-face consultation.
    case 'recordConsultation': {
      const t = namedTrackIn(state, command.unitId, 'consultation');
      if (!t.ok) return t;
      if (Date.parse(command.occurredAt) > Date.parse(at)) return refuse('invalid', 'a consultation cannot be recorded before it happens', ['occurredAt']);
      return ok({ type: 'ConsultationHeld', unitId: t.value.unitId, occurredAt: command.occurredAt, summary: command.summary });
    }

    // 跟踪办理: progress on each commitment until it is done.
    case 'reportFollowUp': {
      const t = ownTrackIn(state, actor, 'followUp');
      if (!t.ok) return t;
      const c = openCommitment(t.value, command.commitmentNo);
      if (!c.ok) return c;
      return ok({ type: 'FollowUpReported', unitId: t.value.unitId, commitmentNo: c.value.no, progress: command.progress, done: command.done });
    }

    // The committee may close a commitment the unit cannot keep, with its reason.
    case 'closeCommitment': {
      const t = namedTrackIn(state, command.unitId, 'followUp');
      if (!t.ok) return t;
      const c = openCommitment(t.value, command.commitmentNo);
      if (!c.ok) return c;
      return ok({ type: 'CommitmentClosed', unitId: t.value.unitId, commitmentNo: c.value.no, reason: command.reason });
    }

    // The committee may extend the first reply period, with a reason, up to the policy's limit.
    case 'extendReplyDeadline': {
      const t = namedTrackIn(state, command.unitId, 'drafting', 'countersigning', 'drafted', 'underReview', 'approved');
      if (!t.ok) return t;
      const track = t.value;
      if (track.round > 1) return refuse('wrongStage', 're-handling has its own period and is not extended');
      const reply = ctx.policy.periods.reply;
      const base = reply.unit === 'months' ? reply.count : 0;
      const total = base + track.extensionMonths + command.months;
      if (total > ctx.policy.maxReplyMonths) {
        return refuse('invalid', `the reply period may be at most ${ctx.policy.maxReplyMonths} months in all; this would make ${total}`, ['months']);
      }
      return ok({ type: 'ReplyDeadlineExtended', unitId: track.unitId, months: command.months, reason: command.reason });
    }
  }
}
