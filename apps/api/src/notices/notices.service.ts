/** The notices sent to people by email and SMS, as the committee reads them: which failed, which wait, which arrived. */
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { z } from 'zod';
import { PG_POOL } from '../connections';
import type { NoticeListSchema, NoticeQuerySchema } from '../contracts';
import { olderPage } from '../http/older-page';

type State = z.infer<typeof NoticeQuerySchema>['state'];
type Item = z.infer<typeof NoticeListSchema>['items'][number];

const WHERE: Record<State, string> = {
  failing: 'n.delivered_at is null and n.attempts > 0',
  waiting: 'n.delivered_at is null and n.attempts = 0',
  delivered: 'n.delivered_at is not null',
};

@Injectable()
export class NoticesService {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async list({ state, limit, before }: z.infer<typeof NoticeQuerySchema>): Promise<z.infer<typeof NoticeListSchema>> {
    const { rows } = await this.pool.query<Omit<Item, 'createdAt' | 'nextAttemptAt' | 'deliveredAt'> & { createdAt: Date; nextAttemptAt: Date; deliveredAt: Date | null }>(
      `select n.id::text, n.source, n.proposal_id as "proposalId", p.number as "proposalNumber", n.recipient, n.recipient_name as "recipientName",
              n.channel, n.address, coalesce(n.content->>'subject', n.content->>'text') as subject, n.urgent, n.attempts, n.last_error as "lastError",
              n.created_at as "createdAt", n.next_attempt_at as "nextAttemptAt", n.delivered_at as "deliveredAt"
         from notices n left join proposals p on p.id = n.proposal_id
        where ${WHERE[state]} and ($2::bigint is null or n.id < $2) order by n.id desc limit $1 + 1`,
      [limit, before ?? null],
    );
    return olderPage(rows, limit, (r) => ({ ...r, createdAt: r.createdAt.toISOString(), nextAttemptAt: r.deliveredAt ? null : r.nextAttemptAt.toISOString(), deliveredAt: r.deliveredAt?.toISOString() ?? null }));
  }
}
