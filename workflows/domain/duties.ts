/**
 * Every open duty of a proposal with its due date, derived from the events' times, the handling
 * policy and the clock; never stored, so a moved start (reassignment, re-handling, extension)
 * moves its due date with it. Periodic duties (progress reports, annual summaries) are each
 * period's own duty: the ones whose period has begun, and the next one once the last is done.
 */
import { type Calendar, type Due, addDays, addMonths, addWorkingDays, dueAfter, isOverdue, isWorkingDay, localDate, nextWorkingDayOnOrAfter, startOfLocalDay, type Period } from './calendar';
import type { HandlingPolicy } from './policy';
import { REPLY_OWED, type ProposalState, type Track, leadSigner, openCommitments, opinionGivers, recipients, unitAndPredecessors } from './state';
import type { DutyKind, Urgency } from './vocabulary';

export interface Duty {
  kind: DutyKind;
  /** The unit that owes it; null when a proposer or the committee does. */
  unitId: string | null;
  proposerId: string | null;
  commitmentNo: number | null;
  /** Which one of a repeated duty: the reply's round, the report's period, the summary's year. */
  period: number | null;
  /** Unique within the proposal. */
  key: string;
  startedAt: string;
  due: Due;
  /** A window closes when its date passes (a right lapses); any other duty becomes overdue. */
  window: boolean;
  /** A right the unit may use (asking for reassignment), not something it owes. */
  optional: boolean;
}

type DutyFacts = Pick<Duty, 'kind' | 'startedAt' | 'due'> & Partial<Pick<Duty, 'unitId' | 'proposerId' | 'commitmentNo' | 'period'>> & { about?: string };

const WINDOWS: readonly DutyKind[] = ['reassignmentWindow', 'evaluation', 'reviewObjection'];

/** A duty from its facts, keyed uniquely within its proposal (or, for a unit's yearly summary, within the unit and year). */
export function duty(d: DutyFacts): Duty {
  const unitId = d.unitId ?? null;
  const proposerId = d.proposerId ?? null;
  const commitmentNo = d.commitmentNo ?? null;
  const period = d.period ?? null;
  const parts = [d.kind, unitId ?? '-', proposerId ?? '-', commitmentNo ?? '-'].join(':');
  return {
    kind: d.kind,
    unitId,
    proposerId,
    commitmentNo,
    period,
    key: `${parts}${period === null ? '' : `#${period}`}${d.about ? `@${d.about}` : ''}`,
    startedAt: d.startedAt,
    due: d.due,
    window: WINDOWS.includes(d.kind),
    optional: d.kind === 'reassignmentWindow',
  };
}

/** Who a duty is owed by: a unit, a proposer, or (neither named) the committee. */
export const ownerOf = (d: Pick<Duty, 'unitId' | 'proposerId'>): 'unit' | 'proposer' | 'committee' =>
  d.unitId ? 'unit' : d.proposerId ? 'proposer' : 'committee';

const after = (start: string, period: Period, policy: HandlingPolicy) => dueAfter(start, period, policy.calendar, policy.rollDueToWorkingDay);

const unitStart = (state: ProposalState, unitId: string) => state.unitAssignedAt[unitId] ?? state.assignedAt!;

export function reassignmentWindow(state: ProposalState, unitId: string, policy: HandlingPolicy): Due {
  return after(unitStart(state, unitId), policy.periods.reassignmentWindow, policy);
}

/** A date as a due date: moved to a working day where the policy says so, due as that day ends. */
function dueOn(date: string, policy: HandlingPolicy): Due {
  const day = policy.rollDueToWorkingDay ? nextWorkingDayOnOrAfter(date, policy.calendar) : date;
  return { date: day, at: startOfLocalDay(addDays(day, 1), policy.calendar) };
}

export function opinionDue(state: ProposalState, coHandler: string, policy: HandlingPolicy): Due {
  const fed = Object.values(state.tracks).find((t) => opinionGivers(t).includes(coHandler));
  if (policy.opinionDaysBeforeReply && fed) return dueOn(addDays(replyDue(fed, policy).date, -policy.opinionDaysBeforeReply), policy);
  return after(unitStart(state, coHandler), policy.periods.coHandlerOpinion, policy);
}

