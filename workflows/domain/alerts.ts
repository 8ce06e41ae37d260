/**
 * Deadline alerts, derived like due dates: for every open duty a warning before it is due, an
 * overdue alert when it passes, and the escalation ladder while it stays overdue. An alert's key
 * names the duty, kind, level and due date, so a moved due date arms new alerts, and the same
 * alert is never raised twice (the workflow records raised keys; the outbox keys on them too).
 */
import { afterDue, beforeDue } from './calendar';
import { type Duty, openDuties } from './duties';
import type { HandlingPolicy } from './policy';
import type { ProposalState } from './state';

export type AlertKind = 'warning' | 'overdue' | 'escalation';
/** Who is told: the officer who owes it, the unit's head (催办通知), the committee (通报), the assessment list. */
export type Audience = 'officer' | 'proposer' | 'unitHead' | 'committee' | 'assessment';

export interface Alert {
  key: string;
  dutyKey: string;
  dutyKind: Duty['kind'];
  kind: AlertKind;
  /** 0 for the warning and the overdue alert; 1.. for each rung of the ladder. */
  level: number;
  audience: Audience;
  unitId: string | null;
  proposerId: string | null;
  commitmentNo: number | null;
  dueDate: string;
  dueAt: string;
  /** When it is to be raised. */
  at: string;
}

export function scheduledAlerts(state: ProposalState, policy: HandlingPolicy): Alert[] {
  const { calendar, rollDueToWorkingDay } = policy;
  const { warnBefore, escalation } = policy.alerts;
  const scheduled: Alert[] = [];
  for (const d of openDuties(state, policy)) {
    // Windows lapse rather than fall overdue, and rights are not owed: neither is chased.
    if (d.window || d.optional) continue;
    const make = (kind: AlertKind, level: number, audience: Audience, at: string): Alert => ({
      key: `${d.key}|${kind}|${level}|${d.due.date}`,
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
    const owner: Audience = d.unitId ? 'officer' : 'proposer';
    const warnAt = beforeDue(d.due, warnBefore, calendar);
    // A duty that starts inside its warning period gets no warning: it is new news already.
    if (warnAt > d.startedAt) scheduled.push(make('warning', 0, owner, warnAt));
    scheduled.push(make('overdue', 0, owner, d.due.at));
    escalation.forEach((rung, i) => scheduled.push(make('escalation', i + 1, rung.audience, afterDue(d.due, rung.after, calendar, rollDueToWorkingDay))));
  }
  return scheduled;
}

/** The alerts whose time has come and that were not raised before. */
export function dueAlerts(state: ProposalState, policy: HandlingPolicy, now: string): Alert[] {
  return scheduledAlerts(state, policy)
    .filter((a) => a.at <= now && !state.alertsRaised[a.key])
    .sort((a, b) => a.at.localeCompare(b.at) || a.key.localeCompare(b.key));
}

export function nextAlertAt(state: ProposalState, policy: HandlingPolicy): string | undefined {
  return scheduledAlerts(state, policy)
    .filter((a) => !state.alertsRaised[a.key])
    .map((a) => a.at)
    .sort()[0];
}
