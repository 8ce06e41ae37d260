/**
 * The API's figures for Prometheus (GET /metrics): requests by route, method and status with
 * their latency, each action's Update latency by outcome, and the projection's lag behind the
 * proposals this process acted on (the version an Update answered minus the read model's).
 */
import type { NextFunction, Request, Response } from 'express';
import type { Pool } from 'pg';
import { Counter, Gauge, Histogram } from 'prom-client';
import { processRegistry } from '../../../common/metrics';
import { routeOf } from './route';

export const registry = processRegistry('api');

const requests = new Counter({ name: 'http_requests_total', help: 'HTTP requests answered, by route, method and status', labelNames: ['method', 'route', 'status'], registers: [registry] });
const latency = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'Time to answer an HTTP request, by route, method and status',
  labelNames: ['method', 'route', 'status'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});
export const updateLatency = new Histogram({
  name: 'proposal_update_duration_seconds',
  help: "An action's Update, sent until answered, by action and outcome (accepted, refused, failed)",
  labelNames: ['action', 'outcome'],
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

export function requestMetrics(req: Request, res: Response, next: NextFunction) {
  const end = latency.startTimer();
  res.on('finish', () => {
    const labels = { method: req.method, route: routeOf(req), status: String(res.statusCode) };
    requests.inc(labels);
    end(labels);
  });
  next();
}

/** The versions Updates answered, for the proposals acted on most recently (bounded). */
const answered = new Map<string, number>();
const REMEMBERED = 1000;

export function rememberAnswer(proposalId: string, version: number) {
  answered.delete(proposalId);
  answered.set(proposalId, version);
  if (answered.size > REMEMBERED) answered.delete(answered.keys().next().value!);
}

let lagPool: Pool | undefined;
const behind = new Gauge({ name: 'proposal_projection_behind', help: 'How many of the proposals this process acted on lately the read model has not caught up with', registers: [] });
new Gauge({
  name: 'proposal_projection_lag_versions',
  help: 'Versions the read model is behind what Updates answered: the most, over the proposals this process acted on lately',
  registers: [registry],
  async collect() {
    const ids = [...answered.keys()];
    const { rows } = lagPool && ids.length ? await lagPool.query<{ id: string; version: number }>('select id, version from proposals where id = any($1)', [ids]) : { rows: [] };
    const projected = new Map(rows.map((r) => [r.id, r.version]));
    const gaps = ids.map((id) => Math.max(0, answered.get(id)! - (projected.get(id) ?? 0)));
    this.set(Math.max(0, ...gaps));
    behind.set(gaps.filter((g) => g > 0).length);
  },
});
// After the lag, whose collection sets it.
registry.registerMetric(behind);

/** The read model the lag is measured against (the API's pool; a restarted API brings its own). */
export const measureProjectionLagIn = (pool: Pool) => void (lagPool = pool);
