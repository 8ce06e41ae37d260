/**
 * The clock on the time-skipping test server, with the real periods: each alert fires at its
 * instant (across a public holiday and a 调休 Saturday), the three-month reply deadline, and two
 * years of follow-up reminders for proposal 202's four commitments with a bounded history.
 */
import type { temporal } from '@temporalio/proto';
import { defaultPolicy } from '../../seeds/policy';
import { referenceCase } from '../../seeds/reference-case';
import { referenceSteps } from '../../seeds/reference-steps';
import { addDays, addWorkingDays, isWorkingDay, localDate, startOfLocalDay, subtractWorkingDays } from '../../workflows/domain/calendar';
import type { RecordedEvent } from '../../workflows/domain/events';
import type { HandlingPolicy } from '../../workflows/domain/policy';
import { eventsQuery, viewQuery } from '../../workflows/messages';
import { HISTORY_LIMIT } from '../../workflows/proposal.workflow';
import { act, startProposal, terminateWhenIdle, untilIdle } from '../support/proposals';
import { useTimeSkippingWorker } from '../support/temporal';

const c202 = referenceCase();
const t = useTimeSkippingWorker('deadlines-test');
const { projections, taskQueue } = t;

const serverNow = async () => new Date(await t.env.currentTimeMs()).toISOString();
const skipTo = async (instant: string) => {
  const wait = Date.parse(instant) - await t.env.currentTimeMs();
  if (wait > 0) await t.env.sleep(wait);
};
const alertsOf = (events: RecordedEvent[], dutyKind: string) =>
  events.flatMap((e) => (e.type === 'AlertRaised' && e.alert.dutyKind === dutyKind ? [{ raisedAt: e.at, ...e.alert }] : []));

/**
 * Acts once the proposal is idle. The time-skipping test server does not carry an Update over to
 * the new run when it arrives while the workflow continues as new (the real server does), so
 * these tests, which cross renewals, never send one into a renewal.
 */
async function actWhenIdle(handle: Awaited<ReturnType<typeof startProposal>>, command: unknown, updateId?: string) {
  await untilIdle(handle);
  return act(handle, command, updateId);
}

/**
 * The real rules, with this year's calendar data replaced by a holiday and a 调休 Saturday placed
 * just where the co-handler's opinion period ends (the test server's clock starts at today).
 */
function policyAround(today: string): { policy: HandlingPolicy; holiday: string; workingSaturday: string } {
  const base = defaultPolicy();
  const opinionDue = addDays(today, 31); // about a month on: the opinion falls due near here
  // After it even when the month ends on a weekend and is carried to the Monday.
  let holiday = addDays(opinionDue, 4);
  while ([0, 6].includes(new Date(`${holiday}T00:00:00Z`).getUTCDay())) holiday = addDays(holiday, 1);
  let workingSaturday = addDays(holiday, 1);
  while (new Date(`${workingSaturday}T00:00:00Z`).getUTCDay() !== 6) workingSaturday = addDays(workingSaturday, 1);
  const calendar = { ...base.calendar, holidays: [holiday], workingWeekends: [workingSaturday], coveredYears: [] };
  return { policy: { ...base, calendar }, holiday, workingSaturday };
}

