/** 答复公开: the replies a session's units decided to publish, from the read model, for anyone. */
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { inSnapshot } from '../../../common/database';
import { PG_POOL } from '../connections';
import type { PublicRepliesQuerySchema } from '../contracts';
import type { z } from 'zod';

@Injectable()
export class PublicationService {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  /** The sessions with a published reply, the latest first. */
  async sessions() {
    const { rows } = await this.pool.query<{ id: string; name: string }>(
      `select p.session_id as id, min(p.summary->>'sessionName') as name from proposals p
       where exists (select 1 from jsonb_array_elements(p.summary->'replies') r where r->'publication'->>'decision' in ('full', 'summary'))
       group by p.session_id order by max(p.filed_at) desc`,
    );
    return rows;
  }

  /** Published in full or as a summary, by number; a withheld reply is not listed, nor why. */
  async replies(q: z.infer<typeof PublicRepliesQuerySchema>) {
    const published = `from proposals p cross join lateral jsonb_array_elements(p.summary->'replies') r`;
    const where = `where p.session_id = $1 and r->'publication'->>'decision' in ('full', 'summary')`;
    const [{ rows }, counted] = await inSnapshot(this.pool, (db) => Promise.all([
      db.query(
        `select p.id, p.number, p.title, p.category, p.summary->'proposers' as proposers, r->>'unitId' as unit_id, coalesce(u.name, r->>'unitId') as unit_name,
                r->>'documentNumber' as document_number, r->>'replyClass' as reply_class, r->>'issuedAt' as issued_at,
                r->'publication'->>'decision' as decision, r->'publication'->>'summary' as summary
         ${published} left join units u on u.id = r->>'unitId' ${where}
         order by p.number, r->>'unitId' limit $2 offset $3`,
        [q.session, q.pageSize, (q.page - 1) * q.pageSize],
      ),
      db.query<{ total: number }>(`select count(*)::int as total ${published} ${where}`, [q.session]),
    ]));
    return {
      items: rows.map((r) => ({
        proposalId: r.id,
        number: r.number,
        title: r.title,
        category: r.category,
        proposers: (r.proposers as { name: string }[]).map((p) => p.name),
        unitId: r.unit_id,
        unitName: r.unit_name,
        documentNumber: r.document_number,
        replyClass: r.reply_class,
        issuedAt: r.issued_at,
        publication: r.decision,
        ...(r.summary ? { summary: r.summary } : {}),
      })),
      total: counted.rows[0]!.total,
      page: q.page,
      pageSize: q.pageSize,
    };
  }
}
