/**
 * 智能交办 through the API: a proposal with no precedent is suggested the unit whose
 * responsibilities name its matter; once proposals on a matter have been assigned, the next one
 * on it is suggested their final lead (learnt as the assignments are projected, no training
 * step), with those proposals as the reason. A suggestion assigns nothing. Committee only.
 */
import ExcelJS from 'exceljs';
import { referenceCase } from '../../seeds/reference-case';
import { http, useStack, waitFor } from '../support/api';

const c = referenceCase();
const ctx = useStack();

const file = async (number: number, title: string, content: string) => {
  const res = await http(ctx.current, 'POST', '/proposals', { as: 'committee-clerk', body: { ...c.intake, number, title, content } });
  expect(res.status).toBe(201);
  return res.body.proposalId as string;
};
const suggestions = (id: string) => http(ctx.current, 'GET', `/proposals/${id}/unit-suggestions`, { as: 'committee-clerk' });

test("a unit's own responsibilities rank it; assigned precedents rank their final lead, with the reasons", async () => {
  const education = '拟订教育发展规划；统筹学前教育、义务教育和职业教育发展；负责教师队伍建设和教师资格管理；指导学校心理健康教育和校园安全。';
  const put = await http(ctx.current, 'PUT', '/directory/units/smx-edu', { as: 'committee-clerk', body: { name: '三门峡市教育局', kind: 'bureau', responsibilities: education } });
  expect(put.status).toBe(200);

  // No precedent: the unit whose responsibilities name the matter.
  const teachers = await file(3721, '关于加强乡村教师队伍建设的提案', '乡村学校教师流失严重，建议完善乡村教师补助和职称评聘倾斜政策，加强教师培训，保障义务教育阶段师资。');
  const first = await waitFor(() => suggestions(teachers), (r) => r.status === 200);
  expect(first.body.lead[0]).toMatchObject({ unitId: 'smx-edu', precedents: [] });
  expect(first.body.lead[0].responsibilityWords).toEqual(expect.arrayContaining(['义务教育', '教师队伍']));

  // Two proposals on 氢能 assigned to the Science Bureau as lead, the DRC co-handling.
  const matter = '建议依托龙头企业建设氢能产业园，布局加氢站，开展氢燃料电池重卡示范运营，设立氢能产业专项资金。';
  for (const number of [3722, 3723]) {
    const id = await file(number, `关于发展氢能产业的提案（${number}）`, matter);
    expect((await http(ctx.current, 'POST', `/proposals/${id}/registration`, { as: 'committee-clerk', body: { review: { outcome: 'register' } } })).status).toBe(200);
    expect((await http(ctx.current, 'POST', `/proposals/${id}/assignment`, { as: 'committee-clerk', body: { assignment: { mode: 'joint', lead: 'smx-stb', coHandlers: ['smx-drc'] } } })).status).toBe(200);
  }
  const next = await file(3724, '关于加快氢能示范应用的建议', '建议推进加氢站建设和氢燃料电池重卡示范运营，支持氢能产业园招引龙头企业。');
  const learnt = await waitFor(() => suggestions(next), (r) => r.status === 200 && r.body.lead[0]?.precedents.length === 2);
  expect(learnt.body.lead[0]).toMatchObject({ unitId: 'smx-stb', unitName: '三门峡市科技局' });
  expect(learnt.body.lead[0].precedents.map((p: { number: number }) => p.number).sort()).toEqual([3722, 3723]);
  expect(learnt.body.coHandlers[0]).toMatchObject({ unitId: 'smx-drc' });
  expect(learnt.body.coHandlers.map((s: { unitId: string }) => s.unitId)).not.toContain('smx-stb');
  // Nothing was assigned by asking.
  expect((await http(ctx.current, 'GET', `/proposals/${next}`, { as: 'committee-clerk' })).body.state.status).toBe('filed');

  // The 交办会's plan to fill in: the suggestion and its reason beside the row, the decision columns blank.
  const res = await fetch(`${ctx.current.base}/batches/plan.xlsx?session=${c.intake.session.id}`, { headers: { authorization: `Bearer ${ctx.current.token('committee-clerk')}` } });
  expect(res.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);
  const sheet = book.getWorksheet('交办方案')!;
  const header = (sheet.getRow(1).values as string[]).slice(1);
  expect(header).toEqual(['提案号', '案由', '当前状态', '审查结果', '理由', '并入提案号', '主办单位', '会办单位', '分办单位', '建议主办单位', '建议会办单位', '建议理由', '可并案提案']);
  const rows = sheet.getSheetValues().slice(2).map((r) => Object.fromEntries(header.map((h, i) => [h, (r as unknown[])[i + 1] ?? ''])));
  const row = rows.find((r) => r['提案号'] === 3724)!;
  expect(row).toMatchObject({ 当前状态: '待审查', 审查结果: '', 主办单位: '' });
  expect(String(row['建议主办单位'])).toMatch(/^三门峡市科技局（\d+%）/);
  expect(String(row['建议理由'])).toContain('三门峡市科技局主办过相似提案');
  // Assigned proposals are no longer to decide.
  expect(rows.map((r) => r['提案号'])).not.toContain(3722);

  expect((await suggestions('proposal-none')).status).toBe(404);
  expect((await http(ctx.current, 'GET', `/proposals/${next}/unit-suggestions`, { as: 'drc-officer' })).status).toBe(403);
});
