/**
 * A proposal's fingerprint in the read model (`proposal_fingerprints`, `word_frequencies`):
 * computed from its intake as its filing is projected, once, with each of its words counted once
 * among the proposals that use it. The SQL is shared by the projection and the backfill of
 * proposals projected before fingerprints existed.
 */
import type { Pool } from 'pg';
import type { Intake } from '../../workflows/domain/contracts';
import { distinctiveWords, simHash } from './similarity';
import { withUnitNames } from './search-words';

/** The word whose count is every fingerprinted proposal's. */
export const EVERY_PROPOSAL = '';

export interface StoredFingerprint {
  proposal_id: string;
  session_id: string;
  words: string[];
  sim_hash: string;
}

export function fingerprintOf(proposalId: string, intake: Pick<Intake, 'title' | 'content' | 'proposers'> & { session: { id: string } }): StoredFingerprint {
  const words = distinctiveWords({ title: intake.title, content: intake.content, proposers: intake.proposers.map((p) => p.name) });
  return { proposal_id: proposalId, session_id: intake.session.id, words: [...new Set(words)].sort(), sim_hash: simHash(words).toString() };
}

/**
 * CTEs storing the fingerprints in `rows` (a jsonb array of StoredFingerprint) that are new, and
 * counting their words; sorted, so concurrent filings take the words' rows in one order. The
 * empty word (never a word of a proposal) counts every proposal: the total a rarity is of,
 * read in one lookup rather than counted.
 */
export const STORE_FINGERPRINTS = (rows: string) => `
  fingerprinted as (
    insert into proposal_fingerprints (proposal_id, session_id, words, sim_hash)
    select x.proposal_id, x.session_id, x.words, x.sim_hash::bigint from jsonb_to_recordset(${rows}::jsonb) as x(proposal_id text, session_id text, words text[], sim_hash text)
    on conflict (proposal_id) do nothing
    returning words
  ),
  counted as (
    insert into word_frequencies (word, proposals)
    select w, count(*) from (select unnest(words) as w from fingerprinted union all select '' from fingerprinted) as used group by w order by w
    on conflict (word) do update set proposals = word_frequencies.proposals + excluded.proposals
  )`;

/** Fingerprints the proposals projected before fingerprints existed, from their filing events, a few hundred at a time. */
export async function fingerprintUnfingerprinted(pool: Pool): Promise<number> {
  await withUnitNames(pool);
  let done = 0;
  for (;;) {
    const { rows } = await pool.query<{ id: string; intake: Intake }>(
      `select p.id, e.payload->'intake' as intake from proposals p
       join proposal_events e on e.proposal_id = p.id and e.type = 'ProposalFiled'
       where not exists (select 1 from proposal_fingerprints f where f.proposal_id = p.id) limit 500`,
    );
    if (rows.length === 0) return done;
    await pool.query(`with ${STORE_FINGERPRINTS('$1')} select 1`, [JSON.stringify(rows.map((r) => fingerprintOf(r.id, r.intake)))]);
    done += rows.length;
  }
}
