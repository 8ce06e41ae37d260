/**
 * The API's contract at the HTTP level: who may do what, how refusals and bad input are
 * answered, and exactly-once under retries. Real worker, Temporal dev server and PostgreSQL.
 */
import SwaggerParser from '@apidevtools/swagger-parser';
import { mintToken } from '../../apps/api/src/auth/tokens';
import { referenceCase } from '../../seeds/reference-case';
import { SECRET, http, newKey, useStack, waitFor } from '../support/api';

const c202 = referenceCase();
const ctx = useStack();
let number = 3000;

const contact = () => ({ ...c202.contacts[0]!.contact, occurredAt: new Date(Date.now() - 60_000).toISOString() });

/** A fresh proposal assigned to the DRC (lead) and the Science Bureau (co-handler). */
async function assignedProposal(): Promise<string> {
  const filed = await http(ctx.current, 'POST', '/proposals', { as: 'committee-clerk', body: { ...c202.intake, number: number++ } });
  expect(filed.status).toBe(201);
  const id = filed.body.proposalId as string;
  expect((await http(ctx.current, 'POST', `/proposals/${id}/registration`, { as: 'committee-clerk', body: { review: { outcome: 'register' } } })).status).toBe(200);
  expect((await http(ctx.current, 'POST', `/proposals/${id}/assignment`, { as: 'committee-clerk', body: { assignment: c202.assignment } })).status).toBe(200);
  return id;
}

const versionOf = async (id: string) => (await http(ctx.current, 'GET', `/proposals/${id}`, { as: 'committee-clerk' })).body.state.version as number;

