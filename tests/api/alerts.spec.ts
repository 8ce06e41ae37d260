/**
 * The alert feed and its live stream through the API, on compressed time: a co-handler's
 * opinion falls due in seconds and the unit hears of it.
 */
import { calendarCoverage, currentCalendar, raiseCoverageAlert } from '../../apps/common/calendar-years';
import { compressedPolicy } from '../../seeds/policy';
import { referenceCase } from '../../seeds/reference-case';
import { http, useStack, waitFor } from '../support/api';
import { year2027 } from '../support/calendar-2027';
import { startProposal } from '../support/proposals';
import { streamAlerts } from '../support/alert-stream';

const c202 = referenceCase();
const ctx = useStack();

test("the Science Bureau's dashboard hears its opinion alerts as they are raised; the feed lists them; reading is per person and idempotent", async () => {
  // A proposal on compressed rules: the opinion is due 8 s after assignment (warning at 5 s).
  const handle = await startProposal(ctx.current.env.client, { ...c202.intake, number: 8202 }, compressedPolicy());
  const id = handle.workflowId;
  const listening = streamAlerts(ctx.current, 'stb-officer', 2, 25);
  await new Promise((r) => setTimeout(r, 300));
  await http(ctx.current, 'POST', `/proposals/${id}/registration`, { as: 'committee-clerk', body: { review: { outcome: 'register' } } });
  await http(ctx.current, 'POST', `/proposals/${id}/assignment`, { as: 'committee-clerk', body: { assignment: c202.assignment } });

  const streamed = await listening;
  expect(streamed.map((a) => `${a.dutyKind}:${a.kind}`)).toEqual(['coHandlerOpinion:warning', 'coHandlerOpinion:overdue']);

  const feed = await http(ctx.current, 'GET', '/alerts', { as: 'stb-officer' });
  expect(feed.status).toBe(200);
  expect(feed.body.items.map((a: { kind: string }) => a.kind)).toEqual(expect.arrayContaining(['warning', 'overdue']));
  expect(feed.body.items.every((a: { unitId: string; read: boolean }) => a.unitId === 'smx-stb' && !a.read)).toBe(true);
  // Another unit sees none of them; the committee sees them all.
  expect((await http(ctx.current, 'GET', '/alerts', { as: 'edu-officer' })).body.items).toEqual([]);
  const all = await http(ctx.current, 'GET', '/alerts', { as: 'committee-clerk' });
  expect(all.body.items.length).toBeGreaterThanOrEqual(feed.body.items.length);

  const first = streamed[0]!.id;
  const read = await http(ctx.current, 'POST', `/alerts/${first}/read`, { as: 'stb-officer' });
  const again = await http(ctx.current, 'POST', `/alerts/${first}/read`, { as: 'stb-officer' });
  expect([read.status, read.body.read, again.status, again.body.read]).toEqual([200, true, 200, true]);
  const unread = await http(ctx.current, 'GET', '/alerts?unread=true', { as: 'stb-officer' });
  expect(unread.body.items.map((a: { id: string }) => a.id)).not.toContain(first);
  expect((await http(ctx.current, 'POST', `/alerts/${first}/read`, { as: 'edu-officer' })).status).toBe(404);
  expect((await http(ctx.current, 'POST', '/alerts/abc/read', { as: 'stb-officer' })).status).toBe(404);
  await handle.terminate('test done');
});

