/**
 * The assignment meeting's batch survives its worker: a worker process SIGKILLed while a batch of
 * sixty rows runs at eight a second, another started, and the batch finishes with every row
 * applied once. Its history then replays on the workflow code (no decision of the batch may
 * depend on the clock of a task that timed out on the dead worker), and its progress answers.
 */
import { Worker } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporal } from '@temporalio/proto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultPolicy } from '../../seeds/policy';
import { referenceCase } from '../../seeds/reference-case';
import { type AssignmentBatchInput, type BatchProgress, assignmentBatchWorkflowId, batchProgressQuery } from '../../workflows/assignment-batch';
import { TASK_QUEUE, proposalWorkflowId, viewQuery } from '../../workflows/messages';
import { type TestDatabase, createTestDatabase } from '../support/database';
import { Processes, workflowBundleFile } from '../support/processes';
import { startProposal } from '../support/proposals';
import { devServerEnv } from '../support/temporal';
import { workflowSources } from '../../apps/worker/src/workflow-code';

const c = referenceCase();
const session = c.intake.session.id;
const ROWS = 60;
let env: TestWorkflowEnvironment;
let db: TestDatabase;
let bundle: string;
const processes = new Processes();

beforeAll(async () => {
  [env, db, bundle] = await Promise.all([devServerEnv(), createTestDatabase(), workflowBundleFile()]);
}, 120_000);
afterAll(async () => {
  await processes.stopAll();
  await env?.teardown();
  await db?.drop();
});

const worker = () => processes.start('apps/worker/src/main.ts', { TEMPORAL_ADDRESS: env.address, DATABASE_URL: db.url, WORKFLOW_BUNDLE: bundle, LOG_LEVEL: 'ERROR' });

async function until<T>(probe: () => Promise<T>, ok: (t: T) => boolean, what: string, seconds = 90): Promise<T> {
  const end = Date.now() + seconds * 1000;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined && ok(value)) return value;
    if (Date.now() > end) throw new Error(`${what}: not within ${seconds} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

test('a worker SIGKILLed mid-batch: the batch finishes with every row applied once, its history replays, and its progress answers', async () => {
  const numbers = Array.from({ length: ROWS }, (_, i) => 7001 + i);
  for (const number of numbers) await startProposal(env.client, { ...c.intake, number }, defaultPolicy());
  const first = worker();
  const input: AssignmentBatchInput = {
    batchId: 'crash',
    sessionId: session,
    rows: numbers.map((number, i) => ({ row: i + 2, number, review: { outcome: 'register' }, assignment: c.assignment })),
    by: { role: 'committee', id: 'committee-clerk' },
    perSecond: 8,
  };
  const batch = await env.client.workflow.start('assignmentBatchWorkflow', { workflowId: assignmentBatchWorkflowId(input.batchId), taskQueue: TASK_QUEUE, args: [input] });
  await until(() => batch.query(batchProgressQuery), (p) => p.done.length >= 15, 'fifteen rows applied');
  await processes.kill(first);
  worker();

  const result = (await batch.result()) as BatchProgress;
  expect([result.finished, result.done.length, result.refused]).toEqual([true, ROWS, []]);
  expect((await batch.query(batchProgressQuery)).done.map((d) => d.number).sort()).toEqual(numbers);
  // Each proposal registered and assigned once: one review and one assignment event, whatever the retries.
  for (const number of [numbers[0]!, numbers[20]!, numbers[ROWS - 1]!]) {
    const view = await env.client.workflow.getHandle(proposalWorkflowId(session, number)).query(viewQuery);
    expect([view.state.status, view.state.version]).toEqual(['handling', 3]);
  }
  const history = temporal.api.history.v1.History.fromObject(await batch.fetchHistory());
  await Worker.runReplayHistory({ ...workflowSources(), replayName: 'assignment-batch-worker-killed' }, history);
  // Kept for the replay corpus when asked for (RECORD_HISTORY=1): a killed run of the day's code.
  if (process.env.RECORD_HISTORY) fs.writeFileSync(path.resolve(__dirname, '../replay/histories/assignment-batch-worker-killed.json'), JSON.stringify(history.toJSON(), null, 1));
}, 240_000);