export function countersignDue(track: Track, policy: HandlingPolicy): Due {
  return after(track.draftedAt!, policy.periods.countersign, policy);
}

/**
 * The first reply: the reply period plus any extension, counted in months from the assignment
 * and only then moved to a working day, never past the policy's maximum. Re-handling runs its own
 * period from when it began.
 */
export function replyDue(track: Track, policy: HandlingPolicy): Due {
  const { periods } = policy;
  if (track.round > 1) return after(track.roundStartedAt, periods.rehandling, policy);
  if (policy.replyBy) return dueOn(track.extensionMonths > 0 ? addMonths(policy.replyBy, track.extensionMonths) : policy.replyBy, policy);
  if (periods.reply.unit === 'months' && policy.ruleset.extensionMoves === 'period') {
    return after(track.roundStartedAt, { unit: 'months', count: Math.min(periods.reply.count + track.extensionMonths, policy.maxReplyMonths) }, policy);
  }
  // Periods not in months (compressed demonstrations), and proposals begun before the audit,
  // extend the due date itself.
  const base = after(track.roundStartedAt, periods.reply, policy);
  if (track.extensionMonths === 0) return base;
  let date = addMonths(base.date, track.extensionMonths);
  if (policy.rollDueToWorkingDay) date = nextWorkingDayOnOrAfter(date, policy.calendar);
  return { date, at: startOfLocalDay(addDays(date, 1), policy.calendar) };
}

/** By this time each commitment is delivered or declared undeliverable, or it is overdue. */
export function followUpLimit(track: Track, policy: HandlingPolicy): Due {
  return after(track.issued!.at, policy.followUpLimit, policy);
}

export function evaluationWindow(track: Track, policy: HandlingPolicy): Due {
  return after(track.issued!.at, policy.periods.evaluation, policy);
}

/** The last working day before a date given as MM-DD in `year`: "before 10 October". */
/** The last working day before the date MM-DD of the year: when a yearly duty "before" that date is due. */
export function lastWorkingDayBefore(year: number, monthDay: string, policy: HandlingPolicy): Due {
  let date = addDays(`${year}-${monthDay}`, -1);
  while (!isWorkingDay(date, policy.calendar)) date = addDays(date, -1);
  return { date, at: startOfLocalDay(addDays(date, 1), policy.calendar) };
}

/**
 * The periods of a repeated duty that are open: from the first not yet covered up to the one
 * running at `now` (a missed period stays owed while the next one runs), or just the next one
 * when all begun are covered. Period k runs from the end of period k-1 (the first from `first`).
 */
function openPeriods(first: string, dueOf: (k: number) => Due, covered: number, now: string, last = Infinity) {
  const started = (k: number) => (k === 1 ? first : dueOf(k - 1).at);
  const periods: { k: number; startedAt: string; due: Due }[] = [];
  for (let k = covered + 1; k <= last && (k === covered + 1 || started(k) <= now); k++) {
    periods.push({ k, startedAt: started(k), due: dueOf(k) });
  }
  return periods;
}

/** How many periods a report at `at` covers: every period begun by then. */
function periodsBegunBy(first: string, dueOf: (k: number) => Due, at: string | undefined, last: number): number {
  if (at === undefined) return 0;
  let k = 1;
  while (k < last && dueOf(k).at <= at) k++;
  return at >= first ? Math.min(k, last) : 0;
}

