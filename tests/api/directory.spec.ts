/**
 * 人员与单位 through the API: the committee adds a unit and its officer, sets a password, and
 * deactivates a person, who is refused from then on; nobody else may touch the directory. How a
 * person is reached is theirs to set, and the committee's; the committee reads which notices failed.
 */
import { http, useStack } from '../support/api';
import { seededResponsibilities } from '../../seeds/reference-case';

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
  expect(listed.body.units).toContainEqual({ id: 'smx-water', name: '三门峡市水利局', kind: 'bureau', successorId: null, head: null, responsibilities: null });
  const reachedByEmailOnly = { email: null, mobile: null, channels: ['email'], quietHours: null };
  expect(listed.body.people).toContainEqual({ id: 'water-officer', name: '市水利局经办人', role: 'officer', unitId: 'smx-water', active: true, hasPassword: true, locked: false, contact: reachedByEmailOnly });

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
  const stbHead = { name: '市科技局主要负责同志', email: 'head@stb.smx.example.gov.cn', mobile: '13903980002' };
  for (const as of ['drc-officer', 'wang-fengjie']) expect((await http(ctx.current, 'GET', '/directory/units', { as })).body).toContainEqual({ id: 'smx-stb', name: '三门峡市科技局', kind: 'bureau', successorId: null, head: stbHead, responsibilities: seededResponsibilities('smx-stb') });
  expect((await put('/directory/units/smx-drc', { name: '改名', kind: 'bureau' }, 'drc-officer')).status).toBe(403);
  expect((await put('/directory/people/drc-officer/password', { password: 'taken-over-2024' }, 'drc-officer')).status).toBe(403);
});

test('each person sets how they are reached, the committee too, field by field; a unit keeps its head and responsibilities unless told otherwise', async () => {
  const mine = { email: 'li.baosong@member.smx.example.cn', mobile: '13903985555', channels: ['sms', 'email'], quietHours: { from: '21:30', to: '08:00' } };
  expect(await http(ctx.current, 'PUT', '/me/contact', { as: 'li-baosong', body: mine })).toMatchObject({ status: 200, body: mine });
  expect((await http(ctx.current, 'GET', '/me/contact', { as: 'li-baosong' })).body).toEqual(mine);
  // Every fault named by its field; nothing half-stored.
  const bad = await http(ctx.current, 'PUT', '/me/contact', { as: 'li-baosong', body: { email: 'li@', mobile: '12345', channels: ['fax'], quietHours: { from: '25:00', to: '08:00' } } });
  expect(bad.status).toBe(400);
  expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['channels.0', 'email', 'mobile', 'quietHours.from']);
  expect((await http(ctx.current, 'GET', '/me/contact', { as: 'li-baosong' })).body).toEqual(mine);
  // No body is not "the defaults": the PUT is refused and nothing changes.
  expect((await http(ctx.current, 'PUT', '/me/contact', { as: 'li-baosong' })).status).toBe(400);
  expect((await http(ctx.current, 'GET', '/me/contact', { as: 'li-baosong' })).body).toEqual(mine);

  // The committee sets an officer's with the person; a later change of the person without contact keeps it.
  const officer = { role: 'officer', name: '市发展改革委经办人', unitId: 'smx-drc' };
  const reach = { email: 'new.officer@drc.smx.example.gov.cn', mobile: null, channels: ['email'], quietHours: null };
  expect((await put('/directory/people/drc-officer', { ...officer, contact: reach })).status).toBe(200);
  expect((await put('/directory/people/drc-officer', officer)).status).toBe(200);
  expect((await http(ctx.current, 'GET', '/me/contact', { as: 'drc-officer' })).body).toEqual(reach);

  const head = { name: '市发展改革委主要负责同志', email: 'head2@drc.smx.example.gov.cn', mobile: null };
  expect((await put('/directory/units/smx-drc', { name: '三门峡市发展和改革委员会', kind: 'bureau', head })).status).toBe(200);
  expect((await put('/directory/units/smx-drc', { name: '三门峡市发展和改革委员会', kind: 'bureau' })).status).toBe(200);
  const units = (await http(ctx.current, 'GET', '/directory/units', { as: 'drc-officer' })).body as { id: string; head: unknown; responsibilities: string | null }[];
  expect(units.find((u) => u.id === 'smx-drc')!.head).toEqual(head);

  // Its responsibilities (职责) the same way: kept when left out, replaced when given, gone when null.
  const drcUnit = async () => ((await http(ctx.current, 'GET', '/directory/units', { as: 'drc-officer' })).body as typeof units).find((u) => u.id === 'smx-drc')!.responsibilities;
  expect(await drcUnit()).toBe(seededResponsibilities('smx-drc'));
  expect((await put('/directory/units/smx-drc', { name: '三门峡市发展和改革委员会', kind: 'bureau', responsibilities: '拟订国民经济和社会发展规划。' })).status).toBe(200);
  expect(await drcUnit()).toBe('拟订国民经济和社会发展规划。');
  expect((await put('/directory/units/smx-drc', { name: '三门峡市发展和改革委员会', kind: 'bureau', responsibilities: null })).status).toBe(200);
  expect(await drcUnit()).toBeNull();
  const tooLong = await put('/directory/units/smx-drc', { name: '三门峡市发展和改革委员会', kind: 'bureau', responsibilities: '职'.repeat(4001) });
  expect([tooLong.status, tooLong.body.errors[0].path]).toEqual([400, 'responsibilities']);
  expect((await put('/directory/units/smx-drc', { name: '三门峡市发展和改革委员会', kind: 'bureau', responsibilities: seededResponsibilities('smx-drc') })).status).toBe(200);
});

