/**
 * The rating window on the time-skipping server: silence is no rating. In a file of its own:
 * it skips weeks, and a server of its own has nothing else to run meanwhile.
 */
import { defaultPolicy } from '../../seeds/policy';
import { referenceCase } from '../../seeds/reference-case';
import { referenceSteps } from '../../seeds/reference-steps';
import { eventsQuery, viewQuery } from '../../workflows/messages';
import { act, refusalOf, startProposal } from '../support/proposals';
import { useTimeSkippingWorker } from '../support/temporal';

const c202 = referenceCase();
const policy = defaultPolicy();
const t = useTimeSkippingWorker('rating-window-test');

async function toReplied(number: number) {
  const intake = { ...c202.intake, number };
  const handle = await startProposal(t.env.client, intake, policy, t.taskQueue);
  const steps = referenceSteps({ ...c202, intake }, () => new Date(Date.now() - 60_000).toISOString());
  const issue = steps.findIndex((s) => s.command.type === 'issueReply');
  for (const step of steps.slice(0, issue + 1)) await act(handle, step.command);
  return { handle };
}

test('when the rating window passes in silence, the clock concludes the evaluation (no rating is not 满意)', async () => {
  const { handle } = await toReplied(9205);
  await act(handle, { type: 'evaluate', actor: { role: 'proposer', id: 'wang-fengjie' }, rating: 'satisfied' });
  await t.env.sleep('40 days');
  const view = await handle.query(viewQuery);
  const track = view.state.tracks['smx-drc']!;
  expect(track.stage).toBe('followUp');
  expect(track.rounds[0]!.ratings).toEqual({ 'wang-fengjie': 'satisfied' });
  const concluded = (await handle.query(eventsQuery)).find((e) => e.type === 'EvaluationConcluded');
  expect(concluded).toMatchObject({ windowClosed: true, by: { role: 'clock' } });
  const late = await refusalOf(act(handle, { type: 'evaluate', actor: { role: 'proposer', id: 'li-baosong' }, rating: 'satisfied' }));
  expect(late.code).toBe('wrongStage');
});
