/**
 * The dispatcher's figures for Prometheus: what each round delivered and failed, by kind (the
 * alert webhook, email, SMS), and the backlog as the outbox and the notices hold it at each scrape.
 */
import type { Pool } from 'pg';
import { Counter, Gauge } from 'prom-client';
import { processRegistry } from '../../common/metrics';

export function dispatcherMetrics(pool: Pool) {
  const registry = processRegistry('dispatcher');
  const sent = new Counter({ name: 'delivery_attempts_total', help: 'Deliveries tried, by channel (webhook, email, sms) and outcome (delivered, failed, deferred)', labelNames: ['channel', 'outcome'], registers: [registry] });
  new Gauge({
    name: 'delivery_backlog',
    help: 'Alerts and notices not yet delivered, by channel; failing: of them, those tried and failed',
    labelNames: ['channel', 'state'],
    registers: [registry],
    async collect() {
      const { rows } = await pool.query<{ channel: string; state: string; n: number }>(
        `select 'webhook' as channel, case when attempts > 0 then 'failing' else 'waiting' end as state, count(*)::int as n from alert_outbox where delivered_at is null group by 2
         union all
         select channel, case when attempts > 0 then 'failing' else 'waiting' end, count(*)::int from notices where delivered_at is null group by 1, 2`,
      );
      this.reset();
      for (const r of rows) this.set({ channel: r.channel, state: r.state }, r.n);
    },
  });
  new Gauge({
    name: 'delivery_oldest_undelivered_seconds',
    help: 'Age of the oldest alert or notice not yet delivered, by channel',
    labelNames: ['channel'],
    registers: [registry],
    async collect() {
      const { rows } = await pool.query<{ channel: string; age: number }>(
        `select 'webhook' as channel, extract(epoch from now() - min(raised_at))::float8 as age from alert_outbox where delivered_at is null
         union all
         select channel, extract(epoch from now() - min(created_at))::float8 from notices where delivered_at is null group by channel`,
      );
      this.reset();
      for (const r of rows) if (r.age !== null) this.set({ channel: r.channel }, r.age);
    },
  });
  return {
    registry,
    count: (channel: string, outcome: 'delivered' | 'failed' | 'deferred', n: number) => n > 0 && sent.inc({ channel, outcome }, n),
  };
}
