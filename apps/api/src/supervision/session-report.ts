/**
 * The committee's handling report for a session as a workbook: a summary sheet with each unit's
 * figures and the session's total (the very rows `GET /supervision/stats` answers, each definition
 * in a note on its header), and a sheet per unit listing every proposal it was given with each
 * duty it owes, its due date, when it was done and whether on time. Numbers are numbers, dates are
 * dates (Beijing time), headers are frozen.
 */
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { assignedUnits, unitRole } from '../../../../workflows/domain/roles';
import type { ProposalSummary } from '../../../../workflows/domain/summary';
import { DUTY_NAME_ZH, RATING_NAME_ZH, ROLE_NAME_ZH } from '../../../../workflows/domain/chinese-names';
import { ON_TIME_DUTIES } from '../../../../workflows/domain/vocabulary';
import type { SessionTotalsSchema, UnitStatsSchema } from '../contracts';
import { UnitStatsSchema as Definitions } from '../contracts';
import { chinaDate } from '../documents/official-document';

type UnitFigures = z.infer<typeof UnitStatsSchema>;
type Totals = z.infer<typeof SessionTotalsSchema>;
type Figure = Exclude<keyof UnitFigures, 'sessionId' | 'unitId'>;

export interface SessionReportInput {
  sessionName: string;
  asOf: string;
  summaries: ProposalSummary[];
  rows: UnitFigures[];
  totals: Totals | undefined;
  unitName: (id: string) => string;
}

/** The summary sheet's figures in order, with their headers (every figure the statistics answer); rates are shown as percentages. */
const FIGURE_NAMES: Record<Figure, string> = {
  assigned: '交办件数',
  replied: '已答复',
  repliedOnTime: '按期答复',
  replyRate: '办复率',
  dutiesDue: '应办事项',
  dutiesOnTime: '按时办结',
  onTimeRate: '按时办结率',
  rated: '已测评',
  satisfactionRate: '满意率',
  firstReplySatisfactionRate: '首次答复满意率',
  contactRate: '沟通率',
  meetingRate: '见面率',
  commitmentsOpen: '承诺·跟踪中',
  commitmentsDelivered: '承诺·已兑现',
  commitmentsOverdue: '承诺·逾期',
  commitmentsUndeliverable: '承诺·无法兑现',
  keyProposals: '重点提案',
  keyRepliedOnTime: '重点提案·按期答复',
  publicationDecided: '答复公开·已决定',
  published: '答复公开·已公开',
};
const FIGURES = Object.entries(FIGURE_NAMES) as [Figure, string][];
const RATES = new Set<Figure>(['replyRate', 'onTimeRate', 'satisfactionRate', 'firstReplySatisfactionRate', 'contactRate', 'meetingRate']);
export const DUTY_STATUS = { onTime: '按时', late: '逾期办结', undone: '逾期未办', pending: '未到期' } as const;

/** A due instant is the start of the day after the due date. */
const dueDate = (at: string) => chinaDate(new Date(Date.parse(at) - 1));
/** A date cell: midnight UTC of the Beijing date, so Excel shows that date whatever the reader's zone. */
const day = (date: string | null) => (date ? new Date(`${date}T00:00:00Z`) : null);

/** A sheet's header row: bold, the first column and the header frozen. */
export function header(sheet: ExcelJS.Worksheet, titles: string[], widths: number[]) {
  sheet.columns = titles.map((t, i) => ({ header: t, width: widths[i] ?? 12 }));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', xSplit: 1, ySplit: 1 }];
}

