/**
 * One proposal's life. The rules are in domain/lifecycle.ts; this function only feeds messages
 * and the clock through them, keeps the event log, projects each change to the read model, and
 * renews its run (continue-as-new) so a proposal followed up for years keeps a bounded history.
 */
import {
  ActivityFailure,
  ApplicationFailure,
  CancellationScope,
  allHandlersFinished,
  condition,
  continueAsNew,
  currentUpdateInfo,
  getExternalWorkflowHandle,
  log,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  upsertSearchAttributes,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import type { ProjectionActivities } from '../activities/projection';
import { openDuties, urgency } from './domain/duties';
import type { Actor } from './domain/commands';
import type { ProposalEvent, RecordedEvent } from './domain/events';
import { type SettledDuty, settle } from './domain/ledger';
import { type Context, addCalendarYear, decideUnknown, fileProposal, joinMerged, succeedUnit } from './domain/lifecycle';
import { pinnedPolicy, withCalendarYears } from './domain/policy';
import { elapse, nextWakeUp } from './domain/schedule';
import { type ProposalState, initialState, isFinished, stageOf } from './domain/state';
import { summarize } from './domain/summary';
import { type TimelineNote, timelineNote } from './domain/timeline';
import { searchAttributesOf } from './search-attributes';
import { activeTrace, withinTrace } from './trace-context';
import {
  PROJECTION_REJECTED,
  type ActResult,
  type ProposalInput,
  type ProposalView,
  REFUSAL_FAILURE,
  actUpdate,
  calendarYearSignal,
  eventsQuery,
  mergedIntoSignal,
  proposalWorkflowId,
  unitSuccessionSignal,
  viewQuery,
} from './messages';

const projection = { startToCloseTimeout: '30 seconds', retry: { initialInterval: '1 second', maximumInterval: '1 minute' } } as const;
const { projectProposal, reportProjectionRejected } = proxyActivities<ProjectionActivities>(projection);
/**
 * The same projection as a local activity: it runs in the worker that ran the workflow task, with
 * no round trip through the server's task queue, and history records its answer, not its input.
 * But the workflow task, and with it the answer to the Update that caused the change, waits for it.
 */
const local = proxyLocalActivities<ProjectionActivities>({ ...projection, localRetryThreshold: '10 seconds' });
/**
 * The projection after the Update has answered: the workflow task completes with the Update's
 * answer in it, and the reader who needs the change waits for it by version (read-your-writes).
 * Not dispatched eagerly: measured on the dev server, an activity handed back in the workflow
 * task's answer held the proposal's next Update for about 50 ms after the one before (44 ms for
 * an Update sent 5 ms later, 7 ms without). A worker killed while projecting lets the next one
 * take it over after a few seconds, not the half minute above.
 */
const { projectProposal: projectAfterUpdate } = proxyActivities<ProjectionActivities>({ ...projection, startToCloseTimeout: '10 seconds', allowEagerDispatch: false });

/** A run renews itself once its history reaches this many events (Temporal's own limit is 51,200). */
export const HISTORY_LIMIT = 500;
/** How many answers a renewed run remembers, so a retry sent across the renewal is applied once. */
const ANSWERS_CARRIED = 20;

export interface ProposalOutcome {
  status: ProposalState['status'];
  version: number;
}

export async function proposalWorkflow(input: ProposalInput): Promise<ProposalOutcome> {
  const proposalId = workflowInfo().workflowId;
  // Proposals begun before deadline alerts existed replay with the timers they had then.
  const deadlineAlerts = patched('deadline-alerts');
  // One timer kept while the next instant stays the same, rather than a new one after every
  // action; runs begun before it re-arm as their histories say they did.
  const steadyAlarm = patched('steady-alarm');
  const alarm = new Alarm();
  // Runs begun before each project as their histories say they did: through the task queue, then
  // as a local activity inside the Update's workflow task, now after the Update has answered.
  const project = patched('projection-after-update') ? projectAfterUpdate : patched('local-projection') ? local.projectProposal : projectProposal;
  // Proposals begun before the audited rules keep the rules they ran under, in renewed runs too.
  const legacy = input.carried?.legacy ?? !patched('audited-rules');
  // Runs begun before it keep no search attributes: their histories upserted none.
  const searchable = patched('search-attributes');
  let indexed = '';
  const pinned = pinnedPolicy(input.policy, legacy);
  // The pinned rules, with the calendar years loaded since (never a year the pin covered).
  let policy = pinned;
  // Workflow time is replayed deterministically, so the rules may read it.
  const now = () => new Date().toISOString();
  const context = (): Context => ({ now: now(), policy, deadlineAlerts });

  let state = initialState();
  let lastRequestId = input.carried?.lastRequestId;
  const answered = new Map<string, ActResult>(input.carried?.answered ?? []);
  /** The answers given since the last projection: the read model keeps them for retries sent after the proposal has closed. */
  let unstored: [string, ActResult][] = [];
  const history: RecordedEvent[] = [];
  const settled: SettledDuty[] = [];
  /** Each event's timeline note until it is projected: settling it computed the duties the note reads. */
  const notes = new Map<number, TimelineNote>();
  /** The trace of the latest change (an Update's, a Signal's, or the run's for the clock's): its projection continues it. */
  let changedIn = activeTrace();
  const append = (events: ProposalEvent[]): RecordedEvent[] => {
    if (events.length) changedIn = activeTrace();
    return events.map((event) => {
      const next = settle(state, event, policy);
      state = next.state;
      if (event.type === 'CalendarYearAdded' || event.type === 'CalendarYearCorrected') policy = withCalendarYears(pinned, state.calendarYears);
      settled.push(...next.settled);
      const recorded = { ...event, seq: state.version };
      history.push(recorded);
      notes.set(recorded.seq, timelineNote(state, policy, event.at));
      return recorded;
    });
  };

  const view = (): ProposalView => {
    const asOf = now();
    return {
      proposalId,
      policy,
      stage: stageOf(state),
      state,
      duties: openDuties(state, policy, asOf).map((d) => ({ ...d, urgency: urgency(d.due, asOf, policy.calendar) })),
      settled,
      asOf,
    };
  };

  // Filed (or carried over) before any handler exists: an Update buffered since the start is
  // delivered the moment its handler is set, and must find the proposal as it stands.
  if (input.carried?.snapshot) {
    // Renewed from a snapshot: the carried events are already in its state, and await projection only.
    state = input.carried.snapshot.state;
    policy = withCalendarYears(pinned, state.calendarYears);
    settled.push(...input.carried.snapshot.settled);
    history.push(...input.carried.history);
  } else if (input.carried) append(input.carried.history);
  else append([fileProposal(input.intake, input.filedBy, now(), policy)]);
  let projected = input.carried?.projected ?? 0;
  let policyProjected = false;
  // The carried events the read model holds already need no note.
  for (const seq of notes.keys()) if (seq <= projected) notes.delete(seq);
  /** The version PostgreSQL refused, if the latest was; the proposal goes on without its projection. */
  let rejected: number | undefined;

  let validated: { updateId: string | undefined; version: number; decision: ReturnType<typeof decideUnknown> } | undefined;
  setHandler(viewQuery, view);
  setHandler(eventsQuery, (fromSeq = 1) => history.filter((e) => e.seq >= fromSeq));
  setHandler(mergedIntoSignal, ({ number, proposers, by }) => {
    append(joinMerged(state, { number, proposers }, by, now()));
  });
  setHandler(calendarYearSignal, ({ by, ...notice }) => {
    // Before corrections, a year the calendar covered was left as it was; histories say so.
    const corrects = policy.calendar.coveredYears.includes(notice.calendarYear.year) && patched('calendar-corrections');
    append(addCalendarYear(state, policy, notice, by, now(), corrects));
  });
  setHandler(unitSuccessionSignal, ({ by, ...succession }) => {
    append(succeedUnit(state, succession, by, now()));
  });
  setHandler(
    actUpdate,
    (command, meta): ActResult => {
      const updateId = currentUpdateInfo()?.id;
      const earlier = updateId === undefined ? undefined : answered.get(updateId);
      if (earlier) return earlier;
      // Decided once: the validator's decision stands while the state is the one it saw (in the
      // same activation, so at the same workflow time); on replay the validator does not run.
      const decision = validated && validated.updateId === updateId && validated.version === state.version ? validated.decision : decideUnknown(command, state, context());
      validated = undefined;
      // The validator already refused; on replay it is not run, and the same state decides the same way.
      if (!decision.ok) throw refused(decision.refusal);
      const events = append(decision.events);
      lastRequestId = meta?.requestId;
      log.info('action applied', { requestId: lastRequestId, events: events.map((e) => e.type), version: state.version });
      const result = { version: state.version, events };
      if (updateId !== undefined) {
        answered.set(updateId, result);
        unstored.push([updateId, result]);
      }
      return result;
    },
    {
      validator: (command, _meta) => {
        // A retry of an action a previous run applied: answered, not decided again.
        const updateId = currentUpdateInfo()?.id;
        if (updateId !== undefined && answered.has(updateId)) return;
        const decision = decideUnknown(command, state, context());
        if (!decision.ok) throw refused(decision.refusal);
        validated = { updateId, version: state.version, decision };
      },
    },
  );

  /** Projects the changes since the last projection; a version PostgreSQL refuses is reported, not retried. */
  const projectChanges = async () => {
    const version = state.version;
    const asOf = now();
    try {
      const duties = openDuties(state, policy, asOf);
      if (searchable) {
        const attributes = searchAttributesOf(state, duties, asOf);
        const key = JSON.stringify(attributes.map((a) => a.value));
        if (key !== indexed) upsertSearchAttributes(attributes);
        indexed = key;
      }
      const events = history.filter((e) => e.seq > projected);
      const answers = unstored;
      await withinTrace(changedIn, () => project({
        proposalId,
        summary: summarize(state, policy, settled, duties),
        events,
        notes: events.map((e) => notes.get(e.seq) ?? null),
        duties,
        requestId: lastRequestId,
        answers: answers.map(([updateId, result]) => ({ updateId, result })),
        // The read model keeps the policy for the history it answers: sent when it may have changed.
        ...(policyProjected && !events.some((e) => e.type === 'CalendarYearAdded' || e.type === 'CalendarYearCorrected') ? {} : { policy }),
      }));
      policyProjected = true;
      unstored = unstored.slice(answers.length);
      for (const e of events) notes.delete(e.seq);
      projected = version;
    } catch (err) {
      // A local activity's failure may reach the workflow unwrapped.
      const cause = err instanceof ActivityFailure ? err.cause : err;
      if (!(cause instanceof ApplicationFailure && cause.type === PROJECTION_REJECTED)) throw err;
      // Never retried silently: the committee is told, and the next change tries again.
      rejected = version;
      await reportProjectionRejected({ proposalId, version, error: cause.message });
    }
  };
  const unprojected = () => state.version > projected && state.version !== rejected;

  for (;;) {
    if (deadlineAlerts && !isFinished(state) && workflowInfo().historyLength >= HISTORY_LIMIT) {
      // Renew between actions, never in the middle of one.
      await condition(allHandlersFinished);
      // Taken as the run ends: an action applied while the last changes were projected is carried too.
      const answers = () => [...answered].slice(-ANSWERS_CARRIED);
      if (patched('renewal-snapshot')) {
        // The read model takes the changes first, so the next run starts from the proposal as it
        // stands (its state and ledger), not from every event since filing; it carries only the
        // events PostgreSQL has not taken, if it refused some.
        if (unprojected()) await projectChanges();
        await continueAsNew<typeof proposalWorkflow>({
          ...input,
          carried: { snapshot: { state, settled }, history: history.filter((e) => e.seq > projected), projected, lastRequestId, answered: answers(), legacy },
        });
      }
      // Runs renewed before snapshots carried the whole story, checked before projecting (under a
      // steady stream of actions there is always more to project); the new run projected the rest.
      await continueAsNew<typeof proposalWorkflow>({ ...input, carried: { history, projected, lastRequestId, answered: answers(), legacy } });
    }
    if (unprojected()) {
      await projectChanges();
      continue; // more may have arrived while projecting
    }
    if (isFinished(state)) {
      if (state.status === 'merged' && !legacy) await tellMergeTarget(state, history);
      break;
    }
    const wakeAt = nextWakeUp(state, context());
    const moved = unprojected;
    if (steadyAlarm) {
      alarm.set(wakeAt);
      await condition(() => moved() || alarm.rang);
      if (alarm.rang) {
        alarm.clear();
        append(elapse(state, context()));
      }
    } else if (wakeAt === undefined) await condition(moved);
    else if (!(await condition(moved, Math.max(Date.parse(wakeAt) - Date.now(), 1)))) append(elapse(state, context()));
  }
  return { status: state.status, version: state.version };
}

/** One durable timer for the next instant the clock cares about, replaced only when that instant moves. */
class Alarm {
  private at?: string;
  private scope?: CancellationScope;
  rang = false;

  set(at: string | undefined) {
    if (at === this.at) return;
    this.scope?.cancel();
    this.clear();
    if (at === undefined) return;
    this.at = at;
    const scope = (this.scope = new CancellationScope());
    scope
      .run(() => sleep(Math.max(Date.parse(at) - Date.now(), 1)))
      .then(
        () => {
          if (this.scope === scope) this.rang = true;
        },
        () => undefined, // cancelled: the instant moved
      );
  }

  clear() {
    this.at = undefined;
    this.scope = undefined;
    this.rang = false;
  }
}

/** 并案: the proposal merged into tells it who its proposers are, so they receive its reply and may rate it. */
async function tellMergeTarget(state: ProposalState, history: RecordedEvent[]): Promise<void> {
  const intake = state.intake!;
  const merged = history.find((e) => e.type === 'ProposalMerged')!;
  const target = getExternalWorkflowHandle(proposalWorkflowId(intake.session.id, state.mergedInto!));
  try {
    await target.signal(mergedIntoSignal, { number: intake.number, proposers: intake.proposers, by: merged.by as Actor });
  } catch (err) {
    // The API checked that the target exists; if it has finished since, nobody is left to receive them.
    log.warn('the proposal merged into could not be told', { target: target.workflowId, error: String(err) });
  }
}

function refused(refusal: { code: string; message: string }) {
  return ApplicationFailure.create({ type: REFUSAL_FAILURE, message: refusal.message, details: [refusal], nonRetryable: true });
}
