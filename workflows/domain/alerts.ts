/**
 * Deadline alerts, derived like due dates: for every open duty a warning before it is due, an
 * overdue alert when it passes, and the escalation ladder while it stays overdue. An alert's key
 * names the duty, kind, level and due instant, so a moved due date arms new alerts, and the same
 * alert is never raised twice (the workflow records raised keys; the outbox keys on them too).
 */
import { afterDue, beforeDue } from './calendar';
import { type Duty, openDuties, ownerOf } from './duties';
import type { HandlingPolicy } from './policy';
import type { ProposalState } from './state';
import type { Alert, AlertKind, Audience } from './vocabulary';

const OWNER_AUDIENCE = { unit: 'officer', proposer: 'proposer', committee: 'committee' } as const satisfies Record<ReturnType<typeof ownerOf>, Audience>;

/** A duty's alerts: the warning, the overdue alert and, above a unit, the escalation ladder. */
export function dutyAlerts(d: Duty, policy: HandlingPolicy): Alert[] {
  const { calendar, rollDueToWorkingDay } = policy;
  const { warnBefore, escalation } = policy.alerts;
  // Keys naming the due date (proposals begun before the audit) are shared by periods shorter than a day.
  const due = policy.ruleset.alertKeys === 'dueDate' ? d.due.date : d.due.at;
  const make = (kind: AlertKind, level: number, audience: Audience, at: string): Alert => ({
    key: `${d.key}|${kind}|${level}|${due}`,
    dutyKey: d.key,
    dutyKind: d.kind,
    kind,
    level,
    audience,
    unitId: d.unitId,
    proposerId: d.proposerId,
    commitmentNo: d.commitmentNo,
    dueDate: d.due.date,
    dueAt: d.due.at,
    at,
  });
  const owner = ownerOf(d);
  const alerts: Alert[] = [];
  const warnAt = beforeDue(d.due, warnBefore, calendar);
  // A duty that starts inside its warning period gets no warning: it is new news already.
  if (warnAt > d.startedAt) alerts.push(make('warning', 0, OWNER_AUDIENCE[owner], warnAt));
  // A commitment neither delivered nor declared undeliverable is reported to the committee.
  alerts.push(make('overdue', 0, d.kind === 'commitmentDelivery' ? 'committee' : OWNER_AUDIENCE[owner], d.due.at));
  // The ladder climbs above a unit; the committee's own duties stop at the committee.
  if (owner !== 'committee') {
    escalation.forEach((rung, i) => alerts.push(make('escalation', i + 1, rung.audience, afterDue(d.due, rung.after, calendar, rollDueToWorkingDay))));
  }
  return alerts;
}

/** Every alert of every open owed duty (windows lapse and rights are not owed: neither is chased). */
export function scheduledAlerts(state: ProposalState, policy: HandlingPolicy, now: string): Alert[] {
  return openDuties(state, policy, now)
    .filter((d) => !d.window && !d.optional)
    .flatMap((d) => dutyAlerts(d, policy));
}
