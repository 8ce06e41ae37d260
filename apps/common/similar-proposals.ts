/**
 * 提案查重 over the read model: the proposals sharing a proposal's rarest words are found by the
 * fingerprints' GIN index, then ranked by `similarity.ts` with each word's rarity among all
 * proposals. Computed on asking, never stored: the next filing changes every word's rarity.
 * The API's 查重 and 智能交办's neighbours both ask here, as the evaluation does.
 */
import type { Pool } from 'pg';
import { type Likeness, byLikeness, likeness, rarity } from './similarity';

/**
 * The words of the proposal that look for candidates: those another uses too (a word only it
 * uses finds nothing) but not too common to say what it is about, the rarest first. Enough of
 * them that a copy's many rare words leave room for a proposal on the matter in other words.
 */
const PROBE_WORDS = 64;
const COMMON = (total: number) => Math.max(50, total / 20);
/** Candidates ranked in full: the most probe words shared first. */
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
  const me = { words: own[0].words, simHash: BigInt(own[0].sim_hash) };
  const frequencies = await wordFrequencies(pool, me.words);
  const total = await fingerprinted(pool);
  const probe = me.words
    .filter((w) => (frequencies.get(w) ?? 0) > 1 && frequencies.get(w)! <= COMMON(total))
    .sort((a, b) => frequencies.get(a)! - frequencies.get(b)!)
    .slice(0, PROBE_WORDS);
  const { rows: candidates } = await pool.query<CandidateRow>(
    `select f.proposal_id, f.words, f.sim_hash::text, p.session_id, p.summary->>'sessionName' as session_name, p.number, p.title, p.status, p.stage, p.reply_class,
            p.lead_unit_id, p.unit_ids,
            (select (e.payload->>'intoNumber')::int from proposal_events e where e.proposal_id = p.id and e.type = 'ProposalMerged' order by e.seq desc limit 1) as merged_into
     from proposal_fingerprints f join proposals p on p.id = f.proposal_id
     where f.words && $1::text[] and f.proposal_id <> $2
       and ($3::boolean is not true or p.lead_unit_id is not null)
       and not (p.session_id = any($4::text[]))
     order by cardinality(array(select unnest(f.words) intersect select unnest($1::text[]))) desc, f.proposal_id
     limit ${CANDIDATES}`,
    [probe, proposalId, options.assignedOnly ?? false, options.excludeSessions ?? []],
  );
  const all = await wordFrequencies(pool, [...new Set(candidates.flatMap((c) => c.words))].filter((w) => !frequencies.has(w)));
  for (const [w, n] of frequencies) all.set(w, n);
  const weight = (word: string) => rarity(all.get(word) ?? 1, total);
  const ranked = candidates
    .map((row) => ({ row, likeness: likeness(me, { words: row.words, simHash: BigInt(row.sim_hash) }, weight) }))
    .filter(({ likeness: l }) => l.score > 0)
    .sort((x, y) => byLikeness(x.likeness, y.likeness));
  return { sessionId: own[0].session_id, words: me.words, weight, ranked };
}

export async function wordFrequencies(pool: Pool, words: string[]): Promise<Map<string, number>> {
  if (words.length === 0) return new Map();
  const { rows } = await pool.query<{ word: string; proposals: number }>('select word, proposals from word_frequencies where word = any($1::text[])', [words]);
  return new Map(rows.map((r) => [r.word, r.proposals]));
}

const fingerprinted = async (pool: Pool) => (await pool.query<{ n: number }>('select count(*)::int as n from proposal_fingerprints')).rows[0]!.n;
