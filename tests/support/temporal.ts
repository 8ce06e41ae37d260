/** The Temporal servers for tests: the binaries from the project's venv, never a download. */
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import type { ProjectionInput } from '../../activities/projection';
import type { SummaryState } from '../../workflows/domain/annual-summary';
import type { Alert } from '../../workflows/domain/vocabulary';
import { temporal } from '@temporalio/proto';
import { PROPOSAL_SEARCH_ATTRIBUTES } from '../../workflows/search-attributes';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { workflowSources } from '../../apps/worker/src/workflow-code';

const venvBin = (name: string) => {
  const p = path.resolve(__dirname, '../../.venv/bin', name);
  if (!fs.existsSync(p)) throw new Error(`${p} is missing: run \`npm run setup\``);
  return p;
};

let runtimeInstalled = false;
/** Keeps the SDK's own logs to warnings so test output stays readable. */
export function quietRuntime() {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  Runtime.install({ logger: new DefaultLogger('WARN') });
}

export async function timeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  quietRuntime();
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: venvBin('temporal-test-server') } },
  });
  // The time-skipping server takes no search attributes at start, only through its operator service.
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(PROPOSAL_SEARCH_ATTRIBUTES.map((k) => [k.name, temporal.api.enums.v1.IndexedValueType[`INDEXED_VALUE_TYPE_${k.type}`]])),
  });
  return env;
}

export function devServerEnv(): Promise<TestWorkflowEnvironment> {
  quietRuntime();
  return TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'existing-path', path: venvBin('temporal') }, ip: '127.0.0.1', searchAttributes: PROPOSAL_SEARCH_ATTRIBUTES },
  });
}

/**
 * A time-skipping server and one worker for a whole test file, with the projection activities
 * recording what they are sent. One worker for the file: a worker stopped between tests would
 * leave projection activities outstanding, and the time-skipping server never skips time while
 * an activity is pending.
 */
export function useTimeSkippingWorker(taskQueue: string) {
  const ctx = { env: undefined as unknown as TestWorkflowEnvironment, projections: [] as ProjectionInput[], summaries: [] as SummaryState[], summaryAlerts: [] as (Alert & { raisedAt: string })[], taskQueue };
  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  beforeAll(async () => {
    ctx.env = await timeSkippingEnv();
    worker = await Worker.create({
      connection: ctx.env.nativeConnection,
      taskQueue,
      ...workflowSources(),
      activities: {
        projectProposal: async (input: ProjectionInput) => (ctx.projections.push(input), { applied: true }),
        projectSummary: async (state: SummaryState) => void ctx.summaries.push(state),
        raiseSummaryAlerts: async ({ alerts, raisedAt }: { alerts: Alert[]; raisedAt: string }) => void ctx.summaryAlerts.push(...alerts.map((a) => ({ ...a, raisedAt }))),
      },
    });
    running = worker.run();
  });
  afterAll(async () => {
    worker?.shutdown();
    await running;
    await ctx.env?.teardown();
  });
  return ctx;
}
