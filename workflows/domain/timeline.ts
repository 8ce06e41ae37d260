/** A proposal's history as people read it: when, what, which unit, the stage after, and what is due next. */
import { openDuties } from './duties';
import type { RecordedEvent } from './events';
import type { HandlingPolicy } from './policy';
import { type ProposalState, evolve, initialState, stageOf } from './state';

/** Times in the committee's local time, as its people read them. */
export const localTime = (iso: string, utcOffsetMinutes: number) =>
  new Date(Date.parse(iso) + utcOffsetMinutes * 60_000).toISOString().slice(0, 19).replace('T', ' ');

export function describeEvent(e: RecordedEvent): string {
  switch (e.type) {
    case 'ProposalFiled': return `filed: 第${e.intake.number}号 ${e.intake.title}`;
    case 'ProposalAssigned':
    case 'ProposalReassigned':
      return e.assignment.mode === 'joint'
        ? `${e.type === 'ProposalAssigned' ? 'assigned' : 'reassigned'}: lead ${e.assignment.lead}, co-handling ${e.assignment.coHandlers.join(', ') || 'none'}`
        : `assigned separately to ${e.assignment.units.join(', ')}`;
    case 'ProposerContacted': return `contact with proposers (${e.contact.phase}, ${e.contact.form})`;
    case 'ReplyDrafted': return `reply drafted: class ${e.draft.replyClass}, ${e.draft.commitments.length} commitment(s)`;
    case 'ReplyIssued': return `reply ${e.documentNumber} issued (class ${e.replyClass}), signed by ${e.signer.title}`;
    case 'ReplyEvaluated': return `rated ${e.rating} by ${e.proposerId}`;
    case 'EvaluationConcluded': return `evaluation concluded → ${e.outcome}${e.windowClosed ? ' (window closed)' : ''}`;
    case 'FollowUpReported': return `commitment ${e.commitmentNo}: ${e.done ? 'done' : 'progress reported'}`;
    case 'CommitmentClosed': return `commitment ${e.commitmentNo} closed by the committee`;
    case 'ReplyDeadlineExtended': return `reply deadline extended by ${e.months} month(s)`;
    case 'AlertRaised': {
      const a = e.alert;
      const what = `${a.dutyKind}${a.commitmentNo ? ` #${a.commitmentNo}` : ''} due ${a.dueDate}`;
      return a.kind === 'warning' ? `⚠ warning: ${what}` : a.kind === 'overdue' ? `⏰ overdue: ${what}` : `⬆ escalated to ${a.audience}: ${what}`;
    }
    default: return e.type.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  }
}

export interface TimelineRow {
  seq: number;
  time: string;
  unit: string;
  what: string;
  stage: string;
  nextDue: string;
}

/**
 * One row per event, with the stage and the earliest due date as they stood right after it:
 * the events are folded again with the proposal's policy, the same rules the workflow ran.
 */
export function timelineRows(events: RecordedEvent[], policy: HandlingPolicy, before: ProposalState = initialState()): TimelineRow[] {
  let state = before;
  return events.map((e) => {
    state = evolve(state, e);
    const due = openDuties(state, policy)
      .filter((d) => !d.window)
      .sort((a, b) => a.due.at.localeCompare(b.due.at))[0];
    return {
      seq: e.seq,
      time: localTime(e.at, policy.calendar.utcOffsetMinutes),
      unit: 'unitId' in e ? e.unitId : e.by.role === 'officer' ? e.by.unitId : e.by.role,
      what: describeEvent(e),
      stage: stageOf(state),
      nextDue: due ? `${due.kind}${due.unitId ? ` (${due.unitId})` : ''} by ${due.due.date}` : '—',
    };
  });
}

const COLUMNS: { key: keyof TimelineRow; head: string; width: number }[] = [
  { key: 'seq', head: '#', width: 3 },
  { key: 'time', head: 'local time', width: 19 },
  { key: 'unit', head: 'unit', width: 10 },
  { key: 'stage', head: 'stage after', width: 14 },
  { key: 'what', head: 'what happened', width: 64 },
  { key: 'nextDue', head: 'next due', width: 0 },
];

/** Fixed columns, so rows printed as they happen line up with the header printed first. */
export function formatRow(r: Record<keyof TimelineRow, string | number>): string {
  const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - displayWidth(s)));
  return COLUMNS.map((c) => pad(String(r[c.key]), c.width)).join('  ').trimEnd();
}

export const formatHeader = (): string =>
  formatRow(Object.fromEntries(COLUMNS.map((c) => [c.key, c.head])) as Record<keyof TimelineRow, string>);

/** Terminal columns: CJK characters and full-width punctuation take two. */
function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}
