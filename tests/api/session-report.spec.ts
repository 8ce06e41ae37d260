/**
 * The committee's paperwork for a session: the handling report as a workbook whose figures are
 * the ones `GET /supervision/stats` gives for the same session, and the 催办通知书 a unit's head
 * receives when a duty's escalation reaches them. One session: proposal 202 on the real rules,
 * closed, and a second proposal on compressed time whose co-handler stays silent.
 */
import ExcelJS from 'exceljs';
import { requestFor } from '../../apps/api/src/proposals/actions';
import { DUTY_STATUS } from '../../apps/api/src/supervision/session-report';
import { compressedPolicy } from '../../seeds/policy';
import { referenceCase } from '../../seeds/reference-case';
import { referenceSteps } from '../../seeds/reference-steps';
import { pdfText } from '../support/documents';
import { http, useStack, waitFor } from '../support/api';
import { startProposal } from '../support/proposals';

const ctx = useStack();
const base = referenceCase();
const session = { ...base.intake.session, id: 'smx-report' };
const c202 = { ...base, intake: { ...base.intake, session } };

const get = (path: string, as: string) => fetch(`${ctx.current.base}${path}`, { headers: { authorization: `Bearer ${ctx.current.token(as)}` } });

test("the session's report equals its statistics, and a silent co-handler's head gets a 催办通知书", async () => {
  const filed = await http(ctx.current, 'POST', '/proposals', { as: 'committee-clerk', body: c202.intake });
  const id = filed.body.proposalId;
  for (const step of referenceSteps(c202, () => new Date(Date.now() - 1000).toISOString())) {
    const { action, body, principalId } = requestFor(step.command);
    expect([step.label, (await http(ctx.current, 'POST', `/proposals/${id}/${action}`, { as: principalId, body })).status]).toEqual([step.label, 200]);
  }
  // The second proposal: the Science Bureau's opinion falls due in 8 s and reaches its head 3 s later.
  const silent = await startProposal(ctx.current.env.client, { ...c202.intake, number: 8203, title: '关于加快建设区域科技创新中心的提案' }, compressedPolicy());
  await http(ctx.current, 'POST', `/proposals/${silent.workflowId}/registration`, { as: 'committee-clerk', body: { review: { outcome: 'register' } } });
  await http(ctx.current, 'POST', `/proposals/${silent.workflowId}/assignment`, { as: 'committee-clerk', body: { assignment: c202.assignment } });
  const feed = await waitFor(
    () => http(ctx.current, 'GET', '/alerts', { as: 'stb-officer' }),
    (r) => r.body.items?.some((a: { audience: string }) => a.audience === 'unitHead'),
    30_000,
  );

  // 催办通知书: for the unit's officers and the committee, of an alert that reached the head only.
  const toHead = feed.body.items.find((a: { audience: string }) => a.audience === 'unitHead');
  const notice = await get(`/alerts/${toHead.id}/notice.pdf`, 'stb-officer');
  expect([notice.status, notice.headers.get('content-type')]).toEqual([200, 'application/pdf']);
  const text = pdfText(Buffer.from(await notice.arrayBuffer())).replace(/\s+/g, '');
  expect(text).toContain('催办通知书');
  expect(text).toContain('三门峡市科技局主要负责同志');
  expect(text).toContain('第8203号提案《关于加快建设区域科技创新中心的提案》，会办意见应于');
  expect(text).toContain('政协三门峡市委员会提案委员会');
  expect((await get(`/alerts/${toHead.id}/notice.pdf`, 'committee-clerk')).status).toBe(200);
  expect((await get(`/alerts/${toHead.id}/notice.pdf`, 'drc-officer')).status).toBe(404);
  const warning = feed.body.items.find((a: { kind: string }) => a.kind === 'warning');
  expect((await get(`/alerts/${warning.id}/notice.pdf`, 'stb-officer')).status).toBe(404);

  // The report and the statistics, read side by side: the opinion now counts as due and undone.
  const stats = (await http(ctx.current, 'GET', `/supervision/stats?session=${session.id}`, { as: 'committee-clerk' })).body;
  const res = await get(`/supervision/report.xlsx?session=${session.id}`, 'committee-clerk');
  expect([res.status, res.headers.get('content-type')]).toEqual([200, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await res.arrayBuffer()) as ArrayBuffer);

  const summary = book.getWorksheet('汇总')!;
  expect(summary.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  const headers = (summary.getRow(1).values as unknown[]).slice(1) as string[];
  expect(headers.slice(0, 4)).toEqual(['单位', '单位编号', '交办件数', '已答复']);
  expect(String(summary.getCell(1, headers.indexOf('办复率') + 1).note)).toContain('办复率: first replies issued by their due date');
  const figures = Object.keys(stats.rows[0]).filter((k) => k !== 'sessionId' && k !== 'unitId');
  const cells = (row: number) => figures.map((_, j) => summary.getCell(row, 3 + j).value ?? null);
  expect(stats.rows.map((r: { unitId: string }) => r.unitId)).toEqual(['smx-drc', 'smx-stb']);
  stats.rows.forEach((r: Record<string, unknown>, i: number) => {
    expect(summary.getCell(i + 2, 2).value).toBe(r.unitId);
    expect(cells(i + 2)).toEqual(figures.map((k) => r[k]));
  });
  const totalRow = stats.rows.length + 2;
  expect(summary.getCell(totalRow, 1).value).toBe('合计');
  expect(cells(totalRow)).toEqual(figures.map((k) => stats.totals[0][k]));
  // Rates as percentages of numbers, not text.
  expect(summary.getColumn(headers.indexOf('按时办结率') + 1).numFmt).toBe('0.0%');

  // Each unit's sheet: every proposal given to it, each duty's status adding up to its figures.
  (stats.rows as { unitId: string; assigned: number; dutiesDue: number; dutiesOnTime: number }[]).forEach((r, i) => {
    const sheet = book.worksheets[i + 1]!;
    const rows = sheet.getSheetValues().slice(2).filter(Boolean) as unknown[][];
    const status = (sheet.getRow(1).values as string[]).indexOf('是否按时');
    const count = (s: string) => rows.filter((row) => row[status] === s).length;
    expect(new Set(rows.map((row) => row[1])).size).toBe(r.assigned);
    expect(count(DUTY_STATUS.onTime)).toBe(r.dutiesOnTime);
    expect(count(DUTY_STATUS.onTime) + count(DUTY_STATUS.late) + count(DUTY_STATUS.undone)).toBe(r.dutiesDue);
    // Dates are dates.
    expect(rows.find((row) => row[1] === 202)![5]).toBeInstanceOf(Date);
  });
  expect(book.worksheets.map((s) => s.name)).toEqual(['汇总', '三门峡市发展和改革委员会', '三门峡市科技局']);
  // The list by due date: the proposal owing a duty first, the closed one (owing nothing) last.
  const byDue = (await http(ctx.current, 'GET', `/proposals?session=${session.id}&sort=due`, { as: 'committee-clerk' })).body.items as { number: number; nextDueAt: string | null }[];
  expect(byDue.map((p) => [p.number, p.nextDueAt === null])).toEqual([[8203, false], [202, true]]);
  // A page's history without Temporal's own events.
  const light = (await http(ctx.current, 'GET', `/proposals/${id}/history?raw=false`, { as: 'committee-clerk' })).body;
  expect([light.timeline.length > 0, 'temporal' in light]).toEqual([true, false]);
  // People read units and people by name: 交办：主办 三门峡市发展和改革委员会…
  expect(light.timeline.map((r: { what: string }) => r.what)).toContain('交办：主办 三门峡市发展和改革委员会，会办 三门峡市科技局');
  // The page's bands: the duties done, each with when it began, was due and was done.
  const settled = (await http(ctx.current, 'GET', `/proposals/${id}`, { as: 'committee-clerk' })).body.settled as { kind: string; startedAt: string; dueAt: string; doneAt: string | null }[];
  expect(settled.find((d) => d.kind === 'reply')).toEqual(expect.objectContaining({ startedAt: expect.any(String), dueAt: expect.any(String), doneAt: expect.any(String) }));
  // The sessions the overview offers, the latest filed first.
  const sessions = (await http(ctx.current, 'GET', '/supervision/sessions', { as: 'committee-clerk' })).body as { id: string; proposals: number }[];
  expect(sessions.find((x) => x.id === session.id)).toEqual(expect.objectContaining({ name: session.name, proposals: 2 }));
  expect((await http(ctx.current, 'GET', '/supervision/sessions', { as: 'drc-officer' })).status).toBe(403);

  // The same session at a glance, as the console's 总览 shows it.
  const glance = (await http(ctx.current, 'GET', `/supervision/overview?session=${session.id}`, { as: 'committee-clerk' })).body;
  expect(glance.byStage).toEqual(expect.arrayContaining([{ stage: 'closed', count: 1 }, { stage: 'drafting', count: 1 }]));
  expect(glance.byUnit).toEqual([{ unitId: 'smx-drc', count: 2 }, { unitId: 'smx-stb', count: 2 }]);
  expect(glance.overdue).toBeGreaterThanOrEqual(1);
  const weeks = glance.weekly as { assigned: number; replied: number; closed: number }[];
  expect(weeks.reduce((n, w) => [n[0]! + w.assigned, n[1]! + w.replied, n[2]! + w.closed], [0, 0, 0])).toEqual([2, 1, 1]);
  expect((await get(`/supervision/report.xlsx?session=no-such-session`, 'committee-clerk')).status).toBe(404);
  expect((await get(`/supervision/report.xlsx?session=${session.id}`, 'drc-officer')).status).toBe(403);
  await silent.terminate('test done');
}, 120_000);
