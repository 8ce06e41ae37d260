/**
 * The rules of handling a proposal (DOMAIN.md), as a decider: given the state and a command, the
 * events that follow or a typed refusal, and the actions a person may take now. One rule per
 * command, in rules/ by the part of the handling it belongs to (rules/rule.ts says what a rule is);
 * the checks they share are in guards.ts. Pure and deterministic: the workflow and the tests call
 * the same functions, and time comes in as `now`.
 */
import { type CalendarYear, correctedYear, localDate } from './calendar';
import { type Actor, type Command, type CommandType, type AllowedAction, COMMAND_ROLES, CommandSchema } from './commands';
import type { Intake, Proposer } from './contracts';
import { assignedUnits } from './roles';
import type { ProposalEvent } from './events';
import { closeIfFinished } from './outcomes';
import type { HandlingPolicy } from './policy';
import { type Decision, refuse } from './refusals';
import type { ProposalState } from './state';
import { type AnyRule, type Context, type Rule, type Target } from './rules/rule';
import { review, answerCosigning, assign, requestReassignment, decideReassignment } from './rules/review-and-assignment';
import { submitOpinion, recordContact, draftReply, countersign, requestChanges, releaseCountersign, submitReply, reviewReply, issueReply } from './rules/reply';
import { evaluate, decideRehandling, recordConsultation } from './rules/evaluation';
import { reportFollowUp, declareUndeliverable, closeCommitment, submitAnnualSummary, recordLookBack } from './rules/follow-up';
import { extendReplyDeadline, requestExtension, decideExtension } from './rules/extension';
import { decidePublication } from './rules/publication';
import { withdraw, objectToReview, decideObjection, decideWithdrawal } from './rules/withdrawal';
import { markKey, submitHandlingPlan, recordSupervisionMeeting } from './rules/key-proposal';

export type { Context };

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

/** A year of the calendar as the committee loaded it, with its version (proposals told before versions were sent have none). */
export interface CalendarNotice {
  calendarYear: CalendarYear;
  version?: number;
}

/**
 * A year's holidays loaded by an operator. A year the proposal's calendar (as pinned, with the
 * years added since) lacks is added. A year it covers is corrected (`corrections`; proposals
 * begun before keep the year they took) from today on only, so no due date already passed moves;
 * a version older than the one taken, arriving late, changes nothing.
 */
export function addCalendarYear(state: ProposalState, policy: HandlingPolicy, notice: CalendarNotice, by: Actor, now: string, corrections = false): ProposalEvent[] {
  const { calendarYear, version } = notice;
  const stamp = version === undefined ? {} : { version };
  if (!policy.calendar.coveredYears.includes(calendarYear.year)) return [{ type: 'CalendarYearAdded', calendarYear, ...stamp, at: now, by }];
  const held = state.calendarVersions?.[calendarYear.year];
  if (!corrections || (held !== undefined && (version ?? 0) <= held)) return [];
  const corrected = correctedYear(policy.calendar, calendarYear, localDate(now, policy.calendar));
  return corrected ? [{ type: 'CalendarYearCorrected', calendarYear: corrected, ...stamp, at: now, by }] : [];
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

