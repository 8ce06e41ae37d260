/**
 * The alert dispatcher process: delivers the outbox to ALERT_WEBHOOK_URL as alerts are raised
 * (woken by the outbox's notifications, and by a poll for retries), until SIGTERM/SIGINT.
 * Several may run: each claims rows the others are not holding. It also looks, at start and every
 * COVERAGE_CHECK_MS, whether the holiday calendar reaches far enough ahead, and raises an
 * operator alert for the committee when it does not.
 */
import { z } from 'zod';
import { deliverDue, webhookSender } from './alert-delivery';
import { calendarCoverage, currentCalendar, raiseCoverageAlert } from '../../common/calendar-years';
import { DEFAULT_DATABASE_URL, createPool, listen } from '../../common/database';
import { defaultPolicy } from '../../../seeds/policy';
import { parseEnv } from '../../common/env';

const EnvSchema = z.object({
  DATABASE_URL: z.url().default(DEFAULT_DATABASE_URL),
  ALERT_WEBHOOK_URL: z.url(),
  POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1000),
  COVERAGE_CHECK_MS: z.coerce.number().int().min(1000).max(86_400_000).default(3_600_000),
  LOG_LEVEL: z.enum(['info', 'warn', 'error']).default('info'),
});

async function main() {
  const env = parseEnv(EnvSchema, 'dispatcher');
  const pool = createPool(env.DATABASE_URL, 2);
  let wake: () => void = () => undefined;
  // After a lost connection the outbox is scanned anyway: waking up is all the catching up it needs.
  const listening = listen(env.DATABASE_URL, 'alerts', () => wake(), () => wake());

  let running = true;
  const stop = () => {
    running = false;
    wake();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);

  const send = webhookSender(env.ALERT_WEBHOOK_URL);
  let coverageCheckedAt = 0;
  const checkCoverage = async () => {
    const now = new Date().toISOString();
    const coverage = await calendarCoverage(pool, await currentCalendar(pool, defaultPolicy().calendar), now);
    if (await raiseCoverageAlert(pool, coverage, now)) console.log(JSON.stringify({ level: 'warn', msg: 'the holiday calendar runs out', ...coverage }));
  };
  while (running) {
    if (Date.now() - coverageCheckedAt >= env.COVERAGE_CHECK_MS) {
      coverageCheckedAt = Date.now();
      await checkCoverage().catch((err) => console.error(JSON.stringify({ level: 'error', msg: 'calendar coverage check failed', err: String(err) })));
    }
    const { delivered, failed } = await deliverDue(pool, send).catch((err) => {
      console.error(JSON.stringify({ level: 'error', msg: 'delivery round failed', err: String(err) }));
      return { delivered: 0, failed: 0 };
    });
    if (delivered + failed > 0 && env.LOG_LEVEL === 'info') console.log(JSON.stringify({ level: 'info', msg: 'alerts delivered', delivered, failed }));
    if (delivered > 0) continue;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, env.POLL_MS);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
  await listening.close();
  await pool.end();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