test('the opinion is warned, falls overdue and escalates each at its instant, across a holiday and a 调休 Saturday; the reply is overdue after three months', async () => {
  const { policy, holiday, workingSaturday } = policyAround(localDate(await serverNow(), defaultPolicy().calendar));
  const cal = policy.calendar;
  const handle = await startProposal(t.env.client, { ...c202.intake, number: 5202 }, policy, taskQueue);
  const [register, assign] = referenceSteps(c202, () => '');
  await act(handle, register!.command);
  await act(handle, assign!.command);
  const view = await handle.query(viewQuery);
  const due = view.duties.find((d) => d.kind === 'coHandlerOpinion')!.due;

  // Expected instants, by the working-day rules over this calendar.
  const expected = [
    ['warning', startOfLocalDay(subtractWorkingDays(due.date, 3, cal), cal)],
    ['overdue', due.at],
    ...[5, 10, 20].map((n) => ['escalation', startOfLocalDay(addDays(addWorkingDays(due.date, n, cal), 1), cal)]),
  ];
  // The ladder runs across the holiday (a day off) and the 调休 Saturday (a working day).
  expect(isWorkingDay(holiday, cal)).toBe(false);
  expect(isWorkingDay(workingSaturday, cal)).toBe(true);
  expect(holiday > due.date && holiday <= addWorkingDays(due.date, 20, cal)).toBe(true);

  // Just before the warning: nothing yet.
  await skipTo(new Date(Date.parse(expected[0]![1]!) - 1000).toISOString());
  expect(alertsOf(await handle.query(eventsQuery), 'coHandlerOpinion')).toEqual([]);

  await skipTo(new Date(Date.parse(expected.at(-1)![1]!) + 1000).toISOString());
  const raised = alertsOf(await handle.query(eventsQuery), 'coHandlerOpinion');
  expect(raised.map((a) => [a.kind, a.at])).toEqual(expected);
  for (const a of raised) {
    // Each raised by its own timer, at its instant: not caught up later.
    const late = Date.parse(a.raisedAt) - Date.parse(a.at);
    expect(late).toBeGreaterThanOrEqual(0);
    expect(late).toBeLessThan(1000);
  }
  expect(raised.map((a) => a.audience)).toEqual(['officer', 'officer', 'unitHead', 'committee', 'assessment']);

  // The reply: three months from assignment (to the next working day), overdue when that day ends.
  const reply = view.duties.find((d) => d.kind === 'reply')!.due;
  expect(reply.date >= addDays(localDate(view.state.assignedAt!, cal), 89)).toBe(true);
  await skipTo(new Date(Date.parse(reply.at) + 1000).toISOString());
  const replyAlerts = alertsOf(await handle.query(eventsQuery), 'reply');
  expect(replyAlerts.map((a) => a.kind)).toEqual(['warning', 'overdue']);
  expect(Date.parse(replyAlerts[1]!.raisedAt) - Date.parse(reply.at)).toBeLessThan(1000);
  await terminateWhenIdle(handle);
});

test('two years of follow-up: each commitment reminded every quarter until reported done, in runs of bounded history', async () => {
  const policy = defaultPolicy();
  const intake = { ...c202.intake, number: 6202 };
  const handle = await startProposal(t.env.client, intake, policy, taskQueue);
  const steps = referenceSteps({ ...c202, intake }, () => new Date(Number(Date.now()) - 60_000).toISOString());
  for (const step of steps.filter((s) => s.command.type !== 'reportFollowUp')) {
    const command = step.command.type === 'recordContact' ? { ...step.command, contact: { ...step.command.contact, occurredAt: await serverNow() } } : step.command;
    await act(handle, command);
  }
  expect((await handle.query(viewQuery)).stage).toBe('followUp');

  const drc = { role: 'officer' as const, id: 'drc-officer', unitId: 'smx-drc' };
  const quarters = 8;
  for (let q = 1; q <= quarters; q++) {
    // Skip to the next reminder, and report on every commitment as the reminder asks.
    const duties = (await handle.query(viewQuery)).duties.filter((d) => d.kind === 'followUpReport');
    expect(duties).toHaveLength(4);
    const warnAt = startOfLocalDay(subtractWorkingDays(duties[0]!.due.date, 3, policy.calendar), policy.calendar);
    await skipTo(new Date(Date.parse(warnAt) + 1000).toISOString());
    for (const no of [1, 2, 3, 4]) {
      await actWhenIdle(handle, { type: 'reportFollowUp', actor: drc, commitmentNo: no, progress: `第${q}季度进展`, done: q === quarters });
    }
  }
  const outcome = await handle.result();
  expect(outcome.status).toBe('closed');

  // The whole story, across runs, as the read model received it: every event once, in order.
  const events = projections.filter((p) => p.proposalId === handle.workflowId).flatMap((p) => p.events);
  expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
  // The last run holds its own events only (it began from a snapshot), the story's end.
  const held = await handle.query(eventsQuery);
  expect(events.slice(-held.length)).toEqual(held);
  const reminders = alertsOf(events, 'followUpReport');
  expect(reminders.filter((a) => a.kind === 'warning')).toHaveLength(4 * quarters);
  expect(reminders.filter((a) => a.kind !== 'warning')).toEqual([]); // reported in time: never overdue
  const span = Date.parse(events.at(-1)!.at) - Date.parse(events.find((e) => e.type === 'ReplyIssued')!.at);
  expect(span / 86_400_000).toBeGreaterThan(600); // close to two years of follow-up

  // Walk the chain of runs back from the last: every one within the bound.
  const lengths: number[] = [];
  let runId: string | undefined = (await handle.describe()).runId;
  while (runId) {
    const history = await t.env.client.workflow.getHandle(handle.workflowId, runId).fetchHistory();
    lengths.push(history.events!.length);
    runId = history.events![0]!.workflowExecutionStartedEventAttributes?.continuedExecutionRunId ?? undefined;
  }
  console.log(`follow-up of proposal ${intake.number}: ${lengths.length} runs, history lengths (last first) ${lengths.join(', ')}; ${events.length} domain events`);
  // Projected by a local activity (a marker, not three events), two years now nearly fit one run;
  // whether it renews or not, no run outgrows the bound.
  expect(Math.max(...lengths)).toBeLessThanOrEqual(HISTORY_LIMIT + 60);
});

