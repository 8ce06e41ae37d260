/**
 * `npm run eval`: how well 查重 and 智能交办 do, measured honestly, printed (it asserts nothing).
 *
 * The set: proposal 202 (real: the published joint reply names its lead and co-handling units,
 * ../shared/seeds/proposal-202-reply.txt), proposals other cities' published reports name with
 * their handling unit (published.json, titles only), and generated sessions (generated-sessions.ts, kept
 * apart from what is evaluated). Split by time: each proposal of the last session is given
 * units from the earlier sessions only. Proposals are written straight into a read model of
 * their own (PostgreSQL, migrated as any) with their final units and fingerprints; the ranking
 * is the API's own code (`rankSimilar`, `suggestUnits`) on it. Latency is measured on a store of
 * 100,000 proposals (`--quick`: 10,000).
 */
import { randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { loadDirectory } from '../apps/api/src/auth/principals';
import { createPool, ensureDatabase, migrate } from '../apps/common/database';
import { STORE_FINGERPRINTS, fingerprintOf } from '../apps/common/fingerprints';
import { withUnitNames } from '../apps/common/search-words';
import { rankSimilar } from '../apps/common/similar-proposals';
import { suggestUnits } from '../apps/common/unit-suggestions';
import { latencies } from '../benchmarks/stats';
import { referenceCase, seedDirectory } from '../seeds/reference-case';
import { SESSION_UNITS } from '../seeds/session';
import { dropDatabase } from '../tests/support/database';
import { type GeneratedProposal, generateSessions } from './generated-sessions';
import { items as publishedItems } from './published.json';

const quick = process.argv.includes('--quick');
const SESSIONS = 4;
const PER_SESSION = 300;
const SERVER = process.env.EVAL_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432';

interface Item extends GeneratedProposal {
  id: string;
  /** Where a real item comes from. */
  real?: string;
  /** A real item known by its title only, from another city's published report. */
  published?: boolean;
}

const idOf = (p: { sessionId: string; number: number }) => `${p.sessionId}-${p.number}`;

/** The proposals as the read model keeps them after their assignment, with their fingerprints. */
async function store(pool: Pool, items: Item[], filedFrom: number) {
  for (let i = 0; i < items.length; i += 500) {
    const batch = items.slice(i, i + 500);
    const rows = batch.map((p, j) => ({
      id: p.id,
      session_id: p.sessionId,
      number: p.number,
      title: p.title,
      proposers: [{ id: p.proposer, name: p.proposer }],
      lead_unit_id: p.lead,
      unit_ids: [p.lead, ...p.coHandlers],
      filed_at: new Date(filedFrom + (i + j) * 60_000).toISOString(),
      summary: { sessionName: p.sessionId },
    }));
    await pool.query(
      `with proposed as (
         insert into proposals (id, session_id, number, title, category, key_proposal, proposers, status, stage, assignment_mode, lead_unit_id, unit_ids, filed_at, version, summary)
         select x.id, x.session_id, x.number, x.title, '经济建设', false, x.proposers, 'handling', 'handling', 'joint', x.lead_unit_id, x.unit_ids, x.filed_at, 3, x.summary
         from jsonb_to_recordset($1::jsonb) as x(id text, session_id text, number int, title text, proposers jsonb, lead_unit_id text, unit_ids text[], filed_at timestamptz, summary jsonb)
       ), ${STORE_FINGERPRINTS('$2')} select 1`,
      [JSON.stringify(rows), JSON.stringify(batch.map((p) => fingerprintOf(p.id, { title: p.title, content: p.content, proposers: [{ id: p.proposer, name: p.proposer }] as never, session: { id: p.sessionId } })))],
    );
  }
}

/** 智能交办 for the last session's proposals from the earlier sessions, and 查重 for every known merged pair, asked from its later proposal. */
async function measure(pool: Pool, items: Item[], last: string) {
  const asked = items.filter((p) => p.sessionId === last && p.repeats === undefined);
  let hit1 = 0;
  let hit3 = 0;
  let reciprocal = 0;
  let coRecall = 0;
  let withCo = 0;
  let real = '';
  const published = { asked: 0, hit1: 0, hit3: 0, co: 0, withCo: 0, lines: [] as string[] };
  for (const p of asked) {
    const s = (await suggestUnits(pool, p.id, { excludeSessions: [p.sessionId] }))!;
    const rank = s.lead.findIndex((u) => u.unitId === p.lead);
    if (rank === 0) hit1++;
    if (rank >= 0) {
      hit3++;
      reciprocal += 1 / (rank + 1);
    }
    if (p.coHandlers.length) {
      withCo++;
      coRecall += p.coHandlers.filter((u) => s.coHandlers.slice(0, 5).some((x) => x.unitId === u)).length / p.coHandlers.length;
    }
    if (p.published) {
      published.lines.push(`        ${p.title}: ${s.lead.map((u) => u.unitId).join(', ') || '(none)'} (true: ${p.lead})`);
      published.asked++;
      if (rank === 0) published.hit1++;
      if (rank >= 0) published.hit3++;
      if (p.coHandlers.length) {
        published.withCo++;
        published.co += p.coHandlers.filter((u) => s.coHandlers.slice(0, 5).some((x) => x.unitId === u)).length / p.coHandlers.length;
      }
    }
    if (p.real && !p.published) real = `lead suggested ${s.lead.map((u) => u.unitId).join(', ')} (true: ${p.lead}); co-handlers ${s.coHandlers.map((u) => u.unitId).join(', ')} (true: ${p.coHandlers.join(', ')})`;
  }
  const pairs = items.filter((p) => p.repeats !== undefined);
  let found10 = 0;
  let first = 0;
  for (const p of pairs) {
    const ranked = (await rankSimilar(pool, p.id))!.ranked.filter(({ row }) => row.session_id === p.sessionId);
    const at = ranked.findIndex(({ row }) => row.proposal_id === idOf({ sessionId: p.sessionId, number: p.repeats! }));
    if (at >= 0 && at < 10) found10++;
    if (at === 0) first++;
  }
  const f = (x: number) => x.toFixed(3);
  return {
    asked,
    lines: [
      `智能交办, ${asked.length} proposals of ${last} suggested from the sessions before it:`,
      `    lead Hit@1 ${f(hit1 / asked.length)}   Hit@3 ${f(hit3 / asked.length)} (target ≥ 0.9)   MRR@3 ${f(reciprocal / asked.length)}`,
      `    co-handler recall@5 ${f(coRecall / withCo)} over ${withCo} proposals with co-handlers (target ≥ 0.7)`,
      `    proposal 202 (real): ${real}`,
      `    ${published.asked} published proposals (real, titles only, evaluation/published.json): lead Hit@1 ${published.hit1}/${published.asked}, Hit@3 ${published.hit3}/${published.asked}; co-handler recall@5 ${f(published.co / published.withCo)} over ${published.withCo}`,
      ...published.lines,
      `查重, ${pairs.length} known merged pairs: recall@10 ${f(found10 / pairs.length)} (target ≥ 0.95), precision@1 ${f(first / pairs.length)}`,
    ],
  };
}

async function main() {
  const url = `${SERVER}/proposals_eval_${randomBytes(4).toString('hex')}`;
  await ensureDatabase(url);
  const pool = createPool(url, 4);
  try {
    await migrate(pool);
    const directory = seedDirectory();
    await loadDirectory(pool, { ...directory, units: [...directory.units, ...SESSION_UNITS] });
    await withUnitNames(pool);

    const c = referenceCase();
    const generated: Item[] = generateSessions(SESSIONS, PER_SESSION).map((p) => ({ ...p, id: idOf(p) }));
    const last = `eval-${SESSIONS}`;
    const real: Item = {
      sessionId: last,
      number: 9202,
      title: c.intake.title,
      content: c.intake.content,
      proposer: c.intake.proposers[0]!.name,
      lead: c.assignment.mode === 'joint' ? c.assignment.lead : 'smx-drc',
      coHandlers: c.assignment.mode === 'joint' ? c.assignment.coHandlers : [],
      id: `${last}-9202`,
      real: 'Sanmenxia CPPCC 8th committee, 2nd session, proposal 202: the joint reply of the DRC (lead) and the Science Bureau (../shared/seeds/proposal-202-reply.txt)',
    };
    const published: Item[] = publishedItems.map((p, i) => ({
      sessionId: last,
      number: 9301 + i,
      title: p.title,
      content: p.title,
      proposer: '',
      lead: p.lead,
      coHandlers: p.coHandlers,
      id: `${last}-${9301 + i}`,
      real: `${p.place}: ${p.published} (${p.source})`,
      published: true,
    }));
    const items = [...generated, real, ...published];
    await store(pool, items, Date.parse('2023-01-10T00:00:00Z'));

    console.log(`evaluation set: ${items.length} proposals in ${SESSIONS} sessions (${items.filter((p) => p.real).length} real: proposal 202 and ${published.length} published elsewhere; the rest generated, evaluation/generated-sessions.ts)`);
    const { asked, lines } = await measure(pool, items, last);
    for (const line of lines) console.log(line);

    // Latency on a large store: more generated sessions, then both rankings for a sample.
    const size = quick ? 10_000 : 100_000;
    const more = generateSessions(Math.ceil((size - items.length) / PER_SESSION), PER_SESSION, 7)
      .map((p) => ({ ...p, sessionId: `volume-${p.sessionId}`, id: idOf({ ...p, sessionId: `volume-${p.sessionId}` }) }))
      .slice(0, size - items.length);
    const t0 = performance.now();
    await store(pool, more, Date.parse('2010-01-10T00:00:00Z'));
    await pool.query('analyze');
    console.log(`latency, ${size.toLocaleString()} proposals (${((performance.now() - t0) / 1000).toFixed(0)} s to store and fingerprint the volume):`);
    const sample = asked.slice(0, 100);
    const time = async (f: (p: Item) => Promise<unknown>) => {
      const samples: number[] = [];
      for (const p of sample) {
        const started = performance.now();
        await f(p);
        samples.push(performance.now() - started);
      }
      return latencies(samples);
    };
    const similar = await time((p) => rankSimilar(pool, p.id));
    const units = await time((p) => suggestUnits(pool, p.id));
    console.log(`    查重 (GET /proposals/:id/similar's ranking)          p50 ${similar.p50} ms  p95 ${similar.p95} ms (target < 100 ms)`);
    console.log(`    智能交办 (GET /proposals/:id/unit-suggestions's)     p50 ${units.p50} ms  p95 ${units.p95} ms (target < 100 ms)`);
    // The same questions among the volume: a larger store must not make the answers worse.
    console.log(`the same among ${size.toLocaleString()} proposals (the volume's sessions are earlier sessions too):`);
    for (const line of (await measure(pool, items, last)).lines) console.log(line);
  } finally {
    await pool.end();
    await dropDatabase(url, SERVER);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
