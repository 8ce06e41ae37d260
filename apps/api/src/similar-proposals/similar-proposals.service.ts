/**
 * 提案查重 over the read model: the proposals sharing a proposal's rarest words are found by the
 * fingerprints' GIN index, then ranked by `similarity.ts` with each word's rarity among all
 * proposals. The ranking is computed here, never stored: the next filing changes every word's rarity.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { z } from 'zod';
import { byLikeness, likeness, rarity } from '../../../common/similarity';
import { PG_POOL } from '../connections';
import type { SimilarProposalsSchema } from '../contracts';
import { Problem } from '../http/problem';

/**
 * The words of the proposal that look for candidates: those another uses too (a word only it
 * uses finds nothing) but not too common to say what it is about, the rarest first. Enough of
 * them that a copy's many rare words leave room for a proposal on the matter in other words.
 */
const PROBE_WORDS = 64;
const COMMON = (total: number) => Math.max(50, total / 20);
/** Candidates ranked in full: the most probe words shared first. */
const CANDIDATES = 300;
const SHOWN_WORDS = 12;

interface CandidateRow {
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
}

@Injectable()
export class SimilarProposalsService {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async similar(proposalId: string, limit: number): Promise<z.infer<typeof SimilarProposalsSchema>> {
    const { rows: own } = await this.pool.query<{ words: string[]; sim_hash: string; session_id: string }>(
      'select f.words, f.sim_hash::text, p.session_id from proposal_fingerprints f join proposals p on p.id = f.proposal_id where f.proposal_id = $1',
      [proposalId],
    );
    if (!own[0]) throw new Problem(404, 'proposal-not-found', 'No such proposal', `${proposalId} is not in the read model (yet)`);
    const me = { words: own[0].words, simHash: BigInt(own[0].sim_hash) };
    const frequencies = await this.frequencies(me.words);
    const { rows: counted } = await this.pool.query<{ n: number }>('select count(*)::int as n from proposal_fingerprints');
    const total = counted[0]!.n;
    const probe = me.words
      .filter((w) => (frequencies.get(w) ?? 0) > 1 && frequencies.get(w)! <= COMMON(total))
      .sort((a, b) => frequencies.get(a)! - frequencies.get(b)!)
      .slice(0, PROBE_WORDS);
    const { rows: candidates } = await this.pool.query<CandidateRow>(
      `select f.proposal_id, f.words, f.sim_hash::text, p.session_id, p.summary->>'sessionName' as session_name, p.number, p.title, p.status, p.stage, p.reply_class,
              (select (e.payload->>'intoNumber')::int from proposal_events e where e.proposal_id = p.id and e.type = 'ProposalMerged' order by e.seq desc limit 1) as merged_into
       from proposal_fingerprints f join proposals p on p.id = f.proposal_id
       where f.words && $1::text[] and f.proposal_id <> $2
       order by cardinality(array(select unnest(f.words) intersect select unnest($1::text[]))) desc, f.proposal_id
       limit ${CANDIDATES}`,
      [probe, proposalId],
    );
    const all = await this.frequencies([...new Set(candidates.flatMap((c) => c.words))].filter((w) => !frequencies.has(w)));
    for (const [w, n] of frequencies) all.set(w, n);
    const weight = (word: string) => rarity(all.get(word) ?? 1, total);
    const ranked = candidates
      .map((c) => ({ c, l: likeness(me, { words: c.words, simHash: BigInt(c.sim_hash) }, weight) }))
      .filter(({ l }) => l.score > 0)
      .sort((x, y) => byLikeness(x.l, y.l));
    const shown = ({ c, l }: (typeof ranked)[number]) => ({
      proposalId: c.proposal_id,
      sessionId: c.session_id,
      sessionName: c.session_name,
      number: c.number,
      title: c.title,
      status: c.status,
      stage: c.stage,
      replyClass: c.reply_class,
      mergedInto: c.merged_into,
      score: Math.round(l.score * 1000) / 1000,
      nearCopy: l.nearCopy,
      sharedWords: l.shared.slice(0, SHOWN_WORDS),
    });
    const session = own[0].session_id;
    return {
      proposalId,
      thisSession: ranked.filter(({ c }) => c.session_id === session).slice(0, limit).map(shown),
      pastSessions: ranked.filter(({ c }) => c.session_id !== session).slice(0, limit).map(shown),
    };
  }

  private async frequencies(words: string[]): Promise<Map<string, number>> {
    if (words.length === 0) return new Map();
    const { rows } = await this.pool.query<{ word: string; proposals: number }>('select word, proposals from word_frequencies where word = any($1::text[])', [words]);
    return new Map(rows.map((r) => [r.word, r.proposals]));
  }
}
