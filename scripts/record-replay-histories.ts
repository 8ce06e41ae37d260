/**
 * Records the histories the replay tests run against: real runs of the workflow code of the day
 * on the time-skipping server. Existing files are kept; new cases are added as the code grows.
 *
 *   node -r @swc-node/register scripts/record-replay-histories.ts
 */
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { Client } from '@temporalio/client';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry/lib/client';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { workflowSources } from '../apps/worker/src/workflow-code';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { defaultPolicy } from '../seeds/policy';
import { referenceCase } from '../seeds/reference-case';
import { referenceSteps } from '../seeds/reference-steps';
import { act, startProposal, untilIdle } from '../tests/support/proposals';
import { timeSkippingEnv } from '../tests/support/temporal';
import { createBatchActivities } from '../activities/assignment-batch';
import { annualSummaryWorkflow, assignmentBatchWorkflow, calendarBroadcastWorkflow, dailyDigestWorkflow, proposalWorkflow } from '../workflows';
import { calendarBroadcastId } from '../workflows/calendar-broadcast';
import { year2027 } from '../tests/support/calendar-2027';
import { annualSummaryWorkflowId, submitSummaryUpdate } from '../workflows/annual-summary';
import { calendarYearSignal, intakeOptions, unitSuccessionSignal } from '../workflows/messages';
import { summaryRequested } from '../workflows/domain/annual-summary';
import { assignmentBatchWorkflowId } from '../workflows/assignment-batch';

