/**
 * 考核表: the session's units ranked, each rate beside the points it earned, the deductions, and
 * the committee's selection; the policy's weights on a sheet of their own. The figures are those
 * GET /supervision/assessment answers.
 */
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import type { AssessmentSchema } from '../contracts';
import { chinaDate } from '../documents/official-document';
import { header } from '../supervision/session-report';

type Assessment = z.infer<typeof AssessmentSchema>;

const RATE_NAMES = { onTimeRate: '按时办结率', satisfactionRate: '满意率', meetingRate: '见面率', publicationRate: '公开率' } as const;
const RATES = Object.entries(RATE_NAMES) as [keyof typeof RATE_NAMES, string][];

function rankingSheet(book: ExcelJS.Workbook, a: Assessment) {
  const sheet = book.addWorksheet('考核排名');
  header(
    sheet,
    ['单位', '排名', '单位编号', '得分', '基础分', ...RATES.flatMap(([, n]) => [n, `${n}得分`]), '督办至考核次数', '逾期未兑现承诺', '扣分'],
    [28, 6, 14, 8, 8],
  );
  RATES.forEach((_, i) => {
    sheet.getColumn(6 + 2 * i).numFmt = '0.0%';
    sheet.getColumn(7 + 2 * i).numFmt = '0.00';
  });
  for (const u of a.units) {
    sheet.addRow([u.unitName, u.rank, u.unitId, u.score, u.base, ...RATES.flatMap(([k]) => [u.rates[k], u.points[k]]), u.escalations, u.commitmentsOverdue, u.deduction]);
  }
  sheet.addRow([]);
  sheet.addRow([`${a.sessionName} 提案办理考核，截至 ${chinaDate(a.asOf)}（北京时间），按《${a.policy.name}》计分。`]);
}

function selectionSheet(book: ExcelJS.Workbook, a: Assessment) {
  const sheet = book.addWorksheet('评选结果');
  header(sheet, ['类别', '提案号或单位', '案由或单位名称', '理由'], [14, 14, 40, 40]);
  const s = a.selection;
  if (!s) {
    sheet.addRow(['尚未评选']);
    return;
  }
  for (const e of s.excellentProposals) sheet.addRow(['优秀提案', e.number, e.title, e.reason]);
  for (const u of s.advancedUnits) sheet.addRow(['先进承办单位', u.unitId, u.unitName, u.reason]);
  sheet.addRow([]);
  sheet.addRow([`第${s.version}版，${s.recordedBy} 记录于 ${chinaDate(s.recordedAt)}`]);
}

function policySheet(book: ExcelJS.Workbook, a: Assessment) {
  const sheet = book.addWorksheet('考核办法');
  header(sheet, ['项目', '分值'], [36, 10]);
  for (const [k, n] of RATES) sheet.addRow([`${n}权重`, a.policy.weights[k]]);
  sheet.addRow(['每次督办至考核扣分', a.policy.deductions.escalation]);
  sheet.addRow(['每项逾期未兑现承诺扣分', a.policy.deductions.commitmentOverdue]);
  sheet.addRow(['扣分上限', a.policy.deductions.cap]);
  sheet.addRow([]);
  sheet.addRow(['某项比率尚无可计（如未答复、未测评）时，其权重按比例分给其余各项。']);
}

export async function assessmentSheet(title: string, a: Assessment): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = '提案办理系统';
  book.title = title;
  book.created = new Date(a.asOf);
  rankingSheet(book, a);
  selectionSheet(book, a);
  policySheet(book, a);
  return Buffer.from(await book.xlsx.writeBuffer());
}
