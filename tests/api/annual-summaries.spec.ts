/**
 * 办理工作总结 over HTTP with a real worker, Temporal dev server and PostgreSQL: the committee asks
 * each unit that handled proposals in 2026 for one summary, past its due date (9 October 2026), so
 * the overdue alert and the ladder come at once; the unit's officer sends it once, a retry is
 * answered with it, also after its workflow has ended.
 */
import { annualSummaryWorkflowId } from '../../workflows/annual-summary';
import { referenceCase } from '../../seeds/reference-case';
import { http, useStack, waitFor } from '../support/api';

const c = referenceCase();
const ctx = useStack();

test('the committee asks every unit that handled proposals in 2026; each owes one summary with its alerts and sends it once', async () => {
  const filed = await http(ctx.current, 'POST', '/proposals', { as: 'committee-clerk', body: c.intake });
  const id = filed.body.proposalId as string;
  expect((await http(ctx.current, 'POST', `/proposals/${id}/registration`, { as: 'committee-clerk', body: { review: { outcome: 'register' } } })).status).toBe(200);
  expect((await http(ctx.current, 'POST', `/proposals/${id}/assignment`, { as: 'committee-clerk', body: { assignment: c.assignment } })).status).toBe(200);
  await waitFor(() => http(ctx.current, 'GET', '/proposals?stage=handling', { as: 'committee-clerk' }), (r) => r.body.total === 1);

  const ask = () => http(ctx.current, 'POST', '/annual-summaries', { as: 'committee-clerk', body: { year: 2026 } });
  const asked = await ask();
  // 10 October 2026 is a 调休 Saturday: the last working day before it is Friday 9 October.
  expect([asked.status, asked.body]).toEqual([200, { year: 2026, dueDate: '2026-10-09', units: [
    { unitId: 'smx-drc', unitName: '三门峡市发展和改革委员会', newlyAsked: true },
    { unitId: 'smx-stb', unitName: '三门峡市科技局', newlyAsked: true },
  ] }]);
  expect((await ask()).body.units.map((u: { newlyAsked: boolean }) => u.newlyAsked)).toEqual([false, false]);
  expect((await http(ctx.current, 'POST', '/annual-summaries', { as: 'drc-officer', body: { year: 2026 } })).status).toBe(403);
  expect((await http(ctx.current, 'POST', '/annual-summaries', { as: 'committee-clerk', body: { year: 1999 } })).body.errors).toEqual([{ path: 'year', message: expect.any(String) }]);

  // The DRC sees its own, overdue; asked after the due date, its overdue alert and the ladder come at once.
  const mine = await waitFor(() => http(ctx.current, 'GET', '/annual-summaries?year=2026', { as: 'drc-officer' }), (r) => r.body.items?.length === 1);
  expect(mine.body.items).toEqual([expect.objectContaining({ unitId: 'smx-drc', dueDate: '2026-10-09', urgency: 'overdue', submittedAt: null, onTime: null })]);
  const alerts = await waitFor(
    () => http(ctx.current, 'GET', '/alerts', { as: 'drc-officer' }),
    (r) => r.body.items?.filter((a: { dutyKind: string }) => a.dutyKind === 'annualSummary').length === 4,
  );
  expect(alerts.body.items.filter((a: { dutyKind: string }) => a.dutyKind === 'annualSummary').map((a: { kind: string; level: number; audience: string; proposalId: string | null }) => [a.kind, a.level, a.audience, a.proposalId]).reverse()).toEqual([
    ['overdue', 0, 'officer', null],
    ['escalation', 1, 'unitHead', null],
    ['escalation', 2, 'committee', null],
    ['escalation', 3, 'assessment', null],
  ]);

  const send = (as: string, text: unknown, key?: string) => http(ctx.current, 'POST', '/annual-summaries/2026/smx-drc', { as, body: { text }, key });
  expect((await send('stb-officer', '科技局的总结')).status).toBe(403);
  expect((await send('drc-officer', '  ')).body.errors).toEqual([{ path: 'text', message: 'must not be empty' }]);
  expect((await http(ctx.current, 'POST', '/annual-summaries/2025/smx-drc', { as: 'drc-officer', body: { text: 'x' } })).status).toBe(404);
  const text = '2026年承办市政协提案1件，已按期答复，四项承诺均在推进。';
  const sent = await send('drc-officer', text, 'summary-2026-drc-1');
  expect([sent.status, sent.body]).toEqual([200, expect.objectContaining({ unitId: 'smx-drc', text, submittedBy: 'drc-officer', urgency: null, onTime: false })]);
  expect((await send('drc-officer', text, 'summary-2026-drc-1')).body.submittedAt).toBe(sent.body.submittedAt);
  expect((await send('drc-officer', '另一份总结')).status).toBe(409);

  // Its workflow ends once the summary is in; a retry is still answered with what was sent, a new one still refused.
  await ctx.current.env.client.workflow.getHandle(annualSummaryWorkflowId(2026, 'smx-drc')).result();
  expect((await send('drc-officer', text)).body).toMatchObject({ submittedAt: sent.body.submittedAt });
  expect((await send('drc-officer', '另一份总结')).status).toBe(409);
  expect((await send('stb-officer', text)).status).toBe(403);

  const all = await waitFor(() => http(ctx.current, 'GET', '/annual-summaries?year=2026', { as: 'committee-clerk' }), (r) => r.body.items?.some((s: { submittedAt: string | null }) => s.submittedAt));
  expect(all.body.items.map((s: { unitId: string; submittedAt: string | null; urgency: string | null }) => [s.unitId, s.submittedAt !== null, s.urgency])).toEqual([
    ['smx-drc', true, null],
    ['smx-stb', false, 'overdue'],
  ]);
});
