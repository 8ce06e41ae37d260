import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { Response } from 'express';
import type { Pool } from 'pg';
import { Public } from '../auth/auth.guard';
import { CalendarService } from '../calendar/calendar.service';
import { PG_POOL, TEMPORAL } from '../connections';

@Controller()
@Public()
export class HealthController {
  constructor(
    @Inject(TEMPORAL) private readonly temporal: Client,
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly calendar: CalendarService,
  ) {}

  /** Liveness: the process answers. */
  @Get('healthz')
  live() {
    return { status: 'ok' };
  }

  /**
   * Readiness: Temporal and PostgreSQL both answer within two seconds. A holiday calendar that
   * does not reach six months ahead (or past an open due date) is a warning, not unreadiness.
   */
  @Get('readyz')
  async ready(@Res({ passthrough: true }) res: Response) {
    const within = <T>(p: Promise<T>) => Promise.race([p, new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), 2000))]);
    const check = async (f: () => Promise<unknown>) => {
      try {
        await within(f());
        return 'ok';
      } catch (err) {
        return `failing: ${(err as Error).message}`;
      }
    };
    const [temporal, postgres] = await Promise.all([
      check(() => this.temporal.workflowService.getSystemInfo({})),
      check(() => this.pool.query('select 1')),
    ]);
    const ok = temporal === 'ok' && postgres === 'ok';
    res.status(ok ? 200 : 503);
    const coverage = postgres === 'ok' ? await within(this.calendar.coverage()).catch(() => undefined) : undefined;
    const calendar = coverage && {
      ...coverage,
      ...(coverage.uncoveredYears.length > 0 ? { warning: `the holiday calendar ${coverage.calendar} does not cover ${coverage.uncoveredYears.join(', ')}: load the year (PUT /calendar/years/{year})` } : {}),
    };
    return { status: ok ? 'ready' : 'not ready', temporal, postgres, ...(calendar ? { calendar } : {}) };
  }
}
