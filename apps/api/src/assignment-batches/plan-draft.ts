/**
 * The assignment plan's draft for the 交办会: a row for each proposal of the session still to be
 * reviewed or assigned, its decision columns left for the committee (the columns the plan's
 * upload reads, plan-rows.ts), and beside them what 智能交办 suggests and which proposals 查重
 * offers to merge with — each with its reason. A suggestion fills no decision.
 */
import ExcelJS from 'exceljs';
import type { Pool } from 'pg';
import { rankSimilar } from '../../../common/similar-proposals';
import { isMergeCandidate } from '../../../common/similarity';
import { suggestUnits } from '../../../common/unit-suggestions';

/** The columns the committee fills, as the upload reads them; then those it reads from. */
const DECISIONS = ['审查结果', '理由', '并入提案号', '主办单位', '会办单位', '分办单位'];

export async function planDraft(pool: Pool, sessionId: string): Promise<{ file: Buffer; title: string; rows: number } | undefined> {
  const { rows: proposals } = await pool.query<{ id: string; number: number; title: string; status: string; session_name: string | null }>(
    `select id, number, title, status, summary->>'sessionName' as session_name from proposals
     where session_id = $1 and status in ('filed', 'registered') order by number`,
    [sessionId],
  );
  if (proposals.length === 0) return undefined;
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('交办方案');
  sheet.columns = [
    { header: '提案号', key: 'number', width: 8 },
    { header: '案由', key: 'title', width: 40 },
    { header: '当前状态', key: 'status', width: 10 },
    ...DECISIONS.map((h) => ({ header: h, key: h, width: 14 })),
    { header: '建议主办单位', key: 'lead', width: 24 },
    { header: '建议会办单位', key: 'co', width: 30 },
    { header: '建议理由', key: 'why', width: 50 },
    { header: '可并案提案', key: 'merge', width: 30 },
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1, xSplit: 2 }];
  for (const p of proposals) {
    const suggested = await suggestUnits(pool, p.id);
    const similar = await rankSimilar(pool, p.id);
    const lead = suggested?.lead[0];
    const candidates = (similar?.ranked ?? []).filter(({ row, likeness }) => row.session_id === sessionId && isMergeCandidate(likeness));
    sheet.addRow({
      number: p.number,
      title: p.title,
      status: p.status === 'filed' ? '待审查' : '已立案',
      lead: suggested?.lead.map((s) => `${s.unitName}（${Math.round(s.score * 100)}%）`).join('、') ?? '',
      co: suggested?.coHandlers.map((s) => s.unitName).join('、') ?? '',
      why: lead
        ? [lead.precedents.length ? `${lead.unitName}主办过相似提案${lead.precedents.map((x) => `${x.sessionName ?? ''}第${x.number}号`).join('、')}` : '', lead.responsibilityWords.length ? `职责相符：${lead.responsibilityWords.join('、')}` : ''].filter(Boolean).join('；')
        : '',
      merge: candidates.map(({ row, likeness }) => `第${row.number}号（${likeness.nearCopy ? '近似全文' : `相似度${Math.round(likeness.score * 100)}%`}）`).join('、'),
    });
  }
  return { file: Buffer.from(await book.xlsx.writeBuffer()), title: `${proposals[0]!.session_name ?? sessionId}交办方案（草案）`, rows: proposals.length };
}
