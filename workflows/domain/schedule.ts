/**
 * What the clock does to a proposal, as one list: every instant the rules care about with the
 * events it brings (a rating window closing, an alert raised, and under the legacy rules a
 * commitment lapsing). The workflow sleeps until the first instant; `elapse` takes the events
 * of the instants that have come. One list, so the two cannot disagree.
 */
import { scheduledAlerts } from './alerts';
import { evaluationWindow, followUpLimit } from './duties';
import type { EventActor, EventBody, ProposalEvent } from './events';
import type { Context } from './lifecycle';
import { closeIfFinished, evaluationOutcome } from './outcomes';
import { type ProposalState, evolve, objectionPending, openCommitments } from './state';

export interface ClockStep {
  at: string;
  events: EventBody[];
}

const CLOCK: EventActor = { role: 'clock', id: 'clock' };

/** The clock's steps from now on, earliest first; steps already taken are not listed again. Computed once per state and context, as the open duties are. */
export function schedule(state: ProposalState, ctx: Context): readonly ClockStep[] {
  const known = computed.get(state);
  if (known && known.policy === ctx.policy && known.now === ctx.now && known.deadlineAlerts === ctx.deadlineAlerts) return known.steps;
  const steps = stepsOf(state, ctx);
  computed.set(state, { ...ctx, steps });
  return steps;
}

const computed = new WeakMap<ProposalState, Context & { steps: readonly ClockStep[] }>();

function stepsOf(state: ProposalState, ctx: Context): ClockStep[] {
  const { policy } = ctx;
  if (objectionPending(state)) {
    // 不立案异议: the window closes with no objection; the committee's review is chased like any duty of its own.
    const steps: ClockStep[] = state.objection!.stage === 'open' ? [{ at: state.objection!.until.at, events: [{ type: 'ObjectionWindowClosed' }] }] : [];
    for (const alert of scheduledAlerts(state, policy, ctx.now).filter((a) => !state.alertsRaised[a.key])) steps.push({ at: alert.at, events: [{ type: 'AlertRaised', alert }] });
    return steps.sort((a, b) => a.at.localeCompare(b.at));
  }
  if (state.status !== 'handling') return [];
  const tracks = Object.values(state.tracks);
  const steps: ClockStep[] = tracks
    .filter((t) => t.stage === 'replied')
    .map((t) => ({ at: evaluationWindow(t, policy).at, events: [{ type: 'EvaluationConcluded', unitId: t.unitId, outcome: evaluationOutcome(t, policy), windowClosed: true }] }));
  if (ctx.deadlineAlerts !== false) {
    if (policy.ruleset.commitmentClosing === 'committeeOrClock') {
      for (const t of tracks.filter((t) => t.stage === 'followUp')) {
        const events = openCommitments(t).map((c): EventBody => ({ type: 'CommitmentClosed', unitId: t.unitId, commitmentNo: c.no, reason: 'the follow-up period ended' }));
        steps.push({ at: followUpLimit(t, policy).at, events });
      }
    }
    for (const alert of scheduledAlerts(state, policy, ctx.now).filter((a) => !state.alertsRaised[a.key])) {
      steps.push({ at: alert.at, events: [{ type: 'AlertRaised', alert }] });
    }
  }
  return steps.sort((a, b) => a.at.localeCompare(b.at));
}

/** When the clock must next look at the proposal, if ever. */
export const nextWakeUp = (state: ProposalState, ctx: Context): string | undefined => schedule(state, ctx)[0]?.at;

/**
 * The events of every step whose time has come, stamped now. Steps that change the proposal go
 * first; the alerts are then taken from what remains open, so a window just closed raises none.
 */
export function elapse(state: ProposalState, ctx: Context): ProposalEvent[] {
  const events: ProposalEvent[] = [];
  let s = state;
  for (;;) {
    const due = schedule(s, ctx).filter((step) => step.at <= ctx.now);
    if (due.length === 0) break;
    const changes = due.filter((step) => step.events.some((e) => e.type !== 'AlertRaised'));
    for (const body of (changes.length > 0 ? changes : due).flatMap((step) => step.events)) {
      const event = { ...body, at: ctx.now, by: CLOCK } as ProposalEvent;
      events.push(event);
      s = evolve(s, event);
    }
  }
  return closeIfFinished(state, events, ctx.now, ctx.policy);
}
