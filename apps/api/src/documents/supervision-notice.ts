/**
 * 催办通知书: the committee's notice to a unit's head that a duty is overdue, sent when the
 * escalation ladder reaches the head (DOMAIN.md, Deadlines and alerts), as an official document.
 */
import { DUTY_NAME_ZH, type DutyKind } from '../../../../workflows/domain/vocabulary';
import { type Block, chinaDate, documentDate } from './official-document';

export interface NoticeFacts {
  /** The alert's number in the outbox: the notice's serial. */
  serial: string;
  /** 中国人民政治协商会议三门峡市委员会 */
  committee: string;
  sessionName: string;
  number: number;
  title: string;
  unitName: string;
  dutyKind: DutyKind;
  commitmentNo: number | null;
  dueDate: string;
  /** When the alert was raised, as a date in Asia/Shanghai. */
  raisedOn: string;
}

/** The notice's facts from an alert that reached a unit's head and the proposal it is about. */
export function noticeFacts(
  alert: { id: string; dutyKind: string; commitmentNo: number | null; dueDate: string; raisedAt: string | Date },
  proposal: { committee: string; sessionName: string; number: number; title: string },
  unitName: string,
): NoticeFacts {
  return { serial: alert.id, ...proposal, unitName, dutyKind: alert.dutyKind as DutyKind, commitmentNo: alert.commitmentNo, dueDate: alert.dueDate, raisedOn: chinaDate(alert.raisedAt) };
}

export function supervisionNotice(f: NoticeFacts): Block[] {
  const office = `${f.committee.replace(/^中国人民政治协商会议/, '政协')}提案委员会`;
  const duty = f.commitmentNo ? `第${f.commitmentNo}项承诺的${DUTY_NAME_ZH[f.dutyKind].replace(/^承诺事项/, '')}` : DUTY_NAME_ZH[f.dutyKind];
  return [
    { kind: 'issuer', text: office },
    { kind: 'number', text: `提催〔${f.raisedOn.slice(0, 4)}〕${f.serial}号` },
    { kind: 'title', text: '催办通知书' },
    { kind: 'salutation', text: `${f.unitName}主要负责同志：` },
    {
      kind: 'body',
      text: `你单位承办的${f.sessionName}第${f.number}号提案《${f.title}》，${duty}应于${documentDate(f.dueDate)}前办结，截至${documentDate(f.raisedOn)}仍未办结，经办人已收到逾期提醒。`,
    },
    { kind: 'body', text: '请你单位主要负责同志亲自督促，尽快办结，并将办理情况和逾期原因书面报送市政协提案委员会。逾期仍未办结的，将予以通报，并纳入年度提案办理工作考核。' },
    { kind: 'signature', text: office },
    { kind: 'signature', text: documentDate(f.raisedOn) },
  ];
}
