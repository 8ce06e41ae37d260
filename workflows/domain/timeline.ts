/** A proposal's history as people read it: when, what, which unit, the stage after, and what is due next. */
import { AUDIENCE_NAME_ZH, DUTY_NAME_ZH, RATING_NAME_ZH } from './chinese-names';
import type { Assignment } from './contracts';
import { type Duty, openDuties } from './duties';
import type { RecordedEvent } from './events';
import type { HandlingPolicy } from './policy';
import { type ProposalState, evolve, initialState, stageOf } from './state';

/** Times in the committee's local time, as its people read them. */
export const localTime = (iso: string, utcOffsetMinutes: number) =>
  new Date(Date.parse(iso) + utcOffsetMinutes * 60_000).toISOString().slice(0, 19).replace('T', ' ');

const ZH_FORM = { faceToFace: '当面', phone: '电话', written: '书面', siteVisit: '实地走访' } as const;
const ZH_PHASE = { beforeHandling: '办前面商', duringHandling: '办中沟通', afterReply: '办后回访' } as const;
const ZH_OUTCOME = { rehandle: '重新办理', committeeDecides: '不满意，待提案委员会决定', consult: '当面协商', followUp: '进入跟踪办理', done: '办结' } as const;
const MEETING_ZH = { meeting: '督办协商会', siteVisit: '实地视察', consultation: '座谈' } as const;

/** A unit's or a person's name for its id, where the reader has a directory; the id otherwise. */
export type Namer = (id: string) => string;

const who = (e: RecordedEvent) => (e.by.role === 'officer' ? `${e.by.id} (${e.by.unitId})` : e.by.id);
const assignmentText = (a: Assignment, n: Namer = (id) => id) =>
  a.mode === 'joint'
    ? {
        zh: `主办 ${n(a.lead)}，会办 ${a.coHandlers.map(n).join('、') || '无'}${a.assisting?.length ? `，协办 ${a.assisting.map(n).join('、')}` : ''}`,
        en: `lead ${a.lead}, co-handling ${a.coHandlers.join(', ') || 'none'}${a.assisting?.length ? `, assisting ${a.assisting.join(', ')}` : ''}`,
      }
    : { zh: `分办 ${a.units.map(n).join('、')}`, en: `separately to ${a.units.join(', ')}` };

