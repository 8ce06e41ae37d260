/**
 * Histories recorded from real runs (scripts/record-replay-histories.ts) must replay on the
 * current workflow code: a change that would break running proposals fails here with a
 * determinism error, and needs `patched()` instead.
 */
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { quietRuntime } from '../support/temporal';
import { workflowSources } from '../../apps/worker/src/workflow-code';

quietRuntime();
const dir = path.resolve(__dirname, 'histories');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));

test('there are stored histories to replay', () => {
  expect(files).toEqual(
    expect.arrayContaining([
      // Recorded before deadline alerts existed: they replay through patched('deadline-alerts').
      'proposal-202-closed.json',
      'rating-window-closed-by-timer.json',
      // Recorded with them: the alert ladder, and a follow-up renewed by continue-as-new.
      'deadline-ladder.json',
      'follow-up-two-years-first-run.json',
      'follow-up-two-years-renewed-run.json',
      // Recorded with the audited rules (patched 'audited-rules'): a silent co-handler, a released countersign, re-handling decided by the committee.
      'audited-silent-co-handler-and-rehandling-decision.json',
      // Projected by a local activity (patched 'local-projection').
      'proposal-202-closed-local-projection.json',
      // And one timer kept while its instant stays (patched 'steady-alarm'), through the alert ladder.
      'deadline-ladder-steady-alarm.json',
      // The assignment meeting's batch: a second's worth of rows side by side, one refused.
      'assignment-batch-of-five.json',
      // Roles among co-handlers: a reply co-issued (its co-issuer signing as it countersigns) with a 协办 unit; a member's joint proposal confirmed by one co-signer, the other left out at the review.
      'co-issued-reply-with-assisting-unit.json',
      'joint-proposal-cosigning.json',
      // A batch whose worker was SIGKILLed mid-run: a workflow task timed out on the dead worker (patched 'batch-wave-timer').
      'assignment-batch-worker-killed.json',
      // A year loaded, corrected (patched 'calendar-corrections') and its first version arriving late; the broadcast that tells running proposals a page a second.
      'calendar-year-corrected.json',
      'calendar-year-broadcast.json',
      // A run renewed from a snapshot of the proposal (patched 'renewal-snapshot'), and the run that went on from it.
      'follow-up-renewed-from-snapshot-first-run.json',
      'follow-up-renewed-from-snapshot-renewed-run.json',
      // Projected after each Update has answered (patched 'projection-after-update'), proposal 202 from intake to closed.
      'proposal-202-closed-projected-after-update.json',
      // Traced (the tracing interceptors in the workflow code, each Update's trace context in its header).
      'proposal-202-closed-traced.json',
      // 每日待办 as its Schedule starts it.
      'daily-digest.json',
    ]),
  );
});

test.each(files)('%s replays on the current workflow code', async (file) => {
  const history = temporal.api.history.v1.History.fromObject(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')));
  expect(history.events.length).toBeGreaterThan(10);
  // The workflow code as workers run it: the shared domain modules and the tracing interceptors.
  await Worker.runReplayHistory({ ...workflowSources(), replayName: file }, history);
});
