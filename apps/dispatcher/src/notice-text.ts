/**
 * What a notice says, in Chinese: an alert or a 每日待办 digest as an email (subject, text and
 * HTML) and as an SMS within the 70 characters one message carries (signature included). Written
 * once, when the notice is made, so a retried delivery sends the very words of the first try.
 */
import { ALERT_KIND_ZH, DUTY_NAME_ZH } from '../../../workflows/domain/chinese-names';
import type { AlertKind, DutyKind } from '../../../workflows/domain/vocabulary';
import { documentDate } from '../../api/src/documents/official-document';

export interface AlertFacts {
  kind: AlertKind;
  level: number;
  dutyKind: DutyKind;
  commitmentNo: number | null;
  dueDate: string;
  number: number;
  title: string;
  sessionName: string;
  /** The unit that owes the duty, by name, or null for a proposer's or the committee's duty. */
  unitName: string | null;
  recipientName: string;
  /** The proposal in the console. */
  link: string;
  /** Who sends: the committee's office by name. */
  sender: string;
  /** A 催办通知书 goes with it (an escalation to a unit's head). */
  withNotice: boolean;
}

export interface DigestItem {
  number: number;
  title: string;
  dutyKind: DutyKind;
  commitmentNo: number | null;
  dueDate: string;
  overdue: boolean;
  link: string;
}

export interface DigestFacts {
  date: string;
  recipientName: string;
  unitName: string;
  items: DigestItem[];
  /** The console's inbox. */
  link: string;
  sender: string;
  /** Due soon: within this many working days. */
  soonDays: number;
}

export interface EmailText {
  subject: string;
  text: string;
  html: string;
}

/** One SMS: 70 characters, the signature (【…】) counted. */
export const SMS_LIMIT = 70;

const duty = (kind: DutyKind, commitmentNo: number | null) => (commitmentNo ? `第${commitmentNo}项${DUTY_NAME_ZH[kind]}` : DUTY_NAME_ZH[kind]);
const shortDate = (isoDate: string) => documentDate(isoDate).replace(/^\d{4}年/, '');
const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const FOOTER = '（本通知由提案办理系统自动发送，请勿直接回复。）';

function what(f: AlertFacts): string {
  const d = duty(f.dutyKind, f.commitmentNo);
  if (f.kind === 'warning') return `“${d}”应于${documentDate(f.dueDate)}前办结，现已临近办理时限，请抓紧办理。`;
  if (f.kind === 'overdue') return `“${d}”应于${documentDate(f.dueDate)}前办结，现已逾期，请尽快办结。`;
  return f.withNotice
    ? `“${d}”应于${documentDate(f.dueDate)}前办结，逾期仍未办结，现按规定提请单位主要负责同志督促办理（第${f.level}级督办），催办通知书见附件。`
    : `“${d}”应于${documentDate(f.dueDate)}前办结，逾期仍未办结，已升级督办（第${f.level}级）。`;
}

export function alertEmail(f: AlertFacts): EmailText {
  const d = duty(f.dutyKind, f.commitmentNo);
  const subject = `【${ALERT_KIND_ZH[f.kind]}】第${f.number}号提案${d}（${documentDate(f.dueDate)}到期）`;
  const facts: [string, string][] = [
    ['提案', `${f.sessionName}第${f.number}号《${f.title}》`],
    ['事项', f.unitName ? `${d}（${f.unitName}）` : d],
    ['办理时限', documentDate(f.dueDate)],
    ['提醒类别', f.kind === 'escalation' ? `${ALERT_KIND_ZH[f.kind]}（第${f.level}级）` : ALERT_KIND_ZH[f.kind]],
  ];
  const opening = `${f.sessionName}第${f.number}号提案《${f.title}》${what(f)}`;
  const text = [`${f.recipientName}：`, '', `　　${opening}`, '', ...facts.map(([k, v]) => `${k}：${v}`), '', `请登录提案办理工作台办理：${f.link}`, '', f.sender, FOOTER].join('\n');
  const html = [
    `<p>${escape(f.recipientName)}：</p>`,
    `<p style="text-indent:2em">${escape(opening)}</p>`,
    `<table cellpadding="4" style="border-collapse:collapse">${facts.map(([k, v]) => `<tr><th align="left" style="white-space:nowrap">${k}</th><td>${escape(v)}</td></tr>`).join('')}</table>`,
    `<p><a href="${escape(f.link)}">在提案办理工作台中办理</a></p>`,
    `<p>${escape(f.sender)}<br><small>${FOOTER}</small></p>`,
  ].join('\n');
  return { subject, text, html };
}

