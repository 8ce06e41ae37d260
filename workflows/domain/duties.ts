/**
 * Every open duty of a proposal with its due date, derived from the events' times and the
 * handling policy; never stored, so a moved start (reassignment, re-handling, extension) moves
 * its due date with it.
 */
import { type Due, addMonths, dueAfter, nextWorkingDayOnOrAfter, startOfLocalDay, addDays } from './calendar';
import type { HandlingPolicy } from './policy';
import { assignedUnits } from './contracts';
import type { ProposalState, Track } from './state';

export type DutyKind =
  | 'reassignmentWindow'
  | 'coHandlerOpinion'
  | 'contactBeforeHandling'
  | 'countersign'
  | 'reply'
  | 'evaluation'
  | 'followUpReport';

export interface Duty {
  kind: DutyKind;
  /** The unit that owes it, or null when a proposer does. */
  unitId: string | null;
  proposerId: string | null;
  commitmentNo: number | null;
  /** Unique within the proposal. */
  key: string;
  startedAt: string;
  due: Due;
  /** A window closes when its date passes (a right lapses); any other duty becomes overdue. */
  window: boolean;
  /** A right the unit may use (asking for reassignment), not something it owes. */
  optional: boolean;
}

const duty = (d: Omit<Duty, 'key' | 'optional'>): Duty => ({
  ...d,
  optional: d.kind === 'reassignmentWindow',
  key: [d.kind, d.unitId ?? '-', d.proposerId ?? '-', d.commitmentNo ?? '-'].join(':'),
});

export function reassignmentWindow(state: ProposalState, policy: HandlingPolicy): Due {
  return dueAfter(state.assignedAt!, policy.periods.reassignmentWindow, policy.calendar, policy.rollDueToWorkingDay);
}

/** Three months from assignment plus any extension; re-handling runs its own period from when it began. */
export function replyDue(track: Track, policy: HandlingPolicy): Due {
  const { calendar, rollDueToWorkingDay, periods } = policy;
  if (track.round > 1) return dueAfter(track.roundStartedAt, periods.rehandling, calendar, rollDueToWorkingDay);
  const base = dueAfter(track.roundStartedAt, periods.reply, calendar, rollDueToWorkingDay);
  if (track.extensionMonths === 0) return base;
  let date = addMonths(base.date, track.extensionMonths);
  if (rollDueToWorkingDay) date = nextWorkingDayOnOrAfter(date, calendar);
  return { date, at: startOfLocalDay(addDays(date, 1), calendar) };
}

/** Commitments are followed up this long after the reply; then those still open lapse. */
export function followUpLimit(track: Track, policy: HandlingPolicy): Due {
  return dueAfter(track.issued!.at, policy.followUpLimit, policy.calendar, policy.rollDueToWorkingDay);
}

export function evaluationWindow(track: Track, policy: HandlingPolicy): Due {
  return dueAfter(track.issued!.at, policy.periods.evaluation, policy.calendar, policy.rollDueToWorkingDay);
}

export function openDuties(state: ProposalState, policy: HandlingPolicy): Duty[] {
  if (state.status !== 'handling' || !state.assignment || !state.assignedAt) return [];
  const { calendar, rollDueToWorkingDay, periods } = policy;
  const after = (start: string, period: keyof HandlingPolicy['periods']) => dueAfter(start, periods[period], calendar, rollDueToWorkingDay);
  const assignedAt = state.assignedAt;
  const none = { proposerId: null, commitmentNo: null };
  const duties: Duty[] = [];

  for (const unitId of assignedUnits(state.assignment)) {
    if (!state.reassignmentRequests[unitId]) {
      duties.push(duty({ kind: 'reassignmentWindow', unitId, ...none, startedAt: assignedAt, due: reassignmentWindow(state, policy), window: true }));
    }
  }
  if (state.assignment.mode === 'joint') {
    for (const unitId of state.assignment.coHandlers) {
      if (!state.opinions[unitId]) {
        duties.push(duty({ kind: 'coHandlerOpinion', unitId, ...none, startedAt: assignedAt, due: after(assignedAt, 'coHandlerOpinion'), window: false }));
      }
    }
  }
  for (const track of Object.values(state.tracks)) {
    const unitId = track.unitId;
    if (!state.contacts.some((c) => c.unitId === unitId)) {
      duties.push(duty({ kind: 'contactBeforeHandling', unitId, ...none, startedAt: assignedAt, due: after(assignedAt, 'contactBeforeHandling'), window: false }));
    }
    if (['drafting', 'countersigning', 'drafted', 'underReview', 'approved'].includes(track.stage)) {
      duties.push(duty({ kind: 'reply', unitId, ...none, startedAt: track.roundStartedAt, due: replyDue(track, policy), window: false }));
    }
    if (track.stage === 'countersigning' && track.draftedAt) {
      for (const signer of track.countersigners.filter((u) => !track.countersignedBy.includes(u))) {
        duties.push(duty({ kind: 'countersign', unitId: signer, ...none, startedAt: track.draftedAt, due: after(track.draftedAt, 'countersign'), window: false }));
      }
    }
    if (track.stage === 'replied' && track.issued) {
      for (const p of state.intake!.proposers.filter((p) => !track.ratings[p.id])) {
        duties.push(duty({ kind: 'evaluation', unitId: null, proposerId: p.id, commitmentNo: null, startedAt: track.issued.at, due: evaluationWindow(track, policy), window: true }));
      }
    }
    for (const c of track.stage === 'followUp' ? track.commitments.filter((c) => c.status === 'open') : []) {
      duties.push(duty({ kind: 'followUpReport', unitId, proposerId: null, commitmentNo: c.no, startedAt: c.periodStartedAt, due: after(c.periodStartedAt, 'followUpReport'), window: false }));
    }
  }
  return duties;
}

export type Urgency = 'onTime' | 'dueSoon' | 'overdue';

/** How close a due date is, for colouring task lists: due soon within `soonDays` calendar days. */
export function urgency(due: Pick<Due, 'at'>, now: string, soonDays = 5): Urgency {
  if (Date.parse(now) >= Date.parse(due.at)) return 'overdue';
  return Date.parse(due.at) - Date.parse(now) <= soonDays * 86_400_000 ? 'dueSoon' : 'onTime';
}
