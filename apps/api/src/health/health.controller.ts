import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { temporal as proto } from '@temporalio/proto';
import type { Response } from 'express';
import type { Pool } from 'pg';
import { Public } from '../auth/auth.guard';
import { TASK_QUEUE } from '../../../../workflows/messages';
import { CalendarService } from '../calendar/calendar.service';
import { API_CONFIG, type ApiConfig } from '../config';
import { PG_POOL, TEMPORAL } from '../connections';
import { measureProjectionLagIn, registry } from '../http/metrics';

@Controller()
@Public()
export class HealthController {
  constructor(
    @Inject(TEMPORAL) private readonly temporal: Client,
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly calendar: CalendarService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {
    measureProjectionLagIn(pool);
  }

  /** Prometheus' scrape: the API's figures in its text format (see the README for the names). */
  @Get('metrics')
  async metrics(@Res() res: Response) {
    res.type(registry.contentType).send(await registry.metrics());
  }

  /**
   * A worker polls the proposals' task queue: without one, actions wait and time out. An idle
   * worker's long poll is renewed at least every minute or so, hence the 90 s.
   */
  private async workerPolling(): Promise<void> {
    const { pollers } = await this.temporal.workflowService.describeTaskQueue({
      namespace: this.config.TEMPORAL_NAMESPACE,
      taskQueue: { name: TASK_QUEUE },
      taskQueueType: proto.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
    });
    const seen = (pollers ?? []).map((p) => Number(p.lastAccessTime?.seconds ?? 0) * 1000);
    if (!seen.some((at) => Date.now() - at < 90_000)) throw new Error(`no worker polls the task queue ${TASK_QUEUE}`);
  }

  /** Liveness: the process answers. */
  @Get('healthz')
  live() {
    return { status: 'ok' };
  }

  /**
   * Readiness: Temporal and PostgreSQL both answer within two seconds and a worker polls the
   * task queue. A holiday calendar that
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
    const [temporal, postgres, worker] = await Promise.all([
      check(() => this.temporal.workflowService.getSystemInfo({})),
      check(() => this.pool.query('select 1')),
      check(() => this.workerPolling()),
    ]);
    const ok = temporal === 'ok' && postgres === 'ok' && worker === 'ok';
    res.status(ok ? 200 : 503);
    const coverage = postgres === 'ok' ? await within(this.calendar.coverage()).catch(() => undefined) : undefined;
    const calendar = coverage && {
      ...coverage,
      ...(coverage.uncoveredYears.length > 0 ? { warning: `the holiday calendar ${coverage.calendar} does not cover ${coverage.uncoveredYears.join(', ')}: load the year (PUT /calendar/years/{year})` } : {}),
    };
    return { status: ok ? 'ready' : 'not ready', temporal, postgres, worker, ...(calendar ? { calendar } : {}) };
  }
}