function followUpDuties(track: Track, policy: HandlingPolicy, now: string): Duty[] {
  const issuedAt = track.issued!.at;
  const unitId = track.unitId;
  const report = policy.periods.followUpReport;
  if (policy.ruleset.followUpReports === 'fromLastReport') {
    // One report at a time, each period from the last report: how proposals begun earlier run.
    return track.commitments
      .filter((c) => c.status === 'open')
      .map((c) => {
        const startedAt = c.reportedAt.at(-1) ?? issuedAt;
        return duty({ kind: 'followUpReport', unitId, commitmentNo: c.no, startedAt, due: after(startedAt, report, policy) });
      });
  }
  const limit = followUpLimit(track, policy);
  const reportDue = (k: number) => after(issuedAt, { ...report, count: report.count * k }, policy);
  let reports = 0;
  while (reportDue(reports + 1).date <= limit.date) reports++;
  const duties: Duty[] = [];
  for (const c of openCommitments(track)) {
    if (c.status === 'open') {
      const covered = periodsBegunBy(issuedAt, reportDue, c.reportedAt.at(-1), reports);
      for (const p of openPeriods(issuedAt, reportDue, covered, now, reports)) {
        duties.push(duty({ kind: 'followUpReport', unitId, commitmentNo: c.no, period: p.k, startedAt: p.startedAt, due: p.due }));
      }
    }
    duties.push(duty({ kind: 'commitmentDelivery', unitId, commitmentNo: c.no, startedAt: issuedAt, due: limit }));
  }
  // Under the policy in force the unit's summary covers all its proposals of the year (annual-summary.ts), not one proposal.
  if (duties.length === 0 || policy.annualSummary === 'perUnit') return duties;
  // The annual summary: the first is due the first time the date comes after the reply.
  const issuedYear = +localDate(issuedAt, policy.calendar).slice(0, 4);
  const firstYear = lastWorkingDayBefore(issuedYear, policy.annualSummaryBefore, policy).at > issuedAt ? issuedYear : issuedYear + 1;
  const summaryDue = (k: number) => lastWorkingDayBefore(firstYear + k - 1, policy.annualSummaryBefore, policy);
  const covered = Math.max(0, ...track.annualSummaries.map((y) => y - firstYear + 1));
  for (const p of openPeriods(issuedAt, summaryDue, covered, now)) {
    duties.push(duty({ kind: 'annualSummary', unitId, period: firstYear + p.k - 1, startedAt: p.startedAt, due: p.due }));
  }
  return duties;
}

/** The year whose annual summary a unit sends now: the earliest one it still owes. */
export function annualSummaryYear(track: Track, policy: HandlingPolicy, now: string): number | undefined {
  return followUpDuties(track, policy, now).find((d) => d.kind === 'annualSummary')?.period ?? undefined;
}

function trackDuties(state: ProposalState, track: Track, policy: HandlingPolicy, now: string): Duty[] {
  const { unitId } = track;
  const duties: Duty[] = [];
  const replyOwed = REPLY_OWED.includes(track.stage);
  // A co-handler owes its opinion until it sends it or the reply goes out without it.
  for (const coHandler of replyOwed ? opinionGivers(track).filter((u) => !state.opinions[u]) : []) {
    duties.push(duty({ kind: 'coHandlerOpinion', unitId: coHandler, startedAt: unitStart(state, coHandler), due: opinionDue(state, coHandler, policy) }));
  }
  if (replyOwed && !state.contacts.some((c) => unitAndPredecessors(state, unitId).includes(c.unitId))) {
    const startedAt = unitStart(state, unitId);
    duties.push(duty({ kind: 'contactBeforeHandling', unitId, startedAt, due: after(startedAt, policy.periods.contactBeforeHandling, policy) }));
  }
  if (replyOwed) {
    duties.push(duty({ kind: 'reply', unitId, period: policy.ruleset.replyDutyPerRound ? track.round : null, startedAt: track.roundStartedAt, due: replyDue(track, policy) }));
  }
  if (track.stage === 'countersigning' && track.draftedAt) {
    for (const signer of track.countersigners.filter((u) => !track.countersignedBy.includes(u))) {
      duties.push(duty({ kind: 'countersign', unitId: signer, startedAt: track.draftedAt, due: countersignDue(track, policy) }));
    }
  }
  if (track.stage === 'replied' && track.issued) {
    for (const p of recipients(state).filter((p) => !track.ratings[p.id])) {
      duties.push(duty({ kind: 'evaluation', proposerId: p.id, startedAt: track.issued.at, due: evaluationWindow(track, policy) }));
    }
  }
  if (track.stage === 'rehandlingDecision' && track.concludedAt) {
    duties.push(duty({ kind: 'rehandlingDecision', about: unitId, startedAt: track.concludedAt, due: after(track.concludedAt, policy.periods.rehandlingDecision, policy) }));
  }
  if (track.stage === 'consultation' && track.concludedAt && policy.periods.consultation) {
    duties.push(duty({ kind: 'consultation', about: unitId, startedAt: track.concludedAt, due: after(track.concludedAt, policy.periods.consultation, policy) }));
  }
  if (track.stage === 'followUp') duties.push(...followUpDuties(track, policy, now));
  // 答复公开: each issued reply's unit decides on its publication within the period after issue.
  if (track.issued && !track.publication && policy.periods.publicationDecision) {
    duties.push(duty({ kind: 'publicationDecision', unitId, startedAt: track.issued.at, due: after(track.issued.at, policy.periods.publicationDecision, policy) }));
  }
  // 办理方案: owed once a proposal is selected as key, while its reply is still being prepared.
  if (state.key && replyOwed && !state.key.plans[unitId]) {
    duties.push(duty({ kind: 'handlingPlan', unitId, startedAt: state.key.markedAt, due: after(state.key.markedAt, policy.periods.handlingPlan, policy) }));
  }
  return duties;
}

