/**
 * 人员与单位 through the API: the committee adds a unit and its officer, sets a password, and
 * deactivates a person, who is refused from then on; nobody else may touch the directory.
 */
import { http, useStack } from '../support/api';

const ctx = useStack();
const put = (path: string, body: unknown, as = 'committee-clerk') => http(ctx.current, 'PUT', path, { as, body });
const signIn = (account: string, password: string) =>
  fetch(`${ctx.current.base}/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ account, password }) });

test('the committee adds a unit and an officer, gives a password, and the officer signs in and works at once', async () => {
  expect((await put('/directory/units/smx-water', { name: '三门峡市水利局', kind: 'bureau' })).status).toBe(200);
  const officer = await put('/directory/people/water-officer', { role: 'officer', name: '市水利局经办人', unitId: 'smx-water' });
  expect([officer.status, officer.body]).toEqual([200, { id: 'water-officer', name: '市水利局经办人', role: 'officer', unitId: 'smx-water', active: true }]);
  expect((await put('/directory/people/water-officer/password', { password: 'short' })).status).toBe(400);
  expect((await put('/directory/people/water-officer/password', { password: 'a-good-password-2024' })).status).toBe(204);
  expect((await signIn('water-officer', 'a-good-password-2024')).status).toBe(200);

  const listed = await http(ctx.current, 'GET', '/directory', { as: 'committee-clerk' });
  expect(listed.body.units).toContainEqual({ id: 'smx-water', name: '三门峡市水利局', kind: 'bureau', successorId: null });
  expect(listed.body.people).toContainEqual({ id: 'water-officer', name: '市水利局经办人', role: 'officer', unitId: 'smx-water', active: true, hasPassword: true, locked: false });

  // An officer of a unit the directory does not have: named, nothing stored.
  const unknown = await put('/directory/people/ghost-officer', { role: 'officer', name: '无此单位经办人', unitId: 'smx-nowhere' });
  expect([unknown.status, unknown.body.errors]).toEqual([422, [{ path: 'unitId', message: 'no such unit' }]]);
  expect((await http(ctx.current, 'GET', '/directory', { as: 'committee-clerk' })).body.people.map((p: { id: string }) => p.id)).not.toContain('ghost-officer');
});

test('a deactivated person is refused, token and password alike; only the committee keeps the directory', async () => {
  await put('/directory/people/another-member/password', { password: 'member-password-2024' });
  expect((await http(ctx.current, 'GET', '/tasks', { as: 'another-member' })).status).toBe(200);
  expect((await put('/directory/people/another-member', { role: 'proposer', name: '另一位委员', active: false })).status).toBe(200);
  expect((await http(ctx.current, 'GET', '/tasks', { as: 'another-member' })).status).toBe(401);
  expect((await signIn('another-member', 'member-password-2024')).status).toBe(401);

  expect((await http(ctx.current, 'GET', '/directory', { as: 'drc-officer' })).status).toBe(403);
  // Units' names are for everyone signed in: every page names units.
  for (const as of ['drc-officer', 'wang-fengjie']) expect((await http(ctx.current, 'GET', '/directory/units', { as })).body).toContainEqual({ id: 'smx-stb', name: '三门峡市科技局', kind: 'bureau', successorId: null });
  expect((await put('/directory/units/smx-drc', { name: '改名', kind: 'bureau' }, 'drc-officer')).status).toBe(403);
  expect((await put('/directory/people/drc-officer/password', { password: 'taken-over-2024' }, 'drc-officer')).status).toBe(403);
});
