/** Configuration from the environment, checked once at start with a clear message. */
import { z } from 'zod';
import { parseEnv } from '../../common/env';
import { DEFAULT_DATABASE_URL } from '../../common/database';

const EnvSchema = z.object({
  TEMPORAL_ADDRESS: z.string().regex(/^[^:\s]+:\d+$/, 'must be host:port').default('127.0.0.1:7233'),
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  DATABASE_URL: z.url().default(DEFAULT_DATABASE_URL),
  WORKFLOW_BUNDLE: z.string().optional(),
  /** Workflows kept in memory between tasks; the rest are replayed from history when they wake. */
  MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).max(100_000).default(200),
  LOG_LEVEL: z.enum(['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR']).default('INFO'),
  /** 每日待办: the time of day (in DIGEST_TIMEZONE) the daily Schedule fires; "off" makes no Schedule. */
  DIGEST_AT: z.union([z.literal('off'), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:MM or off')]).default('08:30'),
  DIGEST_TIMEZONE: z.string().min(1).default('Asia/Shanghai'),
  /** host:port where the SDK serves its Prometheus metrics (workflow task latency, cache size…); unset, none. */
  METRICS_ADDRESS: z.string().regex(/^[^:\s]+:\d+$/, 'must be host:port').optional(),
});
export type WorkerEnv = z.infer<typeof EnvSchema>;

export const readEnv = (env: NodeJS.ProcessEnv = process.env): WorkerEnv => parseEnv(EnvSchema, 'worker', env);
