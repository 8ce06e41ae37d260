import { Controller, Get, Inject, Query } from '@nestjs/common';
import type { Pool } from 'pg';
import type { ProposalSummary } from '../../../../workflows/domain/summary';
import { CurrentPrincipal, Roles } from '../auth/auth.guard';
import type { Principal } from '../auth/principals';
import { PG_POOL } from '../connections';
import { StatsQuerySchema } from '../contracts';
import { parse } from '../http/parse';
import { TasksService } from '../tasks/tasks.service';
import { statistics } from './statistics';

/** For the proposal committee: what is overdue, and how each unit is doing. Read model only. */
@Controller('supervision')
@Roles('committee')
export class SupervisionController {
  constructor(
    private readonly tasks: TasksService,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  @Get('overdue')
  overdue(@CurrentPrincipal() p: Principal, @Query() query: unknown) {
    const q = parse(StatsQuerySchema, query, 'query');
    return this.tasks.list(p, { includeOptional: false, overdueOnly: true, session: q.session, unit: q.unit });
  }

  @Get('stats')
  async stats(@Query() query: unknown) {
    const q = parse(StatsQuerySchema, query, 'query');
    const { rows } = await this.pool.query<{ summary: ProposalSummary }>(
      `select summary from proposals where assigned_at is not null and ($1::text is null or session_id = $1) and ($2::text is null or unit_ids @> array[$2::text])`,
      [q.session ?? null, q.unit ?? null],
    );
    const asOf = new Date().toISOString();
    const all = statistics(rows.map((r) => r.summary), asOf);
    return { asOf, rows: q.unit ? all.filter((r) => r.unitId === q.unit) : all };
  }
}