/** What a supervisor needs of each event: who, what changed, and why; in Chinese and English. */
export function describeEvent(e: RecordedEvent, n: Namer = (id) => id): { zh: string; en: string } {
  const by = who(e);
  const byZh = e.by.role === 'officer' ? `${n(e.by.id)} (${n(e.by.unitId)})` : n(e.by.id);
  switch (e.type) {
    case 'CosigningAnswered': return e.decision === 'confirm' ? { zh: `${n(e.proposerId)} 确认联名`, en: `${e.proposerId} confirmed co-signing` } : { zh: `${n(e.proposerId)} 不同意联名，不再列为提案人`, en: `${e.proposerId} declined to co-sign and is left out` };
    case 'CosignersLapsed': return { zh: `${e.proposerIds.map(n).join('、')} 审查前未确认联名，不列为提案人`, en: `${e.proposerIds.join(', ')} had not confirmed co-signing by the review and are left out` };
    case 'ProposalFiled': return { zh: `受理：第${e.intake.number}号 ${e.intake.title}（${byZh}）`, en: `filed: No. ${e.intake.number} ${e.intake.title} (by ${by})` };
    case 'ProposalRegistered': return { zh: `立案（${byZh}）`, en: `registered (by ${by})` };
    case 'ProposalMerged': return { zh: `并入第${e.intoNumber}号提案，理由：${e.reason}`, en: `merged into No. ${e.intoNumber} by ${by}: ${e.reason}` };
    case 'ProposalWithdrawn': return e.consent
      ? { zh: `经提案委员会同意撤案（${e.consent}），撤案理由：${e.reason}`, en: `withdrawn with the committee's consent (${e.consent}): ${e.reason}` }
      : { zh: `${n(e.by.id)} 撤回提案，理由：${e.reason}`, en: `withdrawn by ${by}: ${e.reason}` };
    case 'PublicationDecided': return {
      zh: `${n(e.unitId)} 答复${{ full: '全文公开', summary: `摘要公开：${e.summary}`, withheld: `不予公开，理由：${e.reason}` }[e.decision]}`,
      en: `${e.unitId}'s reply ${{ full: 'published in full', summary: `published as a summary: ${e.summary}`, withheld: `not published: ${e.reason}` }[e.decision]}`,
    };
    case 'KeyProposalMarked': return { zh: `列为重点提案，领衔督办：${e.leaders.map(n).join('、')}，责任委员：${e.memberInCharge}（${e.reason}）`, en: `marked a key proposal, supervised by ${e.leaders.join(', ')}, member in charge ${e.memberInCharge}: ${e.reason}` };
    case 'HandlingPlanSubmitted': return { zh: `${n(e.unitId)} 报送重点提案办理方案`, en: `${e.unitId} sent its handling plan` };
    case 'SupervisionMeetingHeld': return { zh: `${n(e.by.id)} 督办（${MEETING_ZH[e.form]}）：${e.conclusions}`, en: `supervision ${e.form} by ${by}: ${e.conclusions}` };
    case 'WithdrawalRequested': return { zh: `${n(e.by.id)} 申请撤案，理由：${e.reason}`, en: `${by} asked to withdraw the proposal: ${e.reason}` };
    case 'WithdrawalRefused': return { zh: `提案委员会不同意撤案，理由：${e.reason}`, en: `the committee refused the withdrawal: ${e.reason}` };
    case 'ProposalNotRegistered': return { zh: `不予立案，理由：${e.reason}${e.objectionUntil ? `（提案人可于 ${e.objectionUntil.date} 前提出异议）` : ''}`, en: `not registered by ${by}: ${e.reason}${e.objectionUntil ? ` (the proposer may object until ${e.objectionUntil.date})` : ''}` };
    case 'ReviewObjected': return { zh: `${n(e.by.id)} 对不予立案提出异议：${e.reason}`, en: `${by} objected to 不立案: ${e.reason}` };
    case 'ObjectionDecided': return e.decision === 'register'
      ? { zh: `提案委员会复核后予以立案：${e.reason}`, en: `registered on review of the objection by ${by}: ${e.reason}` }
      : { zh: `提案委员会复核后维持不予立案：${e.reason}`, en: `不立案 kept on review of the objection by ${by}: ${e.reason}` };
    case 'UnitSucceeded': return { zh: `机构改革：${n(e.from)}${e.kind === 'merged' ? '并入' : '更名为'}${n(e.to)}（${e.effectiveOn}起），未办结事项由${n(e.to)}继续办理`, en: `${e.from} ${e.kind === 'merged' ? 'merged into' : 'renamed as'} ${e.to} from ${e.effectiveOn}; its open work passes to ${e.to}` };
    case 'ObjectionWindowClosed': return { zh: '异议期满，未提出异议，不予立案', en: 'the objection window closed with no objection' };
    case 'ProposalConvertedToReport': return { zh: `转社情民意，理由：${e.reason}`, en: `turned into a report by ${by}: ${e.reason}` };
    case 'MergedProposalJoined': return { zh: `第${e.number}号提案并入，提案人 ${e.proposers.map((p) => p.name).join('、')} 同收答复`, en: `No. ${e.number} merged in: ${e.proposers.map((p) => p.name).join(', ')} receive the reply` };
    case 'ProposalAssigned': { const a = assignmentText(e.assignment); const az = assignmentText(e.assignment, n); return { zh: `交办：${az.zh}`, en: `assigned: ${a.en}` }; }
    case 'ProposalReassigned': { const a = assignmentText(e.assignment); const az = assignmentText(e.assignment, n); return { zh: `应 ${n(e.unitId)} 异议调整交办：${az.zh}，理由：${e.reason}`, en: `reassigned on ${e.unitId}'s request: ${a.en}; reason: ${e.reason}` }; }
    case 'ReassignmentRequested': return { zh: `${n(e.unitId)} 提出交办异议：${e.reason}`, en: `${e.unitId} asked for reassignment: ${e.reason}` };
    case 'ReassignmentRefused': return { zh: `维持 ${n(e.unitId)} 的交办，理由：${e.reason}`, en: `${e.unitId} kept on the proposal: ${e.reason}` };
    case 'OpinionSubmitted': return { zh: `${n(e.unitId)} 向 ${n(e.leadUnitId)} 提交会办意见`, en: `${e.unitId} sent its opinion to ${e.leadUnitId}` };
    case 'ProposerContacted': return { zh: `${n(e.unitId)} ${ZH_PHASE[e.contact.phase]}（${ZH_FORM[e.contact.form]}）`, en: `${e.unitId} contacted the proposers (${e.contact.phase}, ${e.contact.form})` };
    case 'ReplyDrafted': {
      const silent = e.withoutOpinionsOf?.length ? { zh: `；${e.withoutOpinionsOf.map(n).join('、')} 逾期未提交会办意见`, en: `; without the overdue opinion of ${e.withoutOpinionsOf.join(', ')}` } : { zh: '', en: '' };
      return {
        zh: `${byZh} 草拟答复 ${e.draft.documentNumber}：${e.draft.replyClass}类，承诺事项 ${e.draft.commitments.length} 项${silent.zh}`,
        en: `${by} drafted reply ${e.draft.documentNumber}: class ${e.draft.replyClass}, ${e.draft.commitments.length} commitment(s)${silent.en}`,
      };
    }
    case 'DraftCountersigned': return e.signer
      ? { zh: `${n(e.unitId)} 会签 ${n(e.leadUnitId)} 的答复稿，作为联合答复单位由${e.signer.title}签发`, en: `${e.unitId} countersigned ${e.leadUnitId}'s draft and, co-issuing it, ${e.signer.title} signed` }
      : { zh: `${n(e.unitId)} 会签 ${n(e.leadUnitId)} 的答复稿`, en: `${e.unitId} countersigned ${e.leadUnitId}'s draft` };
    case 'DraftChangesRequested': return { zh: `${n(e.unitId)} 要求修改答复稿：${e.comments}`, en: `${e.unitId} asked for changes: ${e.comments}` };
    case 'CountersignReleased': return { zh: `提案委员会免予 ${n(e.unitId)} 逾期会签，理由：${e.reason}`, en: `the committee released ${e.unitId}'s overdue countersign: ${e.reason}` };
    case 'ReplySubmitted': return { zh: `${n(e.unitId)} 提交答复送审`, en: `${e.unitId} submitted the reply for review` };
    case 'ReplyReturned': return { zh: `答复退回修改：${e.comments}`, en: `reply returned by ${by}: ${e.comments}` };
    case 'ReplyApproved': {
      const cls = e.correctedFrom ? { zh: `，类别由 ${e.correctedFrom} 改为 ${e.replyClass}`, en: `, class corrected ${e.correctedFrom}→${e.replyClass}` } : { zh: `，${e.replyClass}类`, en: `, class ${e.replyClass}` };
      const note = e.comments ? { zh: `；意见：${e.comments}`, en: `; ${e.comments}` } : { zh: '', en: '' };
      return { zh: `审核通过${cls.zh}${note.zh}`, en: `reply approved by ${by}${cls.en}${note.en}` };
    }
    case 'ReplyIssued': {
      const co = e.coIssuers ?? [];
      return {
        zh: `${[e.unitId, ...co.map((c) => c.unitId)].map(n).join('、')} ${co.length > 0 ? '联合答复' : '答复'} ${e.documentNumber}（${e.replyClass}类），${[e.signer, ...co.map((c) => c.signer)].map((s) => s.title).join('、')}签发`,
        en: `reply ${e.documentNumber} issued (class ${e.replyClass})${co.length > 0 ? ` jointly with ${co.map((c) => c.unitId).join(', ')}` : ''}, signed by ${[e.signer, ...co.map((c) => c.signer)].map((s) => s.title).join(', ')}`,
      };
    }
    case 'ReplyEvaluated': return { zh: `${n(e.proposerId)} 评价：${RATING_NAME_ZH[e.rating]}${e.comments ? `（${e.comments}）` : ''}`, en: `rated ${e.rating} by ${e.proposerId}${e.comments ? ` (${e.comments})` : ''}` };
    case 'EvaluationConcluded': return { zh: `评价结束${e.windowClosed ? '（评价期满）' : ''}：${ZH_OUTCOME[e.outcome]}`, en: `evaluation concluded → ${e.outcome}${e.windowClosed ? ' (window closed)' : ''}` };
    case 'RehandlingDecided': return e.decision === 'sendBack'
      ? { zh: `提案委员会退回 ${n(e.unitId)} 重新办理：${e.note}`, en: `the committee sent ${e.unitId}'s reply back for re-handling: ${e.note}` }
      : { zh: `提案委员会认可评价，不再重办：${e.note}`, en: `the committee accepted the rating without re-handling: ${e.note}` };
    case 'ConsultationHeld': return { zh: `当面协商：${e.summary}`, en: `consultation held: ${e.summary}` };
    case 'FollowUpReported': return { zh: `${byZh} 报告承诺 ${e.commitmentNo}：${e.done ? '已完成' : '进展'}——${e.progress}`, en: `${by} reported commitment ${e.commitmentNo}: ${e.done ? 'delivered' : 'progress'}: ${e.progress}` };
    case 'CommitmentDeclaredUndeliverable': return { zh: `${byZh} 说明承诺 ${e.commitmentNo} 无法兑现：${e.reason}`, en: `${by} declared commitment ${e.commitmentNo} undeliverable: ${e.reason}` };
    case 'CommitmentClosed': return e.by.role === 'clock'
      ? { zh: `承诺 ${e.commitmentNo} 跟踪期满失效（旧规则）`, en: `commitment ${e.commitmentNo} lapsed by the clock at the follow-up limit (legacy rules)` }
      : { zh: `提案委员会认可承诺 ${e.commitmentNo} 无法兑现：${e.reason}`, en: `the committee accepted commitment ${e.commitmentNo} as undeliverable: ${e.reason}` };
    case 'UndeliverableRejected': return { zh: `提案委员会不认可承诺 ${e.commitmentNo} 无法兑现：${e.reason}`, en: `the committee rejected the declaration on commitment ${e.commitmentNo}: ${e.reason}` };
    case 'AnnualSummarySubmitted': return { zh: `${n(e.unitId)} 提交 ${e.year} 年度承诺落实情况总结`, en: `${e.unitId} sent its ${e.year} annual summary` };
    case 'LookBackRecorded': return { zh: `提案委员会回头看：${e.summary}`, en: `the committee's look back: ${e.summary}` };
    case 'ReplyDeadlineExtended': return { zh: `答复期限延长 ${e.months} 个月，理由：${e.reason}`, en: `reply deadline extended by ${e.months} month(s) by ${by}: ${e.reason}` };
    case 'ExtensionRequested': return { zh: `${n(e.unitId)} 申请延长答复期限 ${e.months} 个月，理由：${e.reason}`, en: `${e.unitId} asked for ${e.months} more month(s) to reply: ${e.reason}` };
    case 'ExtensionRefused': return { zh: `提案委员会不同意 ${n(e.unitId)} 延期，理由：${e.reason}`, en: `the committee refused ${e.unitId}'s extension: ${e.reason}` };
    case 'AlertRaised': {
      const a = e.alert;
      const what = `${a.dutyKind}${a.commitmentNo ? ` #${a.commitmentNo}` : ''} ${a.unitId ?? a.proposerId ?? ''}`.trim();
      const whatZh = `${n(a.unitId ?? a.proposerId ?? '')} ${DUTY_NAME_ZH[a.dutyKind]}${a.commitmentNo ? ` 第${a.commitmentNo}项` : ''}`.trim();
      if (a.kind === 'warning') return { zh: `⚠ 预警：${whatZh} 将于 ${a.dueDate} 到期`, en: `⚠ warning: ${what} due ${a.dueDate}` };
      if (a.kind === 'overdue') return { zh: `⏰ 逾期：${whatZh} 已于 ${a.dueDate} 到期`, en: `⏰ overdue: ${what} due ${a.dueDate}` };
      return { zh: `⬆ 督办升级至${AUDIENCE_NAME_ZH[a.audience]}：${whatZh}（${a.dueDate} 到期）`, en: `⬆ escalated to ${a.audience}: ${what} due ${a.dueDate}` };
    }
    case 'CalendarYearAdded': return { zh: `载入 ${e.calendarYear.year} 年节假日安排（${byZh}）`, en: `the ${e.calendarYear.year} holiday calendar loaded by ${by}` };
    case 'CalendarYearCorrected': return { zh: `更正 ${e.calendarYear.year} 年节假日安排（${byZh}）`, en: `the ${e.calendarYear.year} holiday calendar corrected by ${by}` };
    case 'ProposalClosed': return { zh: '办结', en: 'proposal closed' };
  }
}

