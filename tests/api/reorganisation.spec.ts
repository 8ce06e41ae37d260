/**
 * 机构改革 over HTTP, with a real worker, Temporal dev server and PostgreSQL: the DRC is merged into
 * a new unit; the running proposal's open duties become the new unit's, the DRC's officer keeps
 * reading its history, and the directory says who succeeded whom.
 */
import { referenceCase } from '../../seeds/reference-case';
import { http, useStack, waitFor } from '../support/api';

const c = referenceCase();
const ctx = useStack();
const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

test('the DRC merged into a new unit: its open duties pass on with their due dates, its history stays, and recording it again changes nothing', async () => {
  const filed = await http(ctx.current, 'POST', '/proposals', { as: 'committee-clerk', body: c.intake });
  const id = filed.body.proposalId as string;
  expect((await http(ctx.current, 'POST', `/proposals/${id}/registration`, { as: 'committee-clerk', body: { review: { outcome: 'register' } } })).status).toBe(200);
  expect((await http(ctx.current, 'POST', `/proposals/${id}/assignment`, { as: 'committee-clerk', body: { assignment: c.assignment } })).status).toBe(200);
  const before = await waitFor(() => http(ctx.current, 'GET', '/tasks', { as: 'drc-officer' }), (r) => r.body.items?.length > 0);
  const dueBefore = before.body.items.find((t: { kind: string }) => t.kind === 'reply').dueDate as string;

  // The new unit and its officer are in the directory (tests/support/api.ts), as the committee adds them from the console.

  const succession = { successorId: 'smx-fgw', kind: 'merged', effectiveOn: today, reason: '机构改革，职能整合' };
  const put = (unit: string, body: unknown) => http(ctx.current, 'PUT', `/directory/units/${unit}/successor`, { as: 'committee-clerk', body });
  const wrong = await put('smx-drc', { ...succession, successorId: 'smx-drc', effectiveOn: '2099-01-01' });
  expect([wrong.status, wrong.body.errors]).toEqual([422, [
    { path: 'successorId', message: 'a unit does not succeed itself' },
    { path: 'effectiveOn', message: 'must be today or earlier: record it once it has taken effect' },
  ]]);
  expect((await put('smx-drc', { ...succession, successorId: 'smx-nowhere' })).body.errors).toEqual([{ path: 'successorId', message: 'no such unit in the directory' }]);
  expect((await put('smx-nowhere', succession)).status).toBe(404);
  expect((await http(ctx.current, 'PUT', '/directory/units/smx-drc/successor', { as: 'drc-officer', body: succession })).status).toBe(403);

  const done = await put('smx-drc', succession);
  expect([done.status, done.body]).toEqual([200, { unitId: 'smx-drc', ...succession, runningProposalsTold: 1, leftToTheCommittee: [] }]);

  // The new unit's officer owes the reply, due as before; the DRC's officer owes nothing and still reads the history.
  const theirs = await waitFor(() => http(ctx.current, 'GET', '/tasks', { as: 'fgw-officer' }), (r) => r.body.items?.some((t: { kind: string }) => t.kind === 'reply'));
  expect(theirs.body.items.find((t: { kind: string }) => t.kind === 'reply')).toMatchObject({ proposalId: id, unitId: 'smx-fgw', dueDate: dueBefore, role: 'lead' });
  expect((await http(ctx.current, 'GET', '/tasks', { as: 'drc-officer' })).body.items).toEqual([]);
  const history = await http(ctx.current, 'GET', `/proposals/${id}/history?raw=false`, { as: 'drc-officer' });
  expect(history.status).toBe(200);
  expect(history.body.timeline.map((r: { what: string }) => r.what)).toContain(`机构改革：三门峡市发展和改革委员会并入三门峡市发展改革和数据局（${today}起），未办结事项由三门峡市发展改革和数据局继续办理`);
  expect((await http(ctx.current, 'POST', `/proposals/${id}/contacts`, { as: 'drc-officer', body: { contact: { ...c.contacts[0]!.contact, occurredAt: new Date().toISOString() } } })).status).toBe(403);

  // Recorded once: again is accepted and tells no one; another successor is a conflict.
  expect((await put('smx-drc', succession)).body.runningProposalsTold).toBe(0);
  expect((await put('smx-drc', { ...succession, successorId: 'smx-stb' })).status).toBe(409);
  const units = (await http(ctx.current, 'GET', '/directory/units', { as: 'stb-officer' })).body as { id: string; successorId: string | null }[];
  expect(units.find((u) => u.id === 'smx-drc')!.successorId).toBe('smx-fgw');
  const stats = await waitFor(() => http(ctx.current, 'GET', '/supervision/stats', { as: 'committee-clerk' }), (r) => r.body.rows?.some((x: { unitId: string }) => x.unitId === 'smx-fgw'));
  expect(stats.body.rows.map((r: { unitId: string; assigned: number }) => [r.unitId, r.assigned])).toEqual([['smx-drc', 1], ['smx-fgw', 1], ['smx-stb', 1]]);
});