/** Proposal 202 under another number, on the default policy, through to follow-up. */
async function toFollowUp(number: number) {
  const intake = { ...c202.intake, number };
  const handle = await startProposal(t.env.client, intake, defaultPolicy(), taskQueue);
  const steps = referenceSteps({ ...c202, intake }, () => new Date(Date.now() - 60_000).toISOString());
  for (const step of steps.filter((s) => s.command.type !== 'reportFollowUp')) {
    const command = step.command.type === 'recordContact' ? { ...step.command, contact: { ...step.command.contact, occurredAt: await serverNow() } } : step.command;
    await act(handle, command);
  }
  return handle;
}

test('a retry sent after the run renewed itself is answered from before, not applied again', async () => {
  const handle = await toFollowUp(7202);
  const drc = { role: 'officer' as const, id: 'drc-officer', unitId: 'smx-drc' };
  const firstRun = (await handle.describe()).runId;
  const sent: { id: string; no: number; result: Awaited<ReturnType<typeof act>> }[] = [];
  for (let i = 0; (await handle.describe()).runId === firstRun && i < 200; i++) {
    const no = (i % 4) + 1;
    const id = `report-${i}`;
    sent.push({ id, no, result: await actWhenIdle(handle, { type: 'reportFollowUp', actor: drc, commitmentNo: no, progress: `进展 ${i}`, done: false }, id) });
  }
  expect((await handle.describe()).runId).not.toBe(firstRun);
  const before = (await handle.query(eventsQuery)).length;
  const last = sent.at(-1)!;
  const retried = await actWhenIdle(handle, { type: 'reportFollowUp', actor: drc, commitmentNo: last.no, progress: `进展 ${sent.length - 1}`, done: false }, last.id);
  expect(retried).toEqual(last.result);
  expect((await handle.query(eventsQuery)).length).toBe(before);
  await terminateWhenIdle(handle);
});

test('a renewal carries a snapshot of the proposal, not its story: at most 64 KiB after 200 reports', async () => {
  const handle = await toFollowUp(7203);
  const drc = { role: 'officer' as const, id: 'drc-officer', unitId: 'smx-drc' };
  for (let i = 0; i < 200; i++) await actWhenIdle(handle, { type: 'reportFollowUp', actor: drc, commitmentNo: (i % 4) + 1, progress: `第${i + 1}次进展：已完成阶段性工作，下一步继续推进`, done: false });
  const carried: number[] = [];
  for (let runId: string | undefined = (await handle.describe()).runId; runId; ) {
    const events: temporal.api.history.v1.IHistoryEvent[] = (await t.env.client.workflow.getHandle(handle.workflowId, runId).fetchHistory()).events!;
    const renewal = events.at(-1)!.workflowExecutionContinuedAsNewEventAttributes;
    if (renewal) carried.unshift(renewal.input!.payloads![0]!.data!.length);
    runId = events[0]!.workflowExecutionStartedEventAttributes?.continuedExecutionRunId ?? undefined;
  }
  console.log(`200 reports: ${carried.length} renewals carrying ${carried.map((b) => `${(b / 1024).toFixed(1)} KiB`).join(', ')}`);
  expect(carried.length).toBeGreaterThanOrEqual(2);
  expect(Math.max(...carried)).toBeLessThanOrEqual(64 * 1024);
  // The proposal went on from each snapshot: every report is there.
  const view = await handle.query(viewQuery);
  expect(view.state.tracks['smx-drc']!.commitments.flatMap((c) => c.reportedAt)).toHaveLength(200);
  await terminateWhenIdle(handle);
});
