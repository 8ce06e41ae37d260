/**
 * A projection PostgreSQL refuses for good (issue 8, point 3): the workflow does not retry it
 * silently forever. It tells the committee once per version, keeps answering Queries and taking
 * actions, and tries to project again with the next change.
 */
import { ApplicationFailure } from '@temporalio/common';
import { Worker } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { ProjectionInput } from '../../activities/projection';
import { defaultPolicy } from '../../seeds/policy';
import { referenceCase } from '../../seeds/reference-case';
import { PROJECTION_REJECTED, viewQuery } from '../../workflows/messages';
import { act, startProposal, terminateWhenIdle } from '../support/proposals';
import { timeSkippingEnv } from '../support/temporal';

const c202 = referenceCase();
const taskQueue = 'projection-rejected-test';
let env: TestWorkflowEnvironment;
const projected: number[] = [];
const reported: { version: number }[] = [];
let refuseFrom = Infinity;

beforeAll(async () => {
  env = await timeSkippingEnv();
});
afterAll(async () => {
  await env?.teardown();
});

test('refused for good: reported once per version, Queries and actions go on, the next change is projected', async () => {
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowsPath: require.resolve('../../workflows'),
    activities: {
      projectProposal: async (input: ProjectionInput) => {
        if (input.summary.version >= refuseFrom && input.summary.version < refuseFrom + 1) {
          throw ApplicationFailure.nonRetryable('unsupported Unicode escape sequence', PROJECTION_REJECTED);
        }
        projected.push(input.summary.version);
        return { applied: true };
      },
      reportProjectionRejected: async (input: { version: number }) => {
        reported.push(input);
      },
    },
  });
  await worker.runUntil(async () => {
    const handle = await startProposal(env.client, { ...c202.intake, number: 9301 }, defaultPolicy(), taskQueue);
    await act(handle, { type: 'review', actor: { role: 'committee', id: 'committee-clerk' }, review: { outcome: 'register' } });
    refuseFrom = 3;
    await act(handle, { type: 'assign', actor: { role: 'committee', id: 'committee-clerk' }, assignment: c202.assignment });
    for (let i = 0; i < 100 && reported.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(reported).toEqual([expect.objectContaining({ version: 3 })]);
    expect((await handle.query(viewQuery)).state.status).toBe('handling');
    refuseFrom = Infinity;
    await act(handle, { type: 'recordContact', actor: { role: 'officer', id: 'drc-officer', unitId: 'smx-drc' }, contact: { ...c202.contacts[0]!.contact, occurredAt: new Date(Date.now() - 60_000).toISOString() } });
    for (let i = 0; i < 100 && !projected.includes(4); i++) await new Promise((r) => setTimeout(r, 50));
    expect(projected).toEqual([1, 2, 4]);
    expect(reported).toHaveLength(1);
    await terminateWhenIdle(handle);
  });
});
