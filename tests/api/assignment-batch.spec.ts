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
  const proposals = [301, 302, 303, 304, 305].map((n) => ({ 提案号: n, 案由: `关于第${n}号事项的提案`, 提案人: '王凤杰', 类别: '经济建设', 内容: '建议。' }));
  expect((await post('/imports', { session, format: 'json', file: b64(proposals) }, null)).status).toBe(200);

  // An unknown unit and an unknown outcome: named, and nothing starts.
  const faulty = await post('/batches', { session: session.id, format: 'json', file: b64([{ 提案号: 301, 审查结果: '立案', 主办单位: '火星局' }, { 提案号: 302, 审查结果: '待定' }]) }, 'faulty-plan-1');
  expect([faulty.status, faulty.body.type]).toEqual([422, 'urn:proposals:problem:plan-has-faults']);
  expect(faulty.body.errors).toEqual([
    { path: 'row 2, 主办单位', message: 'no unit 火星局 in the directory' },
    { path: 'row 3, 审查结果', message: 'must be 立案, 不予立案, 并案 or 转参考' },
  ]);

  const plan = [
    { 提案号: 301, 审查结果: '立案', 主办单位: '三门峡市发展和改革委员会', 会办单位: '三门峡市科技局' },
    { 提案号: 302, 审查结果: '立案', 分办单位: 'smx-drc、smx-stb' },
    { 提案号: 303, 审查结果: '不予立案', 理由: '不属于政协提案范围' },
    { 提案号: 304, 审查结果: '转参考', 理由: '转为社情民意信息' },
    { 提案号: 399, 审查结果: '立案', 主办单位: 'smx-drc' },
    { 提案号: 305, 审查结果: '立案', 主办单位: 'smx-drc' },
  ];
  const started = await post('/batches', { session: session.id, format: 'json', file: b64(plan), perSecond: 20 }, 'meeting-2024-03-21');
  expect([started.status, started.body.total]).toEqual([202, 6]);
  const batchId = started.body.batchId;
  const progress = await waitFor(() => http(ctx.current, 'GET', `/batches/${batchId}`, { as: 'committee-clerk' }), (r) => r.body.finished === true);
  // A second's worth of rows go side by side: done in the order they finished.
  expect(progress.body.done.map((d: { number: number }) => d.number).sort()).toEqual([301, 302, 303, 304, 305]);
  expect(progress.body.refused).toEqual([{ row: 6, number: 399, reason: 'proposal No. 399 has not been filed' }]);
  expect(progress.body.remaining).toBe(0);

  // The same request again finds the same batch; nothing is applied twice.
  const again = await post('/batches', { session: session.id, format: 'json', file: b64(plan), perSecond: 20 }, 'meeting-2024-03-21');
  expect(again.body.batchId).toBe(batchId);
  // It is the finished batch that answers, not a second run from its first row.
  const answered = await http(ctx.current, 'GET', `/batches/${batchId}`, { as: 'committee-clerk' });
  expect([answered.body.finished, answered.body.done.length, answered.body.remaining]).toEqual([true, 5, 0]);
  const view = async (n: number) => (await http(ctx.current, 'GET', `/proposals/proposal-${session.id}-${n}`, { as: 'committee-clerk' })).body.state;
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
  const proposals = [311, 312].map((n) => ({ 提案号: n, 案由: `关于第${n}号事项的提案`, 提案人: '王凤杰', 类别: '经济建设', 内容: '建议。' }));
  expect((await post('/imports', { session, format: 'json', file: b64(proposals) }, null)).status).toBe(200);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plan-'));
  const plan = path.join(dir, 'plan.csv');
  fs.writeFileSync(plan, '提案号,审查结果,理由,主办单位\n311,立案,,三门峡市发展和改革委员会\n398,立案,,smx-drc\n312,不予立案,不属于政协提案范围,\n');
  // Run as a process of its own (the API answers from this one, which must not block).
  const cli = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const args = ['-r', '@swc-node/register', 'apps/assignment-meeting/src/main.ts', '--session', session.id, '--plan', plan, '--per-second', '20', '--api', ctx.current.base];
    const child = execFile(process.execPath, args, { env: { ...process.env, API_TOKEN: ctx.current.token('committee-clerk') }, timeout: 60_000 }, (_err, stdout, stderr) =>
      resolve({ status: child.exitCode, stdout, stderr }),
    );
  });
  expect(cli.stderr).toMatch(/分办进度 \[=+\] 100% \| 3\/3 \| 已交办 2 \| 退回 1/);
  expect(cli.stdout.split('\n').slice(0, 2)).toEqual([expect.stringMatching(/^batch .+: 2 applied, 1 refused of 3$/), '  第3行  提案号 398：proposal No. 398 has not been filed']);
  expect(cli.status).toBe(2);
  const state = (await http(ctx.current, 'GET', `/proposals/proposal-${session.id}-311`, { as: 'committee-clerk' })).body.state;
  expect(state.assignment).toMatchObject({ mode: 'joint', lead: 'smx-drc' });
}, 60_000);