describe('the holiday calendar, kept without a deploy (issue 7, point 10)', () => {
  test('a calendar that does not reach six months ahead is a readiness warning and one operator alert for the committee', async () => {
    const ready = await http(ctx.current, 'GET', '/readyz');
    expect(ready.status).toBe(200);
    // The seed calendar covers 2024–2026; six months from now reach past it.
    expect(ready.body.calendar).toMatchObject({ lastCoveredYear: 2026, uncoveredYears: expect.arrayContaining([2027]), warning: expect.stringContaining('2027') });
    const seed = await currentCalendar(ctx.current.db.pool, compressedPolicy().calendar);
    const coverage = await calendarCoverage(ctx.current.db.pool, seed, new Date().toISOString());
    expect(await raiseCoverageAlert(ctx.current.db.pool, coverage, new Date().toISOString())).toBe(true);
    expect(await raiseCoverageAlert(ctx.current.db.pool, coverage, new Date().toISOString())).toBe(false);
    const feed = await http(ctx.current, 'GET', '/alerts', { as: 'committee-clerk' });
    expect(feed.body.items.filter((a: { dutyKind: string }) => a.dutyKind === 'calendarCoverage')).toEqual([
      expect.objectContaining({ proposalId: null, audience: 'committee', kind: 'warning', dueDate: `${coverage.uncoveredYears[0]}-01-01` }),
    ]);
    expect((await http(ctx.current, 'GET', '/alerts', { as: 'drc-officer' })).body.items.some((a: { dutyKind: string }) => a.dutyKind === 'calendarCoverage')).toBe(false);
  });

  test('the committee loads a year: validated, versioned, pinned by new proposals and taken by running ones', async () => {
    const running = await startProposal(ctx.current.env.client, { ...c202.intake, number: 7701 }, compressedPolicy());
    await waitFor(() => ctx.current.db.pool.query(`select 1 from proposals where id = $1 and status = 'filed'`, [running.workflowId]), (r) => r.rowCount === 1);
    // A filed proposal is not yet handled: register and assign it so it counts as running.
    for (const [action, body] of [['registration', { review: { outcome: 'register' } }], ['assignment', { assignment: c202.assignment }]] as const) {
      expect((await http(ctx.current, 'POST', `/proposals/${running.workflowId}/${action}`, { as: 'committee-clerk', body })).status).toBe(200);
    }
    await waitFor(() => ctx.current.db.pool.query(`select 1 from proposals where id = $1 and status = 'handling'`, [running.workflowId]), (r) => r.rowCount === 1);

    const put = (as: string, body: unknown, year = 2027) => http(ctx.current, 'PUT', `/calendar/years/${year}`, { as, body });
    const { year: _y, ...days } = year2027;
    expect((await put('drc-officer', days)).status).toBe(403);
    const bad = await put('committee-clerk', { ...days, holidays: ['2027-01-01', '2028-01-01'] });
    expect([bad.status, bad.body.errors]).toEqual([400, [{ path: 'holidays.1', message: 'must be a date in 2027' }]]);
    expect((await put('committee-clerk', days, 1999)).body.errors[0].path).toBe('year');

    const first = await put('committee-clerk', days);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ year: 2027, version: 1, changed: true });
    expect(first.body.runningProposalsTold).toBeGreaterThanOrEqual(1);
    expect(first.body.broadcast).toBe('calendar-cn-mainland-2027-v1');
    // Sent again unchanged: nothing to tell, and no proposal is woken for it.
    expect((await put('committee-clerk', days)).body).toEqual({ calendar: 'cn-mainland', year: 2027, version: 1, changed: false, runningProposalsTold: 0 });
    // Corrected (20 February is no longer a make-up working day): version 2 reaches the proposals that took version 1,
    // whichever of the two broadcasts reaches a proposal first.
    expect((await put('committee-clerk', { ...days, workingWeekends: ['2027-01-30'] })).body).toMatchObject({ version: 2, changed: true, broadcast: 'calendar-cn-mainland-2027-v2' });

    const view = await waitFor(
      () => http(ctx.current, 'GET', `/proposals/${running.workflowId}`, { as: 'committee-clerk' }),
      (r) => r.body.state.calendarVersions?.['2027'] === 2,
    );
    expect(view.body.policy.calendar.workingWeekends.filter((d: string) => d.startsWith('2027-'))).toEqual(['2027-01-30']);
    const broadcast = await ctx.current.env.client.workflow.getHandle('calendar-cn-mainland-2027-v2').result();
    expect(broadcast).toMatchObject({ finished: true, told: expect.any(Number) });
    const overview = await http(ctx.current, 'GET', '/calendar', { as: 'committee-clerk' });
    expect(overview.body).toMatchObject({ coveredYears: [2024, 2025, 2026, 2027], loaded: [expect.objectContaining({ year: 2027, version: 2, workingWeekends: ['2027-01-30'] })] });
    expect((await http(ctx.current, 'GET', '/readyz')).body.calendar.uncoveredYears).not.toContain(2027);

    const filed = await http(ctx.current, 'POST', '/proposals', { as: 'committee-clerk', body: { ...c202.intake, number: 7702 } });
    const pinned = await http(ctx.current, 'GET', `/proposals/${filed.body.proposalId}`, { as: 'committee-clerk' });
    expect(pinned.body.policy.calendar.coveredYears).toContain(2027);
    expect(pinned.body.policy.calendar.workingWeekends).toContain('2027-01-30');
    expect(pinned.body.policy.calendar.workingWeekends).not.toContain('2027-02-20');
  });
});
