/**
 * The assignment meeting in one step: a plan applied to a session as one durable batch workflow
 * (review and assignment per row, Update IDs from batch and number), with its progress through
 * the API; faults in the plan named by row and column before anything starts.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { http, useStack, waitFor } from '../support/api';
import { eventsQuery } from '../../workflows/messages';
import { referenceCase } from '../../seeds/reference-case';

const ctx = useStack();
const session = { id: 'smx-8-7', name: '八届七次会议', committee: referenceCase().intake.session.committee };
const b64 = (rows: object[]) => Buffer.from(JSON.stringify(rows)).toString('base64');
const post = (path: string, body: object, key: string | null) => http(ctx.current, 'POST', path, { as: 'committee-clerk', body, key });

test('a plan applied as a batch: each row once, refusals with their reasons, progress as it goes', async () => {
  const proposals = [301, 302, 303, 304, 305, 306, 307, 308].map((n) => ({ 提案号: n, 案由: `关于第${n}号事项的提案`, 提案人: '王凤杰', 类别: '经济建设', 内容: '建议。' }));
  expect((await post('/imports', { session, format: 'json', file: b64(proposals) }, null)).status).toBe(200);
  // Two units of the directory share a name (a district's office and the city's, say).
  for (const id of ['smx-cgj', 'smx-cgj-hb']) expect((await http(ctx.current, 'PUT', `/directory/units/${id}`, { as: 'committee-clerk', body: { name: '城市管理局', kind: 'bureau' } })).status).toBe(200);

  // Every fault a single action would refuse is named, by row and column, and nothing starts.
  const faults = [
    { 提案号: 301, 审查结果: '立案', 主办单位: '火星局' },
    { 提案号: 302, 审查结果: '待定' },
    { 提案号: 398, 审查结果: '立案', 主办单位: 'smx-drc' },
    { 提案号: 303, 审查结果: '并案', 并入提案号: 397, 理由: '内容相近' },
    { 提案号: 304, 审查结果: '并案', 并入提案号: 305, 理由: '内容相近' },
    { 提案号: 305, 审查结果: '不予立案', 理由: '不属于政协提案范围' },
    { 提案号: 306, 审查结果: '立案', 主办单位: '城市管理局' },
    { 提案号: 307, 审查结果: '并案', 并入提案号: 307, 理由: '内容相近' },
    { 提案号: 308, 审查结果: '并案', 并入提案号: 302, 理由: '内容相近' },
  ];
  const faulty = await post('/batches', { session: session.id, format: 'json', file: b64(faults) }, 'faulty-plan-1');
  expect([faulty.status, faulty.body.type]).toEqual([422, 'urn:proposals:problem:plan-has-faults']);
  expect(faulty.body.errors).toEqual([
    { path: 'row 2, 主办单位', message: 'no unit 火星局 in the directory' },
    { path: 'row 3, 审查结果', message: 'must be 立案, 不予立案, 并案 or 转参考' },
    { path: 'row 4, 提案号', message: 'proposal No. 398 has not been filed' },
    { path: 'row 5, 并入提案号', message: 'proposal No. 397 of this session does not exist' },
    { path: 'row 6, 并入提案号', message: 'No. 305 is not registered by this plan (row 7)' },
    { path: 'row 8, 主办单位', message: "城市管理局 names 2 units (smx-cgj, smx-cgj-hb): give the unit's id" },
    { path: 'row 9, 并入提案号', message: 'a proposal is not merged into itself' },
    { path: 'row 10, 并入提案号', message: 'proposal No. 302 is filed, not registered' },
  ]);
  expect((await http(ctx.current, 'GET', `/proposals/proposal-${session.id}-301`, { as: 'committee-clerk' })).body.state.status).toBe('filed');

  // Reviewed already: its row is refused when applied, as the action would be.
  expect((await post(`/proposals/proposal-${session.id}-307/registration`, { review: { outcome: 'notRegister', reason: '不属于政协提案范围' } }, 'review-307')).status).toBe(200);
  const plan = [
    { 提案号: 301, 审查结果: '立案', 主办单位: '三门峡市发展和改革委员会', 会办单位: '三门峡市科技局' },
    { 提案号: 302, 审查结果: '立案', 分办单位: 'smx-drc、smx-stb' },
    { 提案号: 303, 审查结果: '不予立案', 理由: '不属于政协提案范围' },
    { 提案号: 304, 审查结果: '转参考', 理由: '转为社情民意信息' },
    // Into a proposal the same wave registers: applied once it is registered.
    { 提案号: 306, 审查结果: '并案', 并入提案号: 305, 理由: '内容相近' },
    { 提案号: 305, 审查结果: '立案', 主办单位: 'smx-drc' },
    { 提案号: 307, 审查结果: '立案', 主办单位: 'smx-drc' },
  ];
  const view = async (n: number) => (await http(ctx.current, 'GET', `/proposals/proposal-${session.id}-${n}`, { as: 'committee-clerk' })).body.state;
  const started = await post('/batches', { session: session.id, format: 'json', file: b64(plan), perSecond: 20 }, 'meeting-2024-03-21');
  expect([started.status, started.body.total]).toEqual([202, 7]);
  const batchId = started.body.batchId;
  const progress = await waitFor(() => http(ctx.current, 'GET', `/batches/${batchId}`, { as: 'committee-clerk' }), (r) => r.body.finished === true);
  // A second's worth of rows go side by side: done in the order they finished.
  expect(progress.body.done.map((d: { number: number }) => d.number).sort()).toEqual([301, 302, 303, 304, 305, 306]);
  expect(progress.body.refused).toEqual([{ row: 8, number: 307, reason: expect.stringMatching(/^review: /) }]);
  expect(await view(306)).toMatchObject({ status: 'merged', mergedInto: 305 });
  expect(progress.body.remaining).toBe(0);

  // The same request again finds the same batch; nothing is applied twice.
  const again = await post('/batches', { session: session.id, format: 'json', file: b64(plan), perSecond: 20 }, 'meeting-2024-03-21');
  expect(again.body.batchId).toBe(batchId);
  // It is the finished batch that answers, not a second run from its first row.
  const answered = await http(ctx.current, 'GET', `/batches/${batchId}`, { as: 'committee-clerk' });
  expect([answered.body.finished, answered.body.done.length, answered.body.remaining]).toEqual([true, 6, 0]);
  expect(await view(301)).toMatchObject({ status: 'handling', assignment: { mode: 'joint', lead: 'smx-drc', coHandlers: ['smx-stb'] } });
  expect(await view(302)).toMatchObject({ status: 'handling', assignment: { mode: 'separate', units: ['smx-drc', 'smx-stb'] } });
  expect((await view(303)).status).toBe('notRegistered');
  expect((await view(304)).status).toBe('convertedToReport');
  const events = await ctx.current.env.client.workflow.getHandle(`proposal-${session.id}-301`).query(eventsQuery);
  expect(events.map((e) => e.type)).toEqual(['ProposalFiled', 'ProposalRegistered', 'ProposalAssigned']);
  expect((await http(ctx.current, 'GET', `/batches/${batchId}`, { as: 'drc-officer' })).status).toBe(403);
  expect((await http(ctx.current, 'GET', '/batches/no-such-batch', { as: 'committee-clerk' })).status).toBe(404);
});

test('the command-line client: a progress bar while the batch runs, the refused rows at the end, exit status 2', async () => {
  const proposals = [311, 312, 313].map((n) => ({ 提案号: n, 案由: `关于第${n}号事项的提案`, 提案人: '王凤杰', 类别: '经济建设', 内容: '建议。' }));
  expect((await post('/imports', { session, format: 'json', file: b64(proposals) }, null)).status).toBe(200);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-'));
  const plan = path.join(dir, 'plan.csv');
  expect((await post(`/proposals/proposal-${session.id}-313/registration`, { review: { outcome: 'notRegister', reason: '不属于政协提案范围' } }, 'review-313')).status).toBe(200);
  fs.writeFileSync(plan, '提案号,审查结果,理由,主办单位\n311,立案,,三门峡市发展和改革委员会\n313,立案,,smx-drc\n312,不予立案,不属于政协提案范围,\n');
  // Run as a process of its own (the API answers from this one, which must not block).
  const cli = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const args = ['-r', '@swc-node/register', 'apps/assignment-meeting/src/main.ts', '--session', session.id, '--plan', plan, '--per-second', '20', '--api', ctx.current.base];
    const child = execFile(process.execPath, args, { env: { ...process.env, API_TOKEN: ctx.current.token('committee-clerk') }, timeout: 60_000 }, (_err, stdout, stderr) =>
      resolve({ status: child.exitCode, stdout, stderr }),
    );
  });
  expect(cli.stderr).toMatch(/分办进度 \[=+\] 100% \| 3\/3 \| 已交办 2 \| 退回 1/);
  expect(cli.stdout.split('\n').slice(0, 2)).toEqual([expect.stringMatching(/^batch .+: 2 applied, 1 refused of 3$/), expect.stringMatching(/^  第3行  提案号 313：review: /)]);
  expect(cli.status).toBe(2);
  const state = (await http(ctx.current, 'GET', `/proposals/proposal-${session.id}-311`, { as: 'committee-clerk' })).body.state;
  expect(state.assignment).toMatchObject({ mode: 'joint', lead: 'smx-drc' });
}, 60_000);