function summarySheet(book: ExcelJS.Workbook, input: SessionReportInput) {
  const sheet = book.addWorksheet('汇总');
  header(sheet, ['单位', '单位编号', ...FIGURES.map(([, t]) => t)], [28, 14]);
  FIGURES.forEach(([key], i) => {
    const column = sheet.getColumn(i + 3);
    column.numFmt = RATES.has(key) ? '0.0%' : '0';
    const description = Definitions.shape[key].description;
    if (description) sheet.getRow(1).getCell(i + 3).note = description;
  });
  for (const r of input.rows) sheet.addRow([input.unitName(r.unitId), r.unitId, ...FIGURES.map(([key]) => r[key])]);
  if (input.totals) {
    const total = sheet.addRow(['合计', '', ...FIGURES.map(([key]) => input.totals![key])]);
    total.font = { bold: true };
    total.getCell(1).note = 'The sum of the units’ counts (a proposal counts once for each unit it was assigned to), each rate worked out from the summed counts.';
  }
  sheet.addRow([]);
  sheet.addRow([`${input.sessionName} 提案办理情况统计，截至 ${chinaDate(input.asOf)}（北京时间）。各项定义见表头批注。`]);
}

function unitSheet(book: ExcelJS.Workbook, input: SessionReportInput, unitId: string, taken: Set<string>) {
  // Excel allows 31 characters and none of []:*?/\ in a sheet name, each name once.
  let name = input.unitName(unitId).replace(/[[\]:*?/\\]/g, '').slice(0, 31) || unitId;
  if (taken.has(name)) name = `${name.slice(0, 31 - unitId.length - 1)}-${unitId}`.slice(0, 31);
  taken.add(name);
  const sheet = book.addWorksheet(name);
  header(sheet, ['提案号', '案由', '领衔人', '承办方式', '交办日期', '事项', '期限', '办结日期', '是否按时', '答复日期', '答复类别', '满意度'], [8, 40, 10, 10, 12, 24, 12, 12, 10, 12, 10, 10]);
  for (const c of [5, 7, 8, 10]) sheet.getColumn(c).numFmt = 'yyyy-mm-dd';
  const asOf = Date.parse(input.asOf);
  const mine = input.summaries.filter((s) => s.assignment && assignedUnits(s.assignment).includes(unitId)).sort((a, b) => a.number - b.number);
  for (const s of mine) {
    const a = s.assignment!;
    const role = ROLE_NAME_ZH[unitRole(a, unitId)!];
    const reply = s.replies.find((r) => r.unitId === unitId);
    const proposal = [s.number, s.title, s.proposers.find((p) => p.leadSigner)?.name ?? s.proposers[0]?.name ?? '', role, day(s.assignedAt && chinaDate(s.assignedAt))];
    const tail = [day(reply?.firstIssuedAt ? chinaDate(reply.firstIssuedAt) : null), reply?.replyClass ?? '', reply?.rating ? RATING_NAME_ZH[reply.rating] : ''];
    const counted = (d: { kind: (typeof ON_TIME_DUTIES)[number]; unitId: string | null }) => d.unitId === unitId && ON_TIME_DUTIES.includes(d.kind);
    const duties = [
      ...s.duties.settled.filter(counted).map((d) => ({ ...d, status: d.doneAt === null ? DUTY_STATUS.undone : Date.parse(d.doneAt) < Date.parse(d.dueAt) ? DUTY_STATUS.onTime : DUTY_STATUS.late })),
      ...s.duties.open.filter(counted).map((d) => ({ ...d, doneAt: null, status: Date.parse(d.dueAt) <= asOf ? DUTY_STATUS.undone : DUTY_STATUS.pending })),
    ].sort((x, y) => Date.parse(x.dueAt) - Date.parse(y.dueAt));
    if (duties.length === 0) sheet.addRow([...proposal, '', null, null, '', ...tail]);
    for (const d of duties) sheet.addRow([...proposal, DUTY_NAME_ZH[d.kind], day(dueDate(d.dueAt)), day(d.doneAt && chinaDate(d.doneAt)), d.status, ...tail]);
  }
}

export async function sessionReport(input: SessionReportInput): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '提案办理系统';
  book.created = new Date(input.asOf);
  summarySheet(book, input);
  const taken = new Set(['汇总']);
  for (const r of input.rows) unitSheet(book, input, r.unitId, taken);
  return Buffer.from(await book.xlsx.writeBuffer());
}
