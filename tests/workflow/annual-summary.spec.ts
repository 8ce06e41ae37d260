/**
 * The unit's yearly summary on the time-skipping test server: asked for 2027, its warning comes
 * at its instant and not before, and once the unit sends it the workflow ends with no alert left.
 */
import { defaultPolicy } from '../../seeds/policy';
import { annualSummaryWorkflowId, submitSummaryUpdate } from '../../workflows/annual-summary';
import { withYear } from '../../workflows/domain/calendar';
import { year2027 } from '../support/calendar-2027';
import { useTimeSkippingWorker } from '../support/temporal';

const t = useTimeSkippingWorker('annual-summary-test');

test('asked for 2027: due Friday 8 October (10 October is a Sunday, the 9th a Saturday), warned at the start of the 5th and not before; sent, it ends', async () => {
  const base = defaultPolicy();
  const policy = { ...base, calendar: withYear(base.calendar, year2027) };
  const handle = await t.env.client.workflow.start('annualSummaryWorkflow', {
    workflowId: annualSummaryWorkflowId(2027, 'smx-drc'),
    taskQueue: t.taskQueue,
    args: [{ unitId: 'smx-drc', year: 2027, policy, requestedBy: { role: 'committee', id: 'committee-clerk' } }],
  });
  const projected = () => t.summaries.filter((s) => s.year === 2027);
  // Beijing midnight starting 5 October (three working days before the 8th) is 16:00 UTC on the 4th.
  const warnAt = Date.parse('2027-10-04T16:00:00.000Z');
  await t.env.sleep(warnAt - 60_000 - (await t.env.currentTimeMs()));
  expect(projected()[0]).toMatchObject({ unitId: 'smx-drc', due: { date: '2027-10-08', at: '2027-10-08T16:00:00.000Z' }, submitted: null });
  expect(t.summaryAlerts).toEqual([]);
  await t.env.sleep(120_000);
  expect(t.summaryAlerts.map((a) => [a.kind, a.audience, a.at])).toEqual([['warning', 'officer', '2027-10-04T16:00:00.000Z']]);
  // Raised when its timer fired: at its instant, give or take the workflow task's own milliseconds.
  expect(Date.parse(t.summaryAlerts[0]!.raisedAt) - warnAt).toBeGreaterThanOrEqual(0);
  expect(Date.parse(t.summaryAlerts[0]!.raisedAt) - warnAt).toBeLessThan(1000);

  const sent = await handle.executeUpdate(submitSummaryUpdate, { args: [{ actor: { role: 'officer', id: 'drc-officer', unitId: 'smx-drc' }, text: '2027年度办理工作总结' }] });
  expect(sent.submitted).toMatchObject({ by: 'drc-officer', text: '2027年度办理工作总结' });
  await handle.result();
  expect(projected().at(-1)!.submitted).toMatchObject({ text: '2027年度办理工作总结' });
  expect(t.summaryAlerts).toHaveLength(1);
});
