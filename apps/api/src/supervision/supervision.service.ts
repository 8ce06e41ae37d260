/** The committee's figures, from the read model's summaries of the proposals asked for. */
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { ProposalSummary } from '../../../../workflows/domain/summary';
import { PG_POOL } from '../connections';
import { statistics } from './statistics';

@Injectable()
export class SupervisionService {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async stats(session: string | undefined, unit: string | undefined) {
    const { rows } = await this.pool.query<{ summary: ProposalSummary }>(
      `select summary from proposals where assigned_at is not null and ($1::text is null or session_id = $1) and ($2::text is null or unit_ids @> array[$2::text])`,
      [session ?? null, unit ?? null],
    );
    const asOf = new Date().toISOString();
    const all = statistics(rows.map((r) => r.summary), asOf);
    return { asOf, rows: unit ? all.filter((r) => r.unitId === unit) : all };
  }
}