async function main() {
  const env = await timeSkippingEnv();
  const c = referenceCase();
  const policy = defaultPolicy();
  const taskQueue = 'record-histories';
  // Spans kept in memory: a traced request's context is in its history's headers as in production.
  const spans = new InMemorySpanExporter();
  const tracer = new BasicTracerProvider();
  tracer.addSpanProcessor(new SimpleSpanProcessor(spans));
  tracer.register();
  const tracedClient = new Client({ connection: env.client.connection, interceptors: { workflow: [new OpenTelemetryWorkflowClientInterceptor()] } });
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    ...workflowSources(),
    activities: {
      projectProposal: async () => ({ applied: true }),
      projectSummary: async () => undefined,
      raiseSummaryAlerts: async () => undefined,
      ...createBatchActivities(env.client),
      requestDailyDigest: async () => ({ workingDay: true, requested: true }),
      tellRunningProposals: async ({ after, limit }: { after: string; limit: number }) => {
        const page = ['p1', 'p2', 'p3', 'p4', 'p5'].filter((id) => id > after).slice(0, limit);
        return { told: page.length, last: page.length === limit ? page[page.length - 1] : undefined };
      },
    },
  });
  const stamp = () => new Date(Date.now() - 60_000).toISOString();
  const record = async (name: string, run: () => Promise<{ fetchHistory(): Promise<temporal.api.history.v1.IHistory> }>) => {
    const file = path.resolve(__dirname, '../tests/replay/histories', `${name}.json`);
    // Never overwritten: a history recorded before a change is what proves running proposals
    // survive it. Delete a file to record it anew.
    if (existsSync(file)) return console.log(`kept ${file}`);
    const handle = await run();
    // protobufjs's own JSON form, read back by History.fromObject in the replay test.
    const history = temporal.api.history.v1.History.fromObject(await handle.fetchHistory());
    await writeFile(file, JSON.stringify(history.toJSON(), null, 1));
    console.log(`recorded ${file}`);
  };
  /** Proposal 202 from intake to closed under another number. */
  const closed = async (number: number, client = env.client) => {
    const intake = { ...c.intake, number };
    const handle = await startProposal(client, intake, policy, taskQueue);
    for (const step of referenceSteps({ ...c, intake }, stamp)) await act(handle, step.command);
    await handle.result();
    return handle;
  };
  /** Registered and assigned, then 60 days of the clock with the co-handler silent. */
  const silentCoHandler = async (number: number) => {
    const intake = { ...c.intake, number };
    const handle = await startProposal(env.client, intake, policy, taskQueue);
    const [register, assign] = referenceSteps({ ...c, intake }, stamp);
    await act(handle, register!.command);
    await act(handle, assign!.command);
    await env.sleep('60 days');
    await handle.terminate('recorded');
    return handle;
  };
  await worker.runUntil(async () => {
    // The co-handler never sends its opinion: warned, overdue, and escalated up the ladder.
    await record('deadline-ladder', () => silentCoHandler(2202));
    {
      // Two years of quarterly reports: the run renews itself (continue-as-new); record every run.
      const intake = { ...c.intake, number: 3202 };
      const handle = await startProposal(env.client, intake, policy, taskQueue);
      const steps = referenceSteps({ ...c, intake }, stamp);
      for (const step of steps.filter((s) => s.command.type !== 'reportFollowUp')) await act(handle, step.command);
      const drc = { role: 'officer' as const, id: 'drc-officer', unitId: 'smx-drc' };
      for (let q = 1; q <= 8; q++) {
        await env.sleep('88 days');
        for (const no of [1, 2, 3, 4]) await act(handle, { type: 'reportFollowUp', actor: drc, commitmentNo: no, progress: `第${q}季度`, done: q === 8 });
      }
      await handle.result();
      // The first run ends in continue-as-new; the renewed one starts from the carried story.
      let runId: string | undefined = (await handle.describe()).runId;
      while (runId) {
        const run: { fetchHistory(): Promise<temporal.api.history.v1.IHistory> } = env.client.workflow.getHandle(handle.workflowId, runId);
        runId = (await run.fetchHistory()).events![0]!.workflowExecutionStartedEventAttributes?.continuedExecutionRunId ?? undefined;
        await record(`follow-up-two-years-${runId ? 'renewed' : 'first'}-run`, async () => run);
      }
    }
    {
      // 100 reports in a row: the run renews itself from a snapshot (patched 'renewal-snapshot'); record both runs.
      const intake = { ...c.intake, number: 3203 };
      const handle = await startProposal(env.client, intake, policy, taskQueue);
      const steps = referenceSteps({ ...c, intake }, stamp);
      for (const step of steps.filter((s) => s.command.type !== 'reportFollowUp')) await act(handle, step.command);
      const drc = { role: 'officer' as const, id: 'drc-officer', unitId: 'smx-drc' };
      for (let i = 0; i < 100; i++) {
        await untilIdle(handle);
        await act(handle, { type: 'reportFollowUp', actor: drc, commitmentNo: (i % 4) + 1, progress: `进展 ${i}`, done: false });
      }
      await untilIdle(handle);
      await handle.terminate('recorded');
      const renewed = (await handle.describe()).runId;
      const first = (await env.client.workflow.getHandle(handle.workflowId, renewed).fetchHistory()).events![0]!.workflowExecutionStartedEventAttributes?.continuedExecutionRunId;
      await record('follow-up-renewed-from-snapshot-renewed-run', async () => env.client.workflow.getHandle(handle.workflowId, renewed));
      if (first) await record('follow-up-renewed-from-snapshot-first-run', async () => env.client.workflow.getHandle(handle.workflowId, first));
    }
    await record('audited-silent-co-handler-and-rehandling-decision', async () => {
      // The audited rules: the co-handler never answers, the lead drafts after the opinion period,
      // the committee releases the overdue countersign, then decides on an 不满意 rating.
      const intake = { ...c.intake, number: 5202 };
      const handle = await startProposal(env.client, intake, policy, taskQueue);
      const steps = referenceSteps({ ...c, intake }, stamp);
      const byType = (type: string) => steps.filter((s) => s.command.type === type).map((s) => s.command);
      for (const command of [...byType('review'), ...byType('assign'), ...byType('recordContact')]) await act(handle, command);
      await env.sleep('35 days');
      await act(handle, byType('draftReply')[0]!);
      await env.sleep('10 days');
      await act(handle, { type: 'releaseCountersign', actor: { role: 'committee', id: 'committee-clerk' }, unitId: 'smx-stb', reason: '逾期未会签' });
      for (const command of [...byType('submitReply'), ...byType('reviewReply'), ...byType('issueReply')]) await act(handle, command);
      const [first, ...rest] = byType('evaluate');
      await act(handle, { ...first!, rating: 'unsatisfied' } as typeof first);
      for (const command of rest) await act(handle, command);
      await act(handle, { type: 'decideRehandling', actor: { role: 'committee', id: 'committee-clerk' }, decision: 'acceptRating', note: '已充分沟通' });
      await env.sleep('100 days');
      await untilIdle(handle);
      await handle.terminate('recorded');
      return handle;
    });
    await record('deadline-ladder-steady-alarm', async () => {
      // One timer kept while the next instant stays the same (patched 'steady-alarm'), through the ladder.
      const intake = { ...c.intake, number: 2203 };
      const handle = await startProposal(env.client, intake, policy, taskQueue);
      const [register, assign, contact] = referenceSteps({ ...c, intake }, stamp);
      await act(handle, register!.command);
      await act(handle, assign!.command);
      await env.sleep('10 days');
      await act(handle, contact!.command);
      await env.sleep('50 days');
      await handle.terminate('recorded');
      return handle;
    });
    // Projected by a local activity (patched 'local-projection'): a marker per projection.
    await record('proposal-202-closed-local-projection', () => closed(8202));
    // Upserts its search attributes as it moves (patched 'search-attributes').
    await record('proposal-202-closed-search-attributes', () => closed(9202));
    // Projected after each Update has answered, through the task queue (patched 'projection-after-update').
    await record('proposal-202-closed-projected-after-update', () => closed(1202));
    // Traced: each Update's context in its header, handled inside the tracing interceptors, each projection scheduled within its Update's trace.
    await record('proposal-202-closed-traced', () => closed(1203, tracedClient));
    // ProposalOverdue turns true when the silent co-handler's opinion falls overdue.
    await record('deadline-ladder-search-attributes', () => silentCoHandler(9203));
    await record('proposal-202-closed', async () => {
      const handle = await startProposal(env.client, c.intake, policy, taskQueue);
      for (const step of referenceSteps(c, stamp)) await act(handle, step.command, `step-${step.label}`);
      await handle.result();
      return handle;
    });
    await record('committee-year-key-proposal-and-extension', async () => {
      // Marked key after assignment: the handling plan falls overdue and is sent late, a leader
      // records a meeting, the DRC asks for two more months before its reply is due and is granted them.
      const intake = { ...c.intake, number: 6301 };
      const handle = await startProposal(env.client, intake, policy, taskQueue);
      const [register, assign] = referenceSteps({ ...c, intake }, stamp);
      const committee = { role: 'committee' as const, id: 'committee-clerk' };
      const drc = { role: 'officer' as const, id: 'drc-officer', unitId: 'smx-drc' };
      await act(handle, register!.command);
      await act(handle, assign!.command);
      await act(handle, { type: 'markKey', actor: committee, leaders: ['vice-chair-zhang'], memberInCharge: '刘委员', reason: '主席会议遴选' });
      await env.sleep('40 days');
      await act(handle, { type: 'submitHandlingPlan', actor: drc, text: '成立工作专班' });
      await act(handle, { type: 'recordSupervisionMeeting', actor: { role: 'leader', id: 'vice-chair-zhang' }, occurredAt: stamp(), form: 'siteVisit', participants: ['王凤杰'], conclusions: '加快推进' });
      await act(handle, { type: 'requestExtension', actor: drc, months: 2, reason: '跨年度项目' });
      await act(handle, { type: 'decideExtension', actor: committee, decision: 'grant', reason: '同意' });
      await env.sleep('10 days');
      await untilIdle(handle);
      await handle.terminate('recorded');
      return handle;
    });
    await record('committee-year-withdrawn-with-consent', async () => {
      // 撤案 after assignment: asked by the lead signer, consented by the committee; the run ends.
      const intake = { ...c.intake, number: 6302 };
      const handle = await startProposal(env.client, intake, policy, taskQueue);
      const [register, assign] = referenceSteps({ ...c, intake }, stamp);
      await act(handle, register!.command);
      await act(handle, assign!.command);
      await act(handle, { type: 'withdraw', actor: { role: 'proposer', id: 'wang-fengjie' }, reason: '问题已解决' });
      await act(handle, { type: 'decideWithdrawal', actor: { role: 'committee', id: 'committee-clerk' }, decision: 'consent', reason: '情况属实' });
      await handle.result();
      return handle;
    });
    const notRegister = { type: 'review', actor: { role: 'committee' as const, id: 'committee-clerk' }, review: { outcome: 'notRegister' as const, reason: '不属于提案范围' } };
    await record('committee-year-objection-window-lapsed', async () => {
      // 不立案 with no objection: the window's timer ends the run.
      const handle = await startProposal(env.client, { ...c.intake, number: 6303 }, policy, taskQueue);
      await act(handle, notRegister);
      await env.sleep('20 days');
      await handle.result();
      return handle;
    });
    await record('committee-year-objection-registered', async () => {
      // The lead signer objects, the committee's review falls overdue and then registers it; it is assigned.
      const intake = { ...c.intake, number: 6304 };
      const handle = await startProposal(env.client, intake, policy, taskQueue);
      await act(handle, notRegister);
      await act(handle, { type: 'objectToReview', actor: { role: 'proposer', id: 'wang-fengjie' }, reason: '属于提案范围' });
      await env.sleep('10 days');
      await act(handle, { type: 'decideObjection', actor: { role: 'committee', id: 'committee-clerk' }, decision: 'register', reason: '复核后立案' });
      await act(handle, referenceSteps({ ...c, intake }, stamp)[1]!.command);
      await untilIdle(handle);
      await handle.terminate('recorded');
      return handle;
    });
    await record('reorganisation-unit-merged', async () => {
      // 机构改革: the DRC is merged into a new unit after assignment; the new unit's officer goes on, and the clock runs on.
      const intake = { ...c.intake, number: 6305 };
      const handle = await startProposal(env.client, intake, policy, taskQueue);
      const [register, assign] = referenceSteps({ ...c, intake }, stamp);
      await act(handle, register!.command);
      await act(handle, assign!.command);
      await untilIdle(handle);
      const committee = { role: 'committee' as const, id: 'committee-clerk' };
      await handle.signal(unitSuccessionSignal, { from: 'smx-drc', to: 'smx-fgw', kind: 'merged', effectiveOn: stamp().slice(0, 10), reason: '机构改革', by: committee });
      await untilIdle(handle);
      await act(handle, { type: 'recordContact', actor: { role: 'officer', id: 'fgw-officer', unitId: 'smx-fgw' }, contact: { ...c.contacts[0]!.contact, occurredAt: stamp() } });
      await env.sleep('5 days');
      await untilIdle(handle);
      await handle.terminate('recorded');
      return handle;
    });
    await record('annual-summary-warned-and-sent', async () => {
      // Asked for next year's summary: warned at its instant, then sent; the run ends.
      const year = new Date(await env.currentTimeMs()).getUTCFullYear() + 1;
      const handle = await env.client.workflow.start(annualSummaryWorkflow, {
        taskQueue,
        workflowId: annualSummaryWorkflowId(year, 'smx-drc'),
        args: [{ unitId: 'smx-drc', year, policy, requestedBy: { role: 'committee', id: 'committee-clerk' } }],
      });
      const warnAt = Date.parse(summaryRequested({ unitId: 'smx-drc', year, policy, requestedBy: { role: 'committee', id: 'committee-clerk' } }, new Date(await env.currentTimeMs()).toISOString()).due.at) - 3 * 86_400_000;
      await env.sleep(warnAt - (await env.currentTimeMs()));
      await handle.executeUpdate(submitSummaryUpdate, { args: [{ actor: { role: 'officer', id: 'drc-officer', unitId: 'smx-drc' }, text: '年度办理工作总结' }] });
      await handle.result();
      return handle;
    });
    await record('assignment-batch-of-five', async () => {
      // Two rows a second, side by side, then the rest of the second; one row refused (never filed).
      const numbers = [7301, 7302, 7303, 7304];
      for (const number of numbers) await startProposal(env.client, { ...c.intake, number }, policy, taskQueue);
      const assignment = c.assignment;
      const rows = [...numbers, 7399].map((number, i) => ({ row: i + 2, number, review: { outcome: 'register' as const }, assignment }));
      const by = { role: 'committee' as const, id: 'committee-clerk' };
      const handle = await env.client.workflow.start(assignmentBatchWorkflow, { taskQueue, workflowId: assignmentBatchWorkflowId('recorded'), args: [{ batchId: 'recorded', sessionId: c.intake.session.id, rows, by, perSecond: 2 }] });
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
    await record('co-issued-reply-with-assisting-unit', async () => {
      // 联合答复 by the DRC and the Science Bureau (its head signing as it countersigns), the Education Bureau 协办.
      const intake = { ...c.intake, number: 1203 };
      const handle = await startProposal(env.client, intake, policy, taskQueue);
      const steps = referenceSteps({ ...c, intake, assignment: { mode: 'joint', lead: 'smx-drc', coHandlers: ['smx-stb'], assisting: ['smx-edu'] } }, stamp);
      const before = steps.findIndex((s) => s.command.type === 'draftReply');
      for (const step of steps.slice(0, before)) await act(handle, step.command);
      await act(handle, { type: 'submitOpinion', actor: { role: 'officer', id: 'edu-officer', unitId: 'smx-edu' }, text: '协办意见' });
      for (const step of steps.slice(before).filter((s) => s.command.type !== 'evaluate' && s.command.type !== 'reportFollowUp')) await act(handle, step.command);
      await handle.terminate('recorded');
      return handle;
    });
    await record('joint-proposal-cosigning', async () => {
      // 王凤杰 files it himself: 孙钰蓉 confirms, 李宝松 is silent and left out at the review.
      const intake = { ...c.intake, number: 1204 };
      const handle = await env.client.workflow.start(proposalWorkflow, intakeOptions({ intake, filedBy: { role: 'proposer', id: 'wang-fengjie' }, policy }, taskQueue));
      await act(handle, { type: 'answerCosigning', actor: { role: 'proposer', id: 'sun-yurong' }, decision: 'confirm' });
      const [register, assign] = referenceSteps({ ...c, intake }, stamp);
      await act(handle, register!.command);
      await act(handle, assign!.command);
      await untilIdle(handle);
      await handle.terminate('recorded');
      return handle;
    });
    await record('calendar-year-corrected', async () => {
      // 2027 loaded (version 1) while the proposal is handled, then corrected (version 2), then version 1 arriving late.
      const intake = { ...c.intake, number: 1205 };
      const handle = await startProposal(env.client, intake, policy, taskQueue);
      const [register, assign] = referenceSteps({ ...c, intake }, stamp);
      await act(handle, register!.command);
      await act(handle, assign!.command);
      const by = { role: 'committee' as const, id: 'committee-clerk' };
      const corrected = { ...year2027, workingWeekends: ['2027-01-30'] };
      for (const notice of [{ calendarYear: year2027, version: 1 }, { calendarYear: corrected, version: 2 }, { calendarYear: year2027, version: 1 }]) {
        await handle.signal(calendarYearSignal, { ...notice, by });
        // An action after each: the signal is handled in a task of its own before it.
        await act(handle, { type: 'recordContact', actor: { role: 'officer', id: 'drc-officer', unitId: 'smx-drc' }, contact: { ...c.contacts[0]!.contact, occurredAt: stamp() } });
      }
      await untilIdle(handle);
      await handle.terminate('recorded');
      return handle;
    });
    await record('calendar-year-broadcast', async () => {
      // Five running proposals told two a second (the read model's pages, as the activity would read them).
      const handle = await env.client.workflow.start(calendarBroadcastWorkflow, {
        taskQueue,
        workflowId: calendarBroadcastId('cn-mainland', 2027, 1),
        args: [{ calendarYear: year2027, version: 1, by: { role: 'committee', id: 'committee-clerk' }, perSecond: 2 }],
      });
      await handle.result();
      return handle;
    });
    // 每日待办 as its Schedule starts it: the day from the workflow's clock, the digest asked for once.
    await record('daily-digest', async () => {
      const handle = await env.client.workflow.start(dailyDigestWorkflow, { taskQueue, workflowId: 'daily-digest-recorded' });
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
