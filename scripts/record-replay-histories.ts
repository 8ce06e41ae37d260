/**
 * Records the histories the replay tests run against: real runs of the current workflow code on
 * the time-skipping server. Record again only when a change is *meant* to be incompatible;
 * otherwise keep the old files, so the replay test proves running proposals survive the change.
 *
 *   node -r @swc-node/register scripts/record-replay-histories.ts
 */
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { defaultPolicy } from '../seeds/policy';
import { referenceCase } from '../seeds/reference-case';
import { referenceSteps } from '../seeds/reference-steps';
import { act, startProposal } from '../tests/support/proposals';
import { timeSkippingEnv } from '../tests/support/temporal';

async function main() {
  const env = await timeSkippingEnv();
  const c = referenceCase();
  const policy = defaultPolicy();
  const taskQueue = 'record-histories';
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowsPath: require.resolve('../workflows'),
    activities: { projectProposal: async () => ({ applied: true }) },
  });
  const stamp = () => new Date(Date.now() - 60_000).toISOString();
  const record = async (name: string, run: () => Promise<{ fetchHistory(): Promise<temporal.api.history.v1.IHistory> }>) => {
    const handle = await run();
    const file = path.resolve(__dirname, '../tests/replay/histories', `${name}.json`);
    // protobufjs's own JSON form, read back by History.fromObject in the replay test.
    const history = temporal.api.history.v1.History.fromObject(await handle.fetchHistory());
    await writeFile(file, JSON.stringify(history.toJSON(), null, 1));
    console.log(`recorded ${file}`);
  };
  await worker.runUntil(async () => {
    await record('proposal-202-closed', async () => {
      const handle = await startProposal(env.client, c.intake, policy, taskQueue);
      for (const step of referenceSteps(c, stamp)) await act(handle, step.command, `step-${step.label}`);
      await handle.result();
      return handle;
    });
    await record('rating-window-closed-by-timer', async () => {
      const intake = { ...c.intake, number: 1202 };
      const handle = await startProposal(env.client, intake, policy, taskQueue);
      const steps = referenceSteps({ ...c, intake }, stamp);
      for (const step of steps.filter((s) => s.command.type !== 'evaluate' && s.command.type !== 'reportFollowUp')) await act(handle, step.command);
      await act(handle, steps.find((s) => s.command.type === 'evaluate')!.command);
      await env.sleep('40 days');
      for (const step of steps.filter((s) => s.command.type === 'reportFollowUp')) await act(handle, step.command);
      await handle.result();
      return handle;
    });
  });
  await env.teardown();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
