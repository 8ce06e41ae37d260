/**
 * Proposal 202 on the time-skipping test server, with the real workflow and a recording
 * projection activity (the read model against real Postgres is the integration suite's job).
 */
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { defaultPolicy } from '../../seeds/policy';
import { referenceCase } from '../../seeds/reference-case';
import { referenceSteps } from '../../seeds/reference-steps';
import { viewQuery, eventsQuery } from '../../workflows/messages';
import { useTimeSkippingWorker } from '../support/temporal';
import { act, refusalOf, startProposal, terminateWhenIdle } from '../support/proposals';

const policy = defaultPolicy();
const c202 = referenceCase();
const t = useTimeSkippingWorker('proposal-202-workflow-test');
const { projections, taskQueue } = t;

const withNumber = (number: number) => ({ ...c202.intake, number });

test('proposal 202 runs from intake to closed: lead DRC, co-handler Science Bureau, class B, four commitments', async () => {
  const handle = await startProposal(t.env.client, c202.intake, policy, taskQueue);
  const steps = referenceSteps(c202, () => new Date(Date.now() - 60_000).toISOString());
  for (const step of steps) await act(handle, step.command);
  const outcome = await handle.result();
  expect(outcome.status).toBe('closed');

  const events = await handle.query(eventsQuery);
  expect(events.map((e) => e.type)).toEqual([
    'ProposalFiled', 'ProposalRegistered', 'ProposalAssigned', 'ProposerContacted', 'ProposerContacted',
    'OpinionSubmitted', 'ReplyDrafted', 'DraftCountersigned', 'ReplySubmitted', 'ReplyApproved', 'ReplyIssued', 'PublicationDecided',
    'ReplyEvaluated', 'ReplyEvaluated', 'ReplyEvaluated', 'EvaluationConcluded',
    'FollowUpReported', 'FollowUpReported', 'FollowUpReported', 'FollowUpReported', 'ProposalClosed',
  ]);
  const view = await handle.query(viewQuery);
  const track = view.state.tracks['smx-drc']!;
  expect(view.state.assignment).toEqual({ mode: 'joint', lead: 'smx-drc', coHandlers: ['smx-stb'] });
  expect(track.issued?.replyClass).toBe('B');
  expect(track.commitments.map((x) => [x.no, x.status])).toEqual([[1, 'delivered'], [2, 'delivered'], [3, 'delivered'], [4, 'delivered']]);
  expect(view.duties).toEqual([]);
  // Every version reached the read model, the last one closed.
  const mine = projections.filter((p) => p.proposalId === handle.workflowId);
  expect(mine.at(-1)?.summary.status).toBe('closed');
  expect(mine.flatMap((p) => p.events).map((e) => e.seq)).toEqual(events.map((e) => e.seq));
});

test('a second intake of the same proposal does not start a second workflow', async () => {
  const intake = withNumber(9202);
  const first = await startProposal(t.env.client, intake, policy, taskQueue);
  await expect(startProposal(t.env.client, intake, policy, taskQueue)).rejects.toBeInstanceOf(WorkflowExecutionAlreadyStartedError);
  // Nor after the first one has ended.
  await terminateWhenIdle(first);
  await expect(startProposal(t.env.client, intake, policy, taskQueue)).rejects.toBeInstanceOf(WorkflowExecutionAlreadyStartedError);
});

test('a refused action never reaches history, and a retried action is applied once', async () => {
  const handle = await startProposal(t.env.client, withNumber(9203), policy, taskQueue);
  const committee = { role: 'committee' as const, id: 'committee-clerk' };
  const refusal = await refusalOf(act(handle, { type: 'assign', actor: committee, assignment: c202.assignment }));
  expect(refusal.code).toBe('wrongStage');
  const malformed = await refusalOf(act(handle, { type: 'review', actor: committee, review: { outcome: 'sideways' } }));
  expect(malformed).toMatchObject({ code: 'invalid', path: ['review', 'outcome'] });

  const first = await act(handle, { type: 'review', actor: committee, review: { outcome: 'register' } }, 'retry-key-1');
  const again = await act(handle, { type: 'review', actor: committee, review: { outcome: 'register' } }, 'retry-key-1');
  expect(again).toEqual(first);
  const history = await handle.fetchHistory();
  const accepted = history.events!.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes);
  expect(accepted).toHaveLength(1);
  expect((await handle.query(eventsQuery)).map((e) => e.type)).toEqual(['ProposalFiled', 'ProposalRegistered']);
  await terminateWhenIdle(handle);
});

async function toReplied(number: number) {
  const handle = await startProposal(t.env.client, withNumber(number), policy, taskQueue);
  const steps = referenceSteps({ ...c202, intake: withNumber(number) }, () => new Date(Date.now() - 60_000).toISOString());
  const issue = steps.findIndex((s) => s.command.type === 'issueReply');
  for (const step of steps.slice(0, issue + 1)) await act(handle, step.command);
  return { handle, steps };
}

test('不满意 goes to the committee, which sends the reply back for re-handling with its own one-month period, then follow-up', async () => {
  const { handle, steps } = await toReplied(9204);
  const proposer = (id: string) => ({ role: 'proposer' as const, id });
  await act(handle, { type: 'evaluate', actor: proposer('wang-fengjie'), rating: 'unsatisfied', comments: '承诺缺少时间表' });
  await act(handle, { type: 'evaluate', actor: proposer('sun-yurong'), rating: 'satisfied' });
  const last = await act(handle, { type: 'evaluate', actor: proposer('li-baosong'), rating: 'basicallySatisfied' });
  expect(last.events.at(-1)).toMatchObject({ type: 'EvaluationConcluded', outcome: 'committeeDecides' });
  await act(handle, { type: 'decideRehandling', actor: { role: 'committee', id: 'committee-clerk' }, decision: 'sendBack', note: '承诺缺少时间表，退回重办' });

  let view = await handle.query(viewQuery);
  const track = view.state.tracks['smx-drc']!;
  expect(track).toMatchObject({ stage: 'drafting', round: 2 });
  const reply = view.duties.find((d) => d.kind === 'reply')!;
  expect(reply.startedAt).toBe(track.roundStartedAt);

  const redo = steps.filter((s) => ['draftReply', 'countersign', 'submitReply', 'reviewReply', 'issueReply'].includes(s.command.type));
  for (const step of redo) await act(handle, step.command);
  for (const id of ['wang-fengjie', 'sun-yurong', 'li-baosong']) await act(handle, { type: 'evaluate', actor: proposer(id), rating: 'satisfied' });
  view = await handle.query(viewQuery);
  expect(view.state.tracks['smx-drc']).toMatchObject({ stage: 'followUp', round: 2 });
  expect(view.state.tracks['smx-drc']!.rounds.map((r) => r.outcome)).toEqual(['committeeDecides', 'followUp']);
  expect(view.duties.filter((d) => d.kind === 'followUpReport')).toHaveLength(4);
  // Ended here so that its reminders do not keep the server busy while later tests skip time.
  await terminateWhenIdle(handle);
});