/** The SMS: the signature, the proposal's number, the duty and its due date; the title only as far as it fits. */
export function alertSms(f: AlertFacts, signature: string): string {
  const d = duty(f.dutyKind, f.commitmentNo);
  const tail = { warning: `将于${shortDate(f.dueDate)}到期，请及时办理。`, overdue: `已于${shortDate(f.dueDate)}逾期，请尽快办结。`, escalation: `逾期未办结，已升级督办，请督促办理。` }[f.kind];
  return fitTitle(`${signature}第${f.number}号提案`, f.title, `${d}${tail}`);
}

export function digestEmail(f: DigestFacts): EmailText {
  const overdue = f.items.filter((i) => i.overdue).length;
  const subject = `【每日待办】${f.unitName}有${f.items.length}项提案办理事项${overdue ? `（${overdue}项已逾期）` : ''}待办（${documentDate(f.date)}）`;
  const opening = `${f.unitName}有以下${f.items.length}项提案办理事项将于${f.soonDays}个工作日内到期${overdue ? `或已经逾期（${overdue}项）` : ''}，请及时办理。`;
  const rows = f.items.map((i) => ({ proposal: `第${i.number}号《${i.title}》`, duty: duty(i.dutyKind, i.commitmentNo), due: i.overdue ? `已于${documentDate(i.dueDate)}逾期` : `${documentDate(i.dueDate)}到期`, link: i.link }));
  const text = [`${f.recipientName}：`, '', `　　${opening}`, '', ...rows.map((r, n) => `${n + 1}. ${r.proposal}　${r.duty}　${r.due}\n   ${r.link}`), '', `我的待办：${f.link}`, '', f.sender, FOOTER].join('\n');
  const html = [
    `<p>${escape(f.recipientName)}：</p>`,
    `<p style="text-indent:2em">${escape(opening)}</p>`,
    '<table border="1" cellpadding="6" style="border-collapse:collapse"><tr><th>序号</th><th>提案</th><th>事项</th><th>办理时限</th></tr>',
    ...rows.map((r, n) => `<tr><td>${n + 1}</td><td><a href="${escape(r.link)}">${escape(r.proposal)}</a></td><td>${escape(r.duty)}</td><td>${r.due}</td></tr>`),
    '</table>',
    `<p><a href="${escape(f.link)}">打开我的待办</a></p>`,
    `<p>${escape(f.sender)}<br><small>${FOOTER}</small></p>`,
  ].join('\n');
  return { subject, text, html };
}

export function digestSms(f: DigestFacts, signature: string): string {
  const overdue = f.items.filter((i) => i.overdue).length;
  const earliest = f.items.reduce((a, i) => (i.dueDate < a ? i.dueDate : a), f.items[0]!.dueDate);
  return `${signature}每日待办：您单位有${f.items.length}项提案办理事项待办${overdue ? `，${overdue}项已逾期` : ''}，最早${shortDate(earliest)}到期，请登录工作台办理。`.slice(0, SMS_LIMIT);
}

/** head《title》tail within the limit: the title shortened with an ellipsis, or left out when even one character of it does not fit. */
function fitTitle(head: string, title: string, tail: string): string {
  const room = SMS_LIMIT - head.length - tail.length - 2;
  if (room >= title.length) return `${head}《${title}》${tail}`;
  if (room >= 2) return `${head}《${title.slice(0, room - 1)}…》${tail}`;
  return `${head}${tail}`.slice(0, SMS_LIMIT);
}
