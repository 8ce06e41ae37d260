/**
 * 提案查重 over the read model: the proposals sharing a proposal's rarest words are found by the
 * fingerprints' GIN index, then ranked by `similarity.ts` with each word's rarity among all
 * proposals. Computed on asking, never stored: the next filing changes every word's rarity.
 * The API's 查重 and 智能交办's neighbours both ask here, as the evaluation does.
 */
import type { Pool } from 'pg';
import { inTransaction } from './database';
import { EVERY_PROPOSAL } from './fingerprints';
import { type Fingerprint, type Likeness, byLikeness, likeness, rarity } from './similarity';

/**
 * The words of the proposal that look for candidates: those another uses too (a word only it
 * uses finds nothing), the rarest first, as many as the postings budget allows — the proposals
 * each word leads to are read from the index, so the budget bounds the work on a store of any
 * size, and it is the common words it leaves out. Never fewer than the first few.
 */
const POSTINGS = 5_000;
const AT_LEAST = 2;
/** Candidates ranked in full: those sharing the most probe weight first. */
const CANDIDATES = 300;

export interface CandidateRow {
  proposal_id: string;
  words: string[];
  sim_hash: string;
  session_id: string;
  session_name: string | null;
  number: number;
  title: string;
  status: string;
  stage: string;
  reply_class: string | null;
  merged_into: number | null;
  lead_unit_id: string | null;
  unit_ids: string[];
}

export interface Ranked {
  sessionId: string;
  words: string[];
  /** A word's weight: its rarity among all fingerprinted proposals. */
  weight: (word: string) => number;
  ranked: { row: CandidateRow; likeness: Likeness }[];
}

export interface SearchOptions {
  /** Only proposals assigned to units (their units are what 智能交办 learns from). */
  assignedOnly?: boolean;
  /** Only sessions other than these (an evaluation suggesting for a session from the earlier ones). */
  excludeSessions?: string[];
}

/** The proposals like `proposalId`, near copies first; undefined if it is not fingerprinted (not in the read model yet). */
export async function rankSimilar(pool: Pool, proposalId: string, options: SearchOptions = {}): Promise<Ranked | undefined> {
  const { rows: own } = await pool.query<{ words: string[]; sim_hash: string; session_id: string }>(
    'select f.words, f.sim_hash::text, p.session_id from proposal_fingerprints f join proposals p on p.id = f.proposal_id where f.proposal_id = $1',
    [proposalId],
  );
  if (!own[0]) return undefined;
  return rankSimilarTo(pool, { proposalId, sessionId: own[0].session_id, words: own[0].words, simHash: BigInt(own[0].sim_hash), stored: true }, options);
}

/** The proposals like a fingerprint (`stored`, or an intake's not stored yet, whose words the counts do not include), but the proposal's own. */
export async function rankSimilarTo(pool: Pool, me: Fingerprint & { proposalId: string; sessionId: string; stored: boolean }, options: SearchOptions = {}): Promise<Ranked> {
  const proposalId = me.proposalId;
  const frequencies = await wordFrequencies(pool, [...me.words, EVERY_PROPOSAL]);
  const total = frequencies.get(EVERY_PROPOSAL) ?? 1;
  frequencies.delete(EVERY_PROPOSAL);
  const shared = me.words.filter((w) => (frequencies.get(w) ?? 0) > (me.stored ? 1 : 0)).sort((a, b) => frequencies.get(a)! - frequencies.get(b)!);
  let postings = 0;
  const probe = shared.filter((w, i) => (postings += frequencies.get(w)!) <= POSTINGS || i < AT_LEAST);
  // The planner, misjudging how many proposals share the probe words, would read every
  // fingerprint rather than the index's postings (80 ms against 7 at 10,000 proposals).
  const candidates = await inTransaction(pool, async (db) => {
    await db.query('set local enable_seqscan = off');
    const { rows } = await db.query<CandidateRow>(
      `with scored as (
         select f.proposal_id, (select sum(probe.weight) from unnest($1::text[], $2::float8[]) as probe (word, weight) where probe.word = any(f.words)) as overlap
         from proposal_fingerprints f
         where f.words && $1::text[] and f.proposal_id <> $3 and not (f.session_id = any($5::text[]))
           -- At the 交办会 most of a session is unassigned and like one another: left out before the limit, not after.
           and ($4::boolean is not true or exists (select 1 from proposals a where a.id = f.proposal_id and a.lead_unit_id is not null))
         order by overlap desc, f.proposal_id
         limit ${CANDIDATES}
       )
       select f.proposal_id, f.words, f.sim_hash::text, p.session_id, p.summary->>'sessionName' as session_name, p.number, p.title, p.status, p.stage, p.reply_class,
              p.lead_unit_id, p.unit_ids,
              (select (e.payload->>'intoNumber')::int from proposal_events e where e.proposal_id = p.id and e.type = 'ProposalMerged' order by e.seq desc limit 1) as merged_into
       from scored join proposal_fingerprints f using (proposal_id) join proposals p on p.id = scored.proposal_id`,
      [probe, probe.map((w) => rarity(frequencies.get(w)!, total) ** 2), proposalId, options.assignedOnly ?? false, options.excludeSessions ?? []],
    );
    return rows;
  });
  const all = await wordFrequencies(pool, [...new Set(candidates.flatMap((c) => c.words))].filter((w) => !frequencies.has(w)));
  for (const [w, n] of frequencies) all.set(w, n);
  const weight = (word: string) => rarity(all.get(word) ?? 1, total);
  const ranked = candidates
    .map((row) => ({ row, likeness: likeness(me, { words: row.words, simHash: BigInt(row.sim_hash) }, weight) }))
    .filter(({ likeness: l }) => l.score > 0)
    .sort((x, y) => byLikeness(x.likeness, y.likeness));
  return { sessionId: me.sessionId, words: me.words, weight, ranked };
}

export async function wordFrequencies(pool: Pool, words: string[]): Promise<Map<string, number>> {
  if (words.length === 0) return new Map();
  const { rows } = await pool.query<{ word: string; proposals: number }>('select word, proposals from word_frequencies where word = any($1::text[])', [words]);
  return new Map(rows.map((r) => [r.word, r.proposals]));
}
