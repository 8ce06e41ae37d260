/**
 * 审查 and 交办: the committee reviews a filed proposal (co-signers confirming theirs first), assigns
 * it, and decides on a unit's request to be reassigned. Rules of the decider (lifecycle.ts), each
 * in two parts: `may` and `decide` (rule.ts).
 */
import { isOverdue } from '../calendar';
import type { Command } from '../commands';
import type { Assignment } from '../contracts';
import { assistingUnits, unitRole } from '../roles';
import { objectionWindow, reassignmentWindow } from '../duties';
import type { EventBody } from '../events';
import { assignedUnit, found, handling } from '../guards';
import type { HandlingPolicy } from '../policy';
import { type Decision, refuse } from '../refusals';
import type { ProposalState } from '../state';
import { type Context, rule, nothing, ok } from './rule';

/** 协办 units are named only where the policy sets co-handlers' roles per assignment. */
function rolesFitPolicy(a: Assignment, policy: HandlingPolicy, path: string[]): Decision<never> | undefined {
  if (assistingUnits(a).length === 0 || policy.coHandlerRoles.assisting === 'perAssignment') return undefined;
  return refuse('invalid', 'under this handling policy every co-handler countersigns: name no 协办 (assisting) units', [...path, 'assisting']);
}

/** 审查: the committee registers, merges, rejects, or turns a filed proposal into a report. */
export const review = rule<'review', null>({
  targets: 'none',
  may: (state) => (state.status === 'filed' ? nothing : refuse('wrongStage', `the proposal is ${state.status}; only a filed proposal is reviewed`)),
  decide: ({ review: r }, _, state, ctx) => {
    const reviewed = reviewOutcome(r, state, ctx);
    const silent = Object.entries(state.cosigners ?? {}).filter(([, answer]) => answer === 'pending').map(([id]) => id);
    return reviewed.ok && silent.length > 0 ? ok({ type: 'CosignersLapsed', proposerIds: silent }, ...reviewed.events) : reviewed;
  },
});

/** 联名确认: each co-signer of a member's joint proposal confirms or declines, once, before the committee reviews it. */
export const answerCosigning = rule<'answerCosigning', string>({
  targets: 'none',
  may: (state, actor) => {
    const answer = state.cosigners?.[actor.id];
    if (answer === undefined) return refuse('forbidden', `${actor.id} is not asked to co-sign this proposal`);
    if (answer !== 'pending') return refuse(answer === 'lapsed' ? 'windowClosed' : 'alreadyDone', answer === 'lapsed' ? 'the committee reviewed the proposal before it was confirmed' : `${actor.id} has answered already`);
    return found(actor.id);
  },
  decide: ({ decision }, proposerId) => ok({ type: 'CosigningAnswered', proposerId, decision }),
});

/** What the review decides, whatever the co-signers did. */
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
export const assign = rule<'assign', null>({
  targets: 'none',
  may: (state) => (state.status === 'registered' ? nothing : refuse('wrongStage', `the proposal is ${state.status}; only a registered proposal is assigned`)),
  decide: ({ assignment }, _, __, { policy }) => rolesFitPolicy(assignment, policy, ['assignment']) ?? ok({ type: 'ProposalAssigned', assignment }),
  offer: (_, __, { policy }) => ({ assisting: policy.coHandlerRoles.assisting === 'perAssignment' }),
});

/** 交办异议: within the unit's window, once; the unit keeps handling until the committee decides. */
export const requestReassignment = rule<'requestReassignment', { unitId: string; closes: string }>({
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
export const decideReassignment = rule<'decideReassignment', string>({
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