test('the committee reads which notices did not reach whom; nobody else does', async () => {
  await ctx.current.db.pool.query(
    `insert into notices (source, recipient, recipient_name, channel, address, urgent, content, attempts, last_error)
     values ('alert:999998', 'drc-officer', '市发展改革委经办人', 'sms', '13800000000', false, '{"text": "【预警】第8号提案答复"}', 1, 'gateway answered 503'),
            ('alert:999999', 'stb-officer', '市科技局经办人', 'email', 'officer@stb.smx.example.gov.cn', false, '{"subject": "【逾期提醒】第9号提案会办意见", "text": "", "html": ""}', 3, 'connect ECONNREFUSED 127.0.0.1:25')`,
  );
  const failing = await http(ctx.current, 'GET', '/notices', { as: 'committee-clerk' });
  expect(failing.status).toBe(200);
  expect(failing.body.items).toContainEqual(
    expect.objectContaining({ source: 'alert:999999', recipient: 'stb-officer', recipientName: '市科技局经办人', channel: 'email', subject: '【逾期提醒】第9号提案会办意见', attempts: 3, lastError: 'connect ECONNREFUSED 127.0.0.1:25', deliveredAt: null }),
  );
  expect((await http(ctx.current, 'GET', '/notices?state=delivered', { as: 'committee-clerk' })).body.items.map((n: { source: string }) => n.source)).not.toContain('alert:999999');
  expect((await http(ctx.current, 'GET', '/notices?state=lost', { as: 'committee-clerk' })).status).toBe(400);
  // Older ones a page at a time, newest first, the last page saying there is nothing older.
  const firstPage = await http(ctx.current, 'GET', '/notices?limit=1', { as: 'committee-clerk' });
  expect([firstPage.body.items.length, firstPage.body.next]).toEqual([1, firstPage.body.items[0].id]);
  const rest = await http(ctx.current, 'GET', `/notices?before=${firstPage.body.next}`, { as: 'committee-clerk' });
  expect([...firstPage.body.items, ...rest.body.items]).toEqual(failing.body.items);
  expect([failing.body.next, rest.body.next]).toEqual([null, null]);
  expect((await http(ctx.current, 'GET', '/notices', { as: 'stb-officer' })).status).toBe(403);
});
