/**
 * The assignment meeting of a real session's size: 241 proposals imported, then the plan applied
 * as one batch while its worker process is SIGKILLed half-way and a new one started. The batch
 * resumes from its history and applies every row exactly once.
 */
import type { INestApplication } from '@nestjs/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { createApi } from '../../apps/api/src/app';
import { loadDirectory } from '../../apps/api/src/auth/principals';
import { mintToken } from '../../apps/api/src/auth/tokens';
import { referenceCase, seedDirectory } from '../../seeds/reference-case';
import { eventsQuery } from '../../workflows/messages';
import { testApiConfig } from '../support/api';
import { type TestDatabase, createTestDatabase } from '../support/database';
import { Processes, workflowBundleFile } from '../support/processes';
import { devServerEnv } from '../support/temporal';

const SIZE = 241;
const SECRET = 'batch-restart-secret-batch-restart-0123';
const session = { id: 'smx-8-2', name: '八届二次会议', committee: referenceCase().intake.session.committee };
let env: TestWorkflowEnvironment;
let db: TestDatabase;
let app: INestApplication;
let base: string;
const processes = new Processes();
let workerVars: Record<string, string>;

beforeAll(async () => {
  [env, db] = await Promise.all([devServerEnv(), createTestDatabase()]);
  await loadDirectory(db.pool, seedDirectory());
  workerVars = { TEMPORAL_ADDRESS: env.address, DATABASE_URL: db.url, WORKFLOW_BUNDLE: await workflowBundleFile(), LOG_LEVEL: 'ERROR' };
  processes.start('apps/worker/src/main.ts', workerVars);
  app = await createApi(testApiConfig(env.address, db.url, { BODY_LIMIT: '2mb' }, SECRET));
  await app.listen(0, '127.0.0.1');
  base = (await app.getUrl()).replace('[::1]', '127.0.0.1');
}, 120_000);
afterAll(async () => {
  await app?.close();
  await processes.stopAll();
  await env?.teardown();
  await db?.drop();
}, 60_000);

const call = async (method: string, path: string, body?: object, key?: string) => {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${await mintToken('committee-clerk', SECRET)}`, 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
    body: body && JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { done: unknown[]; refused: unknown[]; finished: boolean } };
};
const b64 = (rows: object[]) => Buffer.from(JSON.stringify(rows)).toString('base64');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test(`a batch of ${SIZE} killed half-way (worker SIGKILL) and resumed applies each assignment once`, async () => {
  const numbers = Array.from({ length: SIZE }, (_, i) => 101 + i);
  const intake = numbers.map((n) => ({ 提案号: n, 案由: `关于第${n}号事项的提案`, 提案人: '王凤杰、孙钰蓉', 类别: '经济建设', 内容: `建议推进第${n}号事项。` }));
  const importedAt = Date.now();
  expect((await call('POST', '/imports', { session, format: 'json', file: b64(intake) })).status).toBe(200);
  const importSeconds = (Date.now() - importedAt) / 1000;
  const plan = numbers.map((n) => (n % 2 ? { 提案号: n, 审查结果: '立案', 主办单位: 'smx-drc', 会办单位: 'smx-stb' } : { 提案号: n, 审查结果: '立案', 主办单位: 'smx-stb' }));

  const startedAt = Date.now();
  const started = await call('POST', '/batches', { session: session.id, format: 'json', file: b64(plan), perSecond: 20 }, 'meeting-241');
  expect(started.status).toBe(202);
  // The progress is a Query: while no worker runs it is 503 (retry later), then answered again.
  const progress = () => call('GET', `/batches/${started.body.batchId}`);
  // Read until half is done; a 503 (the Query timed out on a busy machine) is read again.
  const doneSoFar = async () => {
    const answer = await progress();
    return answer.status === 200 ? (answer.body.done as unknown[]).length : 0;
  };
  let atKill = 0;
  while ((atKill = await doneSoFar()) < SIZE / 2) await sleep(200);
  await processes.kill(processes.all[0]!);
  await sleep(2000);
  processes.start('apps/worker/src/main.ts', workerVars);
  let last = await progress();
  for (let i = 0; i < 600 && !last.body.finished; i++) last = (await sleep(500), await progress());
  const seconds = (Date.now() - startedAt) / 1000;
  console.log(`import of ${SIZE}: ${importSeconds.toFixed(1)} s; batch of ${SIZE}: ${seconds.toFixed(1)} s wall time at 20 rows/s, worker SIGKILLed after ${atKill} rows`);

  expect(last.body).toMatchObject({ finished: true, remaining: 0, refused: [] });
  expect(last.body.done).toHaveLength(SIZE);
  const twice: number[] = [];
  for (const n of numbers) {
    const events = await env.client.workflow.getHandle(`proposal-${session.id}-${n}`).query(eventsQuery);
    if (events.map((e) => e.type).join() !== 'ProposalFiled,ProposalRegistered,ProposalAssigned') twice.push(n);
  }
  expect(twice).toEqual([]);
}, 600_000);