describe('who may do what: every endpoint for every kind of principal', () => {
  const people = ['committee-clerk', 'drc-officer', 'stb-officer', 'edu-officer', 'wang-fengjie', 'another-member'] as const;
  type Who = (typeof people)[number];
  const only = (...allowed: Who[]) => Object.fromEntries(people.map((p) => [p, allowed.includes(p)])) as Record<Who, boolean>;
  const committee = only('committee-clerk');
  const actions: [string, unknown, Record<Who, boolean>][] = [
    ['registration', { review: { outcome: 'register' } }, committee],
    ['assignment', { assignment: c202.assignment }, committee],
    ['reassignment-requests', { reason: '职能不符' }, only('drc-officer', 'stb-officer')],
    ['reassignment-decisions', { unitId: 'smx-stb', decision: { decision: 'keep', reason: '属于职能范围' } }, committee],
    ['opinions', { text: c202.opinion.text }, only('stb-officer')],
    ['contacts', { contact: contact() }, only('drc-officer', 'stb-officer')],
    ['reply-draft', { draft: c202.draft }, only('drc-officer')],
    ['countersign', {}, only('stb-officer')],
    ['change-requests', { comments: '请补充' }, only('stb-officer')],
    ['countersign-releases', { unitId: 'smx-stb', reason: '逾期未会签' }, committee],
    ['reply-submission', {}, only('drc-officer')],
    ['reply-review', { review: { decision: 'accept' } }, committee],
    ['reply', { signer: c202.signer }, only('drc-officer')],
    ['evaluation', { rating: 'satisfied' }, only('wang-fengjie')],
    ['rehandling-decisions', { decision: 'sendBack', note: '退回重办' }, committee],
    ['consultation', { occurredAt: new Date(Date.now() - 60_000).toISOString(), summary: '面商' }, committee],
    // Any assigned unit reports on a commitment in its field, the co-handler too.
    ['follow-up-reports', { commitmentNo: 1, progress: '推进中', done: false }, only('drc-officer', 'stb-officer')],
    ['undeliverable-declarations', { commitmentNo: 1, reason: '政策调整' }, only('drc-officer', 'stb-officer')],
    ['commitment-closures', { commitmentNo: 1, reason: '无法推进' }, committee],
    ['annual-summaries', { text: '年度落实情况' }, only('drc-officer')],
    ['look-backs', { summary: '回头看' }, committee],
    ['extension-requests', { months: 1, reason: '跨年度项目' }, only('drc-officer')],
    ['extension-decisions', { decision: 'grant', reason: '同意' }, committee],
    // The committee filed it from the signed paper form: nobody is asked to co-sign.
    ['cosigning', { decision: 'confirm' }, only()],
  ];

  test('actions: allowed principals get past authorization (2xx, or 404/409 from the stage), the others get 403', async () => {
    const id = await assignedProposal();
    const wrong: string[] = [];
    for (const [action, body, allowed] of actions) {
      for (const who of people) {
        const res = await http(ctx.current, 'POST', `/proposals/${id}/${action}`, { as: who, body });
        const passed = res.status !== 403 && res.status !== 401;
        if (passed !== allowed[who] || res.status === 400 || res.status >= 500) wrong.push(`${action} as ${who}: ${res.status} ${res.body?.detail ?? ''}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test('reads: the committee reads all, units their own proposals, proposers theirs; supervision is the committee’s', async () => {
    const id = await assignedProposal();
    const reads: [string, Record<Who, boolean>][] = [
      [`/proposals/${id}`, only('committee-clerk', 'drc-officer', 'stb-officer', 'wang-fengjie')],
      [`/proposals/${id}/history`, only('committee-clerk', 'drc-officer', 'stb-officer', 'wang-fengjie')],
      ['/proposals', only(...people)],
      ['/tasks', only(...people)],
      ['/supervision/overdue', committee],
      ['/supervision/stats', committee],
    ];
    const wrong: string[] = [];
    for (const [path, allowed] of reads) {
      // A proposal the caller may not read is answered as one that does not exist; a route a role may not use is a 403.
      const refusedWith = path.startsWith('/proposals/') ? 404 : 403;
      for (const who of people) {
        const res = await http(ctx.current, 'GET', path, { as: who });
        if ((res.status === 200) !== allowed[who] || (!allowed[who] && res.status !== refusedWith)) wrong.push(`${path} as ${who}: ${res.status}`);
      }
    }
    expect(wrong).toEqual([]);
    // Temporal's raw history (process identities, every payload) is the committee's alone.
    expect((await http(ctx.current, 'GET', `/proposals/${id}/history`, { as: 'committee-clerk' })).body.temporal.runs.length).toBeGreaterThan(0);
    for (const who of ['drc-officer', 'stb-officer', 'wang-fengjie'] as const) {
      const history = await http(ctx.current, 'GET', `/proposals/${id}/history`, { as: who });
      expect([history.status, 'temporal' in history.body, history.body.timeline.length > 0]).toEqual([200, false, true]);
    }
    // Lists show only what the caller may read.
    const visible = async (who: Who) => (await http(ctx.current, 'GET', `/proposals?q=${encodeURIComponent(c202.intake.title)}&pageSize=100`, { as: who })).body.total;
    await new Promise((r) => setTimeout(r, 300));
    expect(await visible('edu-officer')).toBe(0);
    expect(await visible('another-member')).toBe(0);
    expect(await visible('stb-officer')).toBeGreaterThan(0);
  });

  test('intake: the committee files any proposal, a member only their own, officers none', async () => {
    const intake = { ...c202.intake, number: number++ };
    expect((await http(ctx.current, 'POST', '/proposals', { as: 'drc-officer', body: intake })).status).toBe(403);
    expect((await http(ctx.current, 'POST', '/proposals', { as: 'another-member', body: intake })).status).toBe(403);
    expect((await http(ctx.current, 'POST', '/proposals', { as: 'wang-fengjie', body: intake })).status).toBe(201);
  });

  test('no token, a bad token, an expired token or an unknown principal is a 401', async () => {
    const id = await assignedProposal();
    const path = `/proposals/${id}`;
    const withToken = (token: string) => http(ctx.current, 'GET', path, { headers: { authorization: `Bearer ${token}` } });
    expect((await http(ctx.current, 'GET', path)).status).toBe(401);
    expect((await withToken('not.a.token')).status).toBe(401);
    expect((await withToken(await mintToken('committee-clerk', 'another-secret-another-secret-0123456'))).status).toBe(401);
    expect((await withToken(await mintToken('committee-clerk', SECRET, 60, Date.now() - 3600_000))).status).toBe(401);
    const unknown = await withToken(await mintToken('nobody', SECRET));
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    // A token may live a day at most, and may not be issued further ahead than the clock skew (60 s).
    const centuryToken = await withToken(await mintToken('committee-clerk', SECRET, 100 * 365 * 86400));
    expect([centuryToken.status, centuryToken.body.detail]).toEqual([401, 'token lives longer than 86400 s']);
    const fromTheFuture = await withToken(await mintToken('committee-clerk', SECRET, 3600, Date.now() + 600_000));
    expect([fromTheFuture.status, fromTheFuture.body.detail]).toEqual([401, 'token issued in the future']);
    expect((await withToken(await mintToken('committee-clerk', SECRET, 3600, Date.now() + 30_000))).status).toBe(200);
    // RFC 6750: the scheme is case-insensitive.
    const lower = await http(ctx.current, 'GET', path, { headers: { authorization: `bearer ${ctx.current.token('committee-clerk')}` } });
    expect(lower.status).toBe(200);
  });
});

describe('refusals keep their typed reason and map to a status', () => {
  test.each([
    ['wrongStage → 409', 'registration', 'committee-clerk', { review: { outcome: 'register' } }, 409, 'wrongStage'],
    ['notReady → 409 (opinions missing)', 'reply-draft', 'drc-officer', { draft: c202.draft }, 409, 'notReady'],
    ['wrongUnit → 403 (a co-handler drafts)', 'reply-draft', 'stb-officer', { draft: c202.draft }, 403, 'wrongUnit'],
    ['notFound → 404', 'reassignment-decisions', 'committee-clerk', { unitId: 'smx-stb', decision: { decision: 'keep', reason: 'x' } }, 404, 'notFound'],
    ['invalid → 422 (an extension beyond six months in all)', 'extension-requests', 'drc-officer', { months: 9, reason: '超过六个月' }, 422, 'invalid'],
    ['forbidden → 403 (the committee extends on its own where the policy says so, not under the default)', 'deadline-extensions', 'committee-clerk', { months: 1, reason: '跨年度项目' }, 403, 'forbidden'],
  ])('%s', async (_name, action, who, body, status, code) => {
    const id = await assignedProposal();
    const before = await versionOf(id);
    const res = await http(ctx.current, 'POST', `/proposals/${id}/${action}`, { as: who, body });
    expect(res.status).toBe(status);
    expect(res.body.type).toBe(`urn:proposals:problem:${code}`);
    expect(res.body.detail).toBeTruthy();
    expect(await versionOf(id)).toBe(before);
  });

  test('alreadyDone → 409, and 协办未会签: no submission before every countersign', async () => {
    const id = await assignedProposal();
    expect((await http(ctx.current, 'POST', `/proposals/${id}/opinions`, { as: 'stb-officer', body: { text: '意见' } })).status).toBe(200);
    const twice = await http(ctx.current, 'POST', `/proposals/${id}/opinions`, { as: 'stb-officer', body: { text: '意见' } });
    expect([twice.status, twice.body.type]).toEqual([409, 'urn:proposals:problem:alreadyDone']);
    expect((await http(ctx.current, 'POST', `/proposals/${id}/contacts`, { as: 'drc-officer', body: { contact: contact() } })).status).toBe(200);
    expect((await http(ctx.current, 'POST', `/proposals/${id}/reply-draft`, { as: 'drc-officer', body: { draft: c202.draft } })).status).toBe(200);
    const early = await http(ctx.current, 'POST', `/proposals/${id}/reply-submission`, { as: 'drc-officer', body: {} });
    expect([early.status, early.body.type, early.body.detail]).toEqual([409, 'urn:proposals:problem:notReady', 'not yet countersigned by smx-stb']);
    const badClass = await http(ctx.current, 'POST', `/proposals/${id}/reply-draft`, { as: 'drc-officer', body: { draft: { ...c202.draft, replyClass: 'E' } } });
    expect([badClass.status, badClass.body.errors]).toEqual([422, [{ path: 'draft.replyClass', message: 'class must be one of A, B, C' }]]);
  });

  test('an assignment to a unit that does not exist is 422; an unknown proposal or action is 404', async () => {
    const filed = await http(ctx.current, 'POST', '/proposals', { as: 'committee-clerk', body: { ...c202.intake, number: number++ } });
    const id = filed.body.proposalId;
    await http(ctx.current, 'POST', `/proposals/${id}/registration`, { as: 'committee-clerk', body: { review: { outcome: 'register' } } });
    const res = await http(ctx.current, 'POST', `/proposals/${id}/assignment`, { as: 'committee-clerk', body: { assignment: { mode: 'joint', lead: 'smx-drc', coHandlers: ['smx-mars'] } } });
    expect([res.status, res.body.type]).toEqual([422, 'urn:proposals:problem:unknown-unit']);
    expect((await http(ctx.current, 'POST', '/proposals/proposal-smx-8-2-99999/contacts', { as: 'drc-officer', body: { contact: contact() } })).status).toBe(404);
    expect((await http(ctx.current, 'GET', '/proposals/proposal-smx-8-2-99999', { as: 'committee-clerk' })).status).toBe(404);
    expect((await http(ctx.current, 'POST', `/proposals/${id}/approve-everything`, { as: 'committee-clerk', body: {} })).status).toBe(404);
    expect((await http(ctx.current, 'GET', '/no/such/route', { as: 'committee-clerk' })).status).toBe(404);
  });
});

describe('bad input gets a 4xx naming the field, and nothing is written', () => {
  const long = 'x'.repeat(5001);
  test.each([
    ['malformed JSON', { rawBody: '{"contact": ' }, 400, 'malformed-json', undefined],
    ['a wrong type', { body: { contact: { ...contact(), form: 5 } } }, 400, 'invalid-input', 'contact.form'],
    ['a missing field', { body: {} }, 400, 'invalid-input', 'contact'],
    ['a missing nested field', { body: { contact: { ...contact(), summary: undefined } } }, 400, 'invalid-input', 'contact.summary'],
    ['an unknown field', { body: { contact: contact(), sneaky: true } }, 400, 'invalid-input', 'sneaky'],
    // Named with escapes: the answer is stored for the key (jsonb takes no NUL) and shown to people.
    ['an unknown field named with a NUL', { body: { contact: contact(), 'w\u0000x': 1 } }, 400, 'invalid-input', 'w\\u0000x'],
    ['control characters', { body: { contact: { ...contact(), summary: 'bell\u0007 here' } } }, 400, 'invalid-input', 'contact.summary'],
    ['an unpaired surrogate', { rawBody: JSON.stringify({ contact: contact() }).replace('办前面商', '意见\\ud800尾') }, 400, 'invalid-input', 'contact.summary'],
    ['a very long string', { body: { contact: { ...contact(), summary: long } } }, 400, 'invalid-input', 'contact.summary'],
    ['an empty string', { body: { contact: { ...contact(), participants: [''] } } }, 400, 'invalid-input', 'contact.participants.0'],
    ['a date that is not one', { body: { contact: { ...contact(), occurredAt: '2024-02-30T10:00:00Z' } } }, 400, 'invalid-input', 'contact.occurredAt'],
    ['a body that is not an object', { rawBody: '[1,2,3]' }, 400, 'invalid-input', '(body)'],
    ['an oversized body', { body: { contact: { ...contact(), summary: 'x'.repeat(300_000) } } }, 413, 'payload-too-large', undefined],
    ['no Idempotency-Key', { body: { contact: contact() }, key: null }, 400, 'invalid-input', 'Idempotency-Key'],
    ['a malformed Idempotency-Key', { body: { contact: contact() }, key: 'short' }, 400, 'invalid-input', 'Idempotency-Key'],
  ] as const)('%s', async (_name, request, status, type, path) => {
    const id = await assignedProposal();
    const before = await versionOf(id);
    const res = await http(ctx.current, 'POST', `/proposals/${id}/contacts`, { as: 'drc-officer', ...(request as object) });
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.body.type).toBe(`urn:proposals:problem:${type}`);
    if (path) expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect(await versionOf(id)).toBe(before);
  });

  test('bytes that are not UTF-8 are a 400, a body that is not JSON a 415; nothing is written', async () => {
    const id = await assignedProposal();
    const before = await versionOf(id);
    const send = (body: Buffer, type: string) =>
      fetch(`${ctx.current.base}/proposals/${id}/contacts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ctx.current.token('drc-officer')}`, 'content-type': type, 'idempotency-key': newKey() },
        body,
      });
    const json = JSON.stringify({ contact: { ...contact(), summary: 'A@@B' } });
    // A lone ff fe, an overlong "/" (c0 af), a CESU-8 surrogate (ed a0 80) inside a JSON string.
    for (const bad of [[0xff, 0xfe], [0xc0, 0xaf], [0xed, 0xa0, 0x80]]) {
      const [head, tail] = json.split('@@');
      const res = await send(Buffer.concat([Buffer.from(head!), Buffer.from(bad), Buffer.from(tail!)]), 'application/json');
      expect([res.status, ((await res.json()) as { type: string }).type]).toEqual([400, 'urn:proposals:problem:invalid-encoding']);
    }
    const plain = await send(Buffer.from(json), 'text/plain');
    expect([plain.status, ((await plain.json()) as { type: string }).type]).toEqual([415, 'urn:proposals:problem:unsupported-media-type']);
    expect(await versionOf(id)).toBe(before);
    expect((await send(Buffer.from(json.replace('@@', '')), 'application/json; charset=utf-8')).status).toBe(200);
  });

  test('bad query parameters are a 400 naming them', async () => {
    const unknown = await http(ctx.current, 'GET', '/proposals?color=red', { as: 'committee-clerk' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([{ path: 'color', message: 'unknown field' }]);
    // The policies an intake may pin are the document's enum, and nothing else.
    const policy = await http(ctx.current, 'POST', '/proposals?policy=nope', { as: 'committee-clerk', body: { ...c202.intake, number: number++ } });
    expect([policy.status, policy.body.errors[0].path]).toEqual([400, 'policy']);
    const doc = await http(ctx.current, 'GET', '/openapi.json');
    const param = doc.body.paths['/proposals'].post.parameters.find((p: { name: string }) => p.name === 'policy');
    expect(param.schema.enum).toEqual(['city-default-2024', 'city-default-2024-compressed']);
    const page = await http(ctx.current, 'GET', '/proposals?page=0', { as: 'committee-clerk' });
    expect([page.status, page.body.errors[0].path]).toEqual([400, 'page']);
    const size = await http(ctx.current, 'GET', '/proposals?pageSize=abc', { as: 'committee-clerk' });
    expect([size.status, size.body.errors[0].path]).toEqual([400, 'pageSize']);
  });
});

describe('exactly once under retries', () => {
  const register = { review: { outcome: 'register' } };

  async function filedProposal() {
    const filed = await http(ctx.current, 'POST', '/proposals', { as: 'committee-clerk', body: { ...c202.intake, number: number++ } });
    return filed.body.proposalId as string;
  }

  test('the same key twice returns the first result and applies the action once', async () => {
    const id = await filedProposal();
    const key = newKey();
    const first = await http(ctx.current, 'POST', `/proposals/${id}/registration`, { as: 'committee-clerk', body: register, key });
    const again = await http(ctx.current, 'POST', `/proposals/${id}/registration`, { as: 'committee-clerk', body: register, key });
    expect([first.status, again.status]).toEqual([200, 200]);
    expect(again.body).toEqual(first.body);
    expect(await versionOf(id)).toBe(2);
  });

  /** Concurrent duplicates either get the first answer or a 409 in-progress with Retry-After; never anything else. */
  const sameOrInProgress = (replies: { status: number; body: { type?: string }; headers: Headers }[], status: number) => {
    const answered = replies.filter((r) => r.status === status);
    const waiting = replies.filter((r) => r.status === 409 && r.body.type === 'urn:proposals:problem:in-progress' && r.headers.get('retry-after') === '1');
    expect(answered.length + waiting.length).toBe(replies.length);
    expect(answered.length).toBeGreaterThan(0);
    for (const r of answered) expect(r.body).toEqual(answered[0]!.body);
    return answered[0]!.body;
  };

  test('identical requests sent at once apply once: each gets the first answer or is told to retry', async () => {
    const id = await filedProposal();
    const key = newKey();
    const send = () => http(ctx.current, 'POST', `/proposals/${id}/registration`, { as: 'committee-clerk', body: register, key });
    const first = sameOrInProgress(await Promise.all(Array.from({ length: 10 }, send)), 200);
    expect((await send()).body).toEqual(first);
    expect(await versionOf(id)).toBe(2);
  });

  test('50 identical filings with one key: one proposal, and the answer kept for the key is the 201', async () => {
    for (let trial = 0; trial < 5; trial++) {
      const key = newKey();
      const body = { ...c202.intake, number: number++ };
      const file = () => http(ctx.current, 'POST', '/proposals', { as: 'committee-clerk', body, key });
      const filed = sameOrInProgress(await Promise.all(Array.from({ length: 50 }, file)), 201);
      const retried = await file();
      expect([retried.status, retried.body]).toEqual([201, filed]);
      const { rows } = await ctx.current.db.pool.query(`select status from idempotency_keys where principal_id = 'committee-clerk' and key = $1`, [key]);
      expect(rows).toEqual([{ status: 201 }]);
    }
  });

  test('an intake whose answer was lost (started, not recorded) is answered 201 on its retry, not 409', async () => {
    const key = newKey();
    const body = { ...c202.intake, number: number++ };
    const first = await http(ctx.current, 'POST', '/proposals', { as: 'committee-clerk', body, key });
    // As if the API had died between starting the workflow and storing the answer.
    await ctx.current.db.pool.query(`update idempotency_keys set status = null, response = null where principal_id = 'committee-clerk' and key = $1`, [key]);
    const retried = await http(ctx.current, 'POST', '/proposals', { as: 'committee-clerk', body, key });
    // The answer is made again: the same filing, with 查重 as the read model stands now (a proposal
    // filed just before may have been projected since), so it lists at least what the lost one did.
    const { nearCopies: before, ...filing } = first.body;
    const { nearCopies: now, ...refiling } = retried.body;
    expect([retried.status, refiling]).toEqual([201, filing]);
    expect(now).toEqual(expect.arrayContaining(before));
    const other = await http(ctx.current, 'POST', '/proposals', { as: 'committee-clerk', body });
    expect([other.status, other.body.type]).toEqual([409, 'urn:proposals:problem:proposal-exists']);
  });

  test('a key reused with a different body is a 422, and changes nothing', async () => {
    const id = await filedProposal();
    const key = newKey();
    await http(ctx.current, 'POST', `/proposals/${id}/registration`, { as: 'committee-clerk', body: register, key });
    const other = await http(ctx.current, 'POST', `/proposals/${id}/registration`, { as: 'committee-clerk', body: { review: { outcome: 'notRegister', reason: '不属于提案范围' } }, key });
    expect([other.status, other.body.type]).toEqual([422, 'urn:proposals:problem:idempotency-key-reused']);
    expect((await http(ctx.current, 'GET', `/proposals/${id}`, { as: 'committee-clerk' })).body.state.status).toBe('registered');
  });

  test('the action that finished a proposal, retried with its key, gets its first answer: the projection kept it', async () => {
    const target = await filedProposal();
    expect((await http(ctx.current, 'POST', `/proposals/${target}/registration`, { as: 'committee-clerk', body: register })).status).toBe(200);
    const id = await filedProposal();
    const key = newKey();
    const merge = { review: { outcome: 'merge', intoNumber: Number(target.split('-').at(-1)), reason: '内容相近' } };
    const merged = await http(ctx.current, 'POST', `/proposals/${id}/registration`, { as: 'committee-clerk', body: merge, key });
    expect(merged.status).toBe(200);
    await ctx.current.env.client.workflow.getHandle(id).result();
    const again = await http(ctx.current, 'POST', `/proposals/${id}/registration`, { as: 'committee-clerk', body: merge, key });
    expect([again.status, again.body]).toEqual([200, merged.body]);
    // Another request on the finished proposal is told it has finished; the same key for another request is refused.
    const other = await http(ctx.current, 'POST', `/proposals/${id}/registration`, { as: 'committee-clerk', body: register });
    expect([other.status, other.body.type]).toEqual([409, 'urn:proposals:problem:proposal-finished']);
    const reused = await http(ctx.current, 'POST', `/proposals/${target}/contacts`, { as: 'committee-clerk', body: { contact: {} }, key });
    expect([reused.status, reused.body.type]).toEqual([422, 'urn:proposals:problem:idempotency-key-reused']);
  });

  test('a refused action retried with its key gets the same refusal', async () => {
    const id = await assignedProposal();
    const key = newKey();
    const first = await http(ctx.current, 'POST', `/proposals/${id}/reply-submission`, { as: 'drc-officer', body: {}, key });
    const again = await http(ctx.current, 'POST', `/proposals/${id}/reply-submission`, { as: 'drc-officer', body: {}, key });
    expect([first.status, again.status]).toEqual([409, 409]);
    expect(again.body.detail).toBe(first.body.detail);
  });

  test('a retry after the API restarted still applies once, and an intake retried with its key is not a second proposal', async () => {
    const key = newKey();
    const intake = { ...c202.intake, number: number++ };
    const filed = await http(ctx.current, 'POST', '/proposals', { as: 'committee-clerk', body: intake, key });
    const id = filed.body.proposalId;
    const actionKey = newKey();
    const first = await http(ctx.current, 'POST', `/proposals/${id}/registration`, { as: 'committee-clerk', body: register, key: actionKey });
    await ctx.current.restartApi();
    const retried = await http(ctx.current, 'POST', `/proposals/${id}/registration`, { as: 'committee-clerk', body: register, key: actionKey });
    expect(retried.body).toEqual(first.body);
    expect(await versionOf(id)).toBe(2);
    const refiled = await http(ctx.current, 'POST', '/proposals', { as: 'committee-clerk', body: intake, key });
    expect([refiled.status, refiled.body]).toEqual([201, filed.body]);
  });
});

describe('the OpenAPI document and operations endpoints', () => {
  test('/openapi.json describes every endpoint, generated from the schemas', async () => {
    const doc = await http(ctx.current, 'GET', '/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toBe('3.1.0');
    const paths = Object.keys(doc.body.paths);
    for (const p of ['/proposals', '/proposals/{id}', '/proposals/{id}/history', '/proposals/{id}/similar', '/proposals/{id}/unit-suggestions', '/batches/plan.xlsx', '/tasks', '/supervision/overdue', '/supervision/stats', '/healthz', '/readyz']) {
      expect(paths).toContain(p);
    }
    // Every action, one POST each.
    expect(paths.filter((p) => /^\/proposals\/\{id\}\/[a-z-]+$/.test(p) && doc.body.paths[p].post)).toHaveLength(33);
    const draft = doc.body.paths['/proposals/{id}/reply-draft'].post;
    expect(draft.requestBody.content['application/json'].schema.properties.draft.required).toEqual(expect.arrayContaining(['replyClass', 'commitments', 'sections']));
    expect(draft.parameters.map((p: { name: string }) => p.name)).toContain('Idempotency-Key');
    expect(draft.responses['409']).toBeDefined();
  });

  test('/openapi.json is a valid OpenAPI 3.1 document', async () => {
    const doc = await http(ctx.current, 'GET', '/openapi.json');
    await expect(SwaggerParser.validate(structuredClone(doc.body))).resolves.toBeDefined();
  });

  test('paging reports the total however far it pages', async () => {
    const beyond = await http(ctx.current, 'GET', '/proposals?page=500&pageSize=100', { as: 'committee-clerk' });
    const first = await http(ctx.current, 'GET', '/proposals?pageSize=1', { as: 'committee-clerk' });
    expect(beyond.body.items).toEqual([]);
    expect(beyond.body.total).toBe(first.body.total);
    expect(first.body.total).toBeGreaterThan(1);
  });

  test('/docs serves the Swagger UI from local assets', async () => {
    const page = await http(ctx.current, 'GET', '/docs');
    expect(page.status).toBe(200);
    expect(page.body).toContain('/openapi.json');
    const asset = await fetch(`${ctx.current.base}/docs/assets/swagger-ui-bundle.js`);
    expect(asset.status).toBe(200);
  });

  test('/healthz and /readyz answer without a token; readiness checks Temporal and PostgreSQL', async () => {
    expect((await http(ctx.current, 'GET', '/healthz')).status).toBe(200);
    const ready = await http(ctx.current, 'GET', '/readyz');
    expect([ready.status, ready.body]).toEqual([200, { status: 'ready', temporal: 'ok', postgres: 'ok', worker: 'ok', calendar: expect.objectContaining({ calendar: 'cn-mainland', lastCoveredYear: 2026 }) }]);
  });
});

describe('并案 (merge) over HTTP', () => {
  test('a proposal is merged only into an existing registered one; its proposers then become the target’s recipients', async () => {
    const target = await assignedProposal();
    const targetNumber = Number(target.split('-').at(-1));
    const proposer = { id: 'another-member', name: '另一位委员', kind: 'member', leadSigner: true };
    const filed = await http(ctx.current, 'POST', '/proposals', { as: 'committee-clerk', body: { ...c202.intake, number: number++, proposers: [proposer] } });
    const id = filed.body.proposalId as string;
    const merge = (intoNumber: number) => http(ctx.current, 'POST', `/proposals/${id}/registration`, { as: 'committee-clerk', body: { review: { outcome: 'merge', intoNumber, reason: '内容相近' } } });
    const missing = await merge(99999);
    expect([missing.status, missing.body.type.endsWith('merge-target'), missing.body.errors[0].path]).toEqual([422, true, 'review.intoNumber']);
    expect(await versionOf(id)).toBe(1);
    expect((await merge(targetNumber)).status).toBe(200);
    // The merged proposal's workflow tells the target; its proposer is then among the target's recipients.
    const view = await waitFor(() => http(ctx.current, 'GET', `/proposals/${target}`, { as: 'committee-clerk' }), (r) => r.body.state.merged.length > 0);
    expect(view.body.state.merged).toEqual([{ number: Number(id.split('-').at(-1)), proposers: [proposer] }]);
  });
});
