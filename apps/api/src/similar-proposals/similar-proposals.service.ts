/** 提案查重 as the API answers it: `rankSimilar`'s ranking split into this session's and past sessions'. */
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { z } from 'zod';
import { type Ranked, rankSimilar } from '../../../common/similar-proposals';
import { isMergeCandidate } from '../../../common/similarity';
import { PG_POOL } from '../connections';
import type { SimilarProposalsSchema } from '../contracts';
import { Problem } from '../http/problem';

const SHOWN_WORDS = 12;

const shown = ({ row: c, likeness: l }: Ranked['ranked'][number]) => ({
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
  mergeCandidate: isMergeCandidate(l),
  sharedWords: l.shared.slice(0, SHOWN_WORDS),
});

@Injectable()
export class SimilarProposalsService {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async similar(proposalId: string, limit: number): Promise<z.infer<typeof SimilarProposalsSchema>> {
    const found = await rankSimilar(this.pool, proposalId);
    if (!found) throw new Problem(404, 'proposal-not-found', 'No such proposal', `${proposalId} is not in the read model (yet)`);
    return {
      proposalId,
      thisSession: found.ranked.filter(({ row }) => row.session_id === found.sessionId).slice(0, limit).map(shown),
      pastSessions: found.ranked.filter(({ row }) => row.session_id !== found.sessionId).slice(0, limit).map(shown),
    };
  }
}