export interface TimelineRow {
  seq: number;
  time: string;
  unit: string;
  /** In Chinese, the committee's language; `whatEn` in English. */
  what: string;
  whatEn: string;
  stage: string;
  nextDue: string;
}

/** The stage and the earliest due date as they stood right after an event: the projection stores them beside it, so a timeline is read without folding the events again. */
export interface TimelineNote {
  stage: string;
  nextDue: string;
}

export function timelineNote(after: ProposalState, policy: HandlingPolicy, at: string): TimelineNote {
  const due = openDuties(after, policy, at)
    .filter((d) => !d.window)
    .reduce<Duty | undefined>((first, d) => (first && first.due.at <= d.due.at ? first : d), undefined);
  return { stage: stageOf(after), nextDue: due ? `${due.kind}${due.unitId ? ` (${due.unitId})` : ''} by ${due.due.date}` : '—' };
}

/** An event's row, with its note. */
export function timelineRow(e: RecordedEvent, note: TimelineNote, policy: HandlingPolicy, name?: Namer): TimelineRow {
  const { zh, en } = describeEvent(e, name);
  return {
    seq: e.seq,
    time: localTime(e.at, policy.calendar.utcOffsetMinutes),
    unit: 'unitId' in e ? e.unitId : e.by.role === 'officer' ? e.by.unitId : e.by.role,
    what: zh,
    whatEn: en,
    ...note,
  };
}

/**
 * One row per event, with the stage and the earliest due date as they stood right after it:
 * the events are folded again with the proposal's policy, the same rules the workflow ran.
 */
export function timelineRows(events: RecordedEvent[], policy: HandlingPolicy, before: ProposalState = initialState(), name?: Namer): TimelineRow[] {
  let state = before;
  return events.map((e) => {
    state = evolve(state, e);
    return timelineRow(e, timelineNote(state, policy, e.at), policy, name);
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
