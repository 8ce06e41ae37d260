/**
 * Signing in to the console: argon2id passwords, an HttpOnly SameSite=Strict session cookie, the
 * CSRF token on every change, idle and absolute expiry, sign-out, the lock after repeated
 * failures and the limit per address; bearer tokens keep working beside it.
 */
import { referenceCase } from '../../seeds/reference-case';
import { setPassword } from '../../apps/api/src/sign-in/passwords';
import { http, useStack } from '../support/api';

const ctx = useStack({ SIGN_IN_PER_MINUTE: 25, TEMPORAL_UI_URL: 'http://127.0.0.1:8233' });
const c202 = referenceCase();

beforeAll(async () => {
  for (const id of ['committee-clerk', 'drc-officer', 'stb-officer', 'edu-officer']) await setPassword(ctx.current.db.pool, id, `demo-${id}-2024`);
});

const signIn = async (account: string, password: string) => {
  const res = await fetch(`${ctx.current.base}/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ account, password }) });
  return { status: res.status, cookie: res.headers.get('set-cookie') ?? '', retryAfter: res.headers.get('retry-after'), body: (await res.json()) as { type?: string; detail?: string; csrfToken?: string; principal?: { id: string; role: string; unitId?: string } } };
};
/** A browser's request: the cookie, and the CSRF token when given. */
const asBrowser = async (cookie: string, method: string, path: string, csrf?: string, body?: unknown) => {
  const headers: Record<string, string> = { cookie: cookie.split(';')[0]! };
  if (csrf) headers['x-csrf-token'] = csrf;
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method === 'POST') headers['idempotency-key'] = `browser-${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const res = await fetch(`${ctx.current.base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, cookie: res.headers.get('set-cookie') ?? '', body: text ? (JSON.parse(text) as { type?: string; detail?: string; items?: unknown[]; principal?: { id: string } }) : undefined };
};

test('a wrong password and an unknown account get the same answer; the right one a Strict, HttpOnly session cookie', async () => {
  const wrong = await signIn('drc-officer', 'not-the-password');
  const unknown = await signIn('no-such-person', 'not-the-password');
  expect([wrong.status, wrong.body.type, wrong.body.detail]).toEqual([401, 'urn:proposals:problem:sign-in-failed', 'check the account and the password']);
  expect([unknown.status, unknown.body.type, unknown.body.detail]).toEqual([wrong.status, wrong.body.type, wrong.body.detail]);
  expect((await signIn('drc-officer', '')).status).toBe(400);

  const ok = await signIn('drc-officer', 'demo-drc-officer-2024');
  expect(ok.status).toBe(200);
  expect(ok.body.principal).toEqual({ id: 'drc-officer', name: '市发展改革委经办人', role: 'officer', unitId: 'smx-drc' });
  expect(ok.cookie).toMatch(/^sid=[A-Za-z0-9_-]{43}; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Strict$/);
  const tasks = await asBrowser(ok.cookie, 'GET', '/tasks');
  expect(tasks.status).toBe(200);
  expect((await asBrowser(ok.cookie, 'GET', '/session')).body).toMatchObject({ principal: { id: 'drc-officer' }, csrfToken: ok.body.csrfToken });
  // Only the hash of the cookie is stored.
  const { rows } = await ctx.current.db.pool.query('select id_hash from console_sessions');
  expect(rows.map((r) => r.id_hash)).not.toContain(ok.cookie.slice(4, 47));
});

test('a change sent with the cookie needs the CSRF token; an officer cannot open another unit’s proposal', async () => {
  const filed = await http(ctx.current, 'POST', '/proposals', { as: 'committee-clerk', body: c202.intake });
  const id = filed.body.proposalId;
  const committee = await signIn('committee-clerk', 'demo-committee-clerk-2024');
  const register = { review: { outcome: 'register' } };
  const refused = await asBrowser(committee.cookie, 'POST', `/proposals/${id}/registration`, undefined, register);
  expect([refused.status, refused.body?.type]).toEqual([403, 'urn:proposals:problem:csrf-token']);
  expect((await asBrowser(committee.cookie, 'POST', `/proposals/${id}/registration`, 'a-forged-token', register)).status).toBe(403);
  expect((await asBrowser(committee.cookie, 'POST', `/proposals/${id}/registration`, committee.body.csrfToken, register)).status).toBe(200);
  expect((await asBrowser(committee.cookie, 'POST', `/proposals/${id}/assignment`, committee.body.csrfToken, { assignment: c202.assignment })).status).toBe(200);

  // The committee's pages link each workflow in Temporal's web UI; a unit's do not.
  expect(committee.body).toMatchObject({ temporalWorkflows: 'http://127.0.0.1:8233/namespaces/default/workflows/' });

  const edu = await signIn('edu-officer', 'demo-edu-officer-2024');
  expect(edu.body).not.toHaveProperty('temporalWorkflows');
  expect((await asBrowser(edu.cookie, 'GET', `/proposals/${id}`)).status).toBe(404);
  const drc = await signIn('drc-officer', 'demo-drc-officer-2024');
  expect((await asBrowser(drc.cookie, 'GET', `/proposals/${id}`)).status).toBe(200);
});

test('a session ends when idle too long, at its maximum age, and at sign-out', async () => {
  const pool = ctx.current.db.pool;
  const idle = await signIn('drc-officer', 'demo-drc-officer-2024');
  await pool.query(`update console_sessions set last_seen_at = now() - interval '31 minutes' where principal_id = 'drc-officer'`);
  expect(await asBrowser(idle.cookie, 'GET', '/tasks')).toMatchObject({ status: 401, body: { detail: 'the session has ended: sign in again' } });

  const old = await signIn('drc-officer', 'demo-drc-officer-2024');
  await pool.query(`update console_sessions set expires_at = now() - interval '1 second' where principal_id = 'drc-officer'`);
  expect((await asBrowser(old.cookie, 'GET', '/tasks')).status).toBe(401);

  const s = await signIn('drc-officer', 'demo-drc-officer-2024');
  expect((await asBrowser(s.cookie, 'DELETE', '/session')).status).toBe(403);
  const out = await asBrowser(s.cookie, 'DELETE', '/session', s.body.csrfToken);
  expect(out.status).toBe(204);
  expect(out.cookie).toMatch(/^sid=; Max-Age=0; Path=\/; HttpOnly; SameSite=Strict$/);
  expect((await asBrowser(s.cookie, 'GET', '/tasks')).status).toBe(401);
});

test('five failures lock the account (the right password too) until the lock ends or the password is reset', async () => {
  for (let i = 0; i < 5; i++) expect((await signIn('stb-officer', `guess-${i}`)).status).toBe(401);
  const locked = await signIn('stb-officer', 'demo-stb-officer-2024');
  expect([locked.status, locked.body.type]).toEqual([429, 'urn:proposals:problem:account-locked']);
  expect(Number(locked.retryAfter)).toBeGreaterThan(14 * 60);
  // Bearer tokens are not passwords: the API clients of the unit keep working.
  expect((await http(ctx.current, 'GET', '/tasks', { as: 'stb-officer' })).status).toBe(200);
  // The committee resets it in 人员与单位; the officer signs in with the new one.
  expect((await http(ctx.current, 'PUT', '/directory/people/stb-officer/password', { as: 'committee-clerk', body: { password: 'a-new-password-2024' } })).status).toBe(204);
  expect((await signIn('stb-officer', 'a-new-password-2024')).status).toBe(200);

  // 账号审计: the whole story, newest first, each with its address and who acted.
  const trail = await http(ctx.current, 'GET', '/directory/audit?account=stb-officer', { as: 'committee-clerk' });
  const kinds = (trail.body.items as { kind: string; actor: string | null; address: string | null }[]).map((e) => e.kind).reverse();
  expect(kinds.slice(-9)).toEqual(['signInFailed', 'signInFailed', 'signInFailed', 'signInFailed', 'signInFailed', 'accountLocked', 'signInWhileLocked', 'passwordReset', 'signedIn']);
  const [signedIn, reset] = trail.body.items as { kind: string; actor: string | null; address: string | null; at: string }[];
  expect([signedIn!.address, signedIn!.actor]).toEqual([expect.stringMatching(/127\.0\.0\.1/), null]);
  expect([reset!.kind, reset!.actor]).toEqual(['passwordReset', 'committee-clerk']);
  expect((await http(ctx.current, 'GET', '/directory/audit?kind=accountLocked', { as: 'committee-clerk' })).body.items.map((e: { account: string }) => e.account)).toContain('stb-officer');
  expect((await http(ctx.current, 'GET', '/directory/audit', { as: 'stb-officer' })).status).toBe(403);

  // A page at a time, the pages are the trail: nothing repeated or skipped, though a sign-in is recorded between them.
  const paged: string[] = [];
  let before: string | null = null;
  do {
    const page = await http(ctx.current, 'GET', `/directory/audit?account=stb-officer&limit=4${before ? `&before=${before}` : ''}`, { as: 'committee-clerk' });
    expect(page.body.items.length).toBeLessThanOrEqual(4);
    paged.push(...page.body.items.map((e: { id: string }) => e.id));
    if (!before) expect((await signIn('stb-officer', 'a-new-password-2024')).status).toBe(200);
    before = page.body.next;
  } while (before);
  expect(paged).toEqual(trail.body.items.map((e: { id: string }) => e.id));
  for (const bad of ['0', 'abc', '1'.repeat(19)]) {
    const refused = await http(ctx.current, 'GET', `/directory/audit?before=${bad}`, { as: 'committee-clerk' });
    expect([refused.status, refused.body.errors?.[0]?.path]).toEqual([400, 'before']);
  }
});

test('deactivating and reactivating a person is in the audit trail, with who did it', async () => {
  const person = { role: 'officer', name: '市教育局经办人', unitId: 'smx-edu' };
  await http(ctx.current, 'PUT', '/directory/people/edu-officer', { as: 'committee-clerk', body: { ...person, active: false } });
  await http(ctx.current, 'PUT', '/directory/people/edu-officer', { as: 'committee-clerk', body: { ...person, active: false } });
  await http(ctx.current, 'PUT', '/directory/people/edu-officer', { as: 'committee-clerk', body: { ...person, active: true } });
  const trail = await http(ctx.current, 'GET', '/directory/audit?account=edu-officer', { as: 'committee-clerk' });
  // Saving a person unchanged records nothing.
  expect(trail.body.items.slice(0, 2).map((e: { kind: string; actor: string }) => [e.kind, e.actor])).toEqual([
    ['reactivated', 'committee-clerk'],
    ['deactivated', 'committee-clerk'],
  ]);
});

test('attempts from one address are limited per minute, whatever the account', async () => {
  const answers: number[] = [];
  for (let i = 0; i < 60; i++) answers.push((await signIn(`someone-${i}`, 'guess')).status);
  expect(answers).toContain(429);
  expect(new Set(answers)).toEqual(new Set([401, 429]));
  const throttled = await http(ctx.current, 'GET', '/directory/audit?kind=signInThrottled', { as: 'committee-clerk' });
  expect(throttled.body.items.length).toBe(answers.filter((a) => a === 429).length);
});