/** 不立案异议: the lead signer's window, then the committee's review of the objection. */
function objectionDuties(state: ProposalState, policy: HandlingPolicy): Duty[] {
  const o = state.objection;
  if (!o || !state.reviewedAt) return [];
  if (o.stage === 'open') return [duty({ kind: 'reviewObjection', proposerId: leadSigner(state)?.id, startedAt: state.reviewedAt, due: o.until })];
  if (o.stage === 'objected' && o.objectedAt) return [duty({ kind: 'objectionReview', startedAt: o.objectedAt, due: after(o.objectedAt, policy.periods.rehandlingDecision, policy) })];
  return [];
}

/** 不立案异议: the window from 不立案, or none where the pinned policy has none. */
export const objectionWindow = (reviewedAt: string, policy: HandlingPolicy): Due | undefined =>
  policy.periods.reviewObjection ? after(reviewedAt, policy.periods.reviewObjection, policy) : undefined;

/**
 * The duties open in `state` at `now`, computed once per state, policy and instant: settling an
 * event, the projection, the view and the clock's schedule all ask for the same within one
 * workflow activation. A state is never changed in place (each event makes a new one), so the
 * state object stands for its version; the list is shared, hence read-only.
 */
export function openDuties(state: ProposalState, policy: HandlingPolicy, now: string): readonly Duty[] {
  const known = computed.get(state);
  if (known?.policy === policy && known.now === now) return known.duties;
  const duties = dutiesOf(state, policy, now);
  computed.set(state, { policy, now, duties });
  return duties;
}

const computed = new WeakMap<ProposalState, { policy: HandlingPolicy; now: string; duties: readonly Duty[] }>();

function dutiesOf(state: ProposalState, policy: HandlingPolicy, now: string): Duty[] {
  if (state.status === 'notRegistered') return objectionDuties(state, policy);
  if (state.status !== 'handling' || !state.assignment || !state.assignedAt) return [];
  const duties: Duty[] = [];
  for (const unitId of Object.keys(state.unitAssignedAt)) {
    if (!state.reassignmentRequests[unitId]) {
      duties.push(duty({ kind: 'reassignmentWindow', unitId, startedAt: unitStart(state, unitId), due: reassignmentWindow(state, unitId, policy) }));
    }
  }
  const tracks = Object.values(state.tracks);
  for (const track of tracks) duties.push(...trackDuties(state, track, policy, now));
  // 回头看: before the next session the committee checks every commitment still open.
  if (policy.ruleset.lookBack && !state.lookBackAt && tracks.some((t) => t.stage === 'followUp' && openCommitments(t).length > 0)) {
    const year = +localDate(state.assignedAt, policy.calendar).slice(0, 4) + 1;
    duties.push(duty({ kind: 'lookBack', startedAt: state.assignedAt, due: lastWorkingDayBefore(year, policy.lookBackBefore, policy) }));
  }
  return duties;
}

/** Due soon: due within this many working days of today, by the holiday calendar. */
export const DUE_SOON_WORKING_DAYS = 3;

/** The last date a duty due soon may fall on, seen from `now`: the task lists' amber and the overview's count alike. */
export const dueSoonUntil = (now: string, calendar: Calendar): string => addWorkingDays(localDate(now, calendar), DUE_SOON_WORKING_DAYS, calendar);

/** How close a due date is, for colouring task lists and counting the overview's figures. */
export function urgency(due: Due, now: string, calendar: Calendar): Urgency {
  if (isOverdue(due, now)) return 'overdue';
  return due.date <= dueSoonUntil(now, calendar) ? 'dueSoon' : 'onTime';
}
