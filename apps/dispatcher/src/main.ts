/**
 * The alert dispatcher process: delivers the outbox to ALERT_WEBHOOK_URL as alerts are raised
 * (woken by the outbox's notifications, and by a poll for retries), until SIGTERM/SIGINT; fans
 * each alert out to the people it concerns and sends their notices by email (SMTP_URL) and SMS
 * (SMS_GATEWAY_URL), each channel only where it is configured.
 * Several may run: each claims rows the others are not holding. It also looks, at start and every
 * COVERAGE_CHECK_MS, whether the holiday calendar reaches far enough ahead, and raises an
 * operator alert for the committee when it does not.
 */
import { z } from 'zod';
import { deliverDue, webhookSender } from './alert-delivery';
import { emailSender } from './email';
import { type NoticeSender, deliverNotices } from './notice-delivery';
import { fanOutAlerts } from './notices';
import { fanOutDigests } from './digests';
import { smsSender } from './sms-gateway';
import type { Channel } from '../../common/contact-preferences';
import { serveMetrics } from '../../common/metrics';
import { dispatcherMetrics } from './metrics';
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
  /** e.g. smtp://user:pass@mail.example.gov.cn:587, or smtps://… for TLS from the start. */
  SMTP_URL: z.url().optional(),
  MAIL_FROM: z.string().min(3).default('"政协提案委员会" <tian@localhost>'),
  MESSAGE_ID_DOMAIN: z.string().min(1).default('proposals.local'),
  CONSOLE_URL: z.url().default('http://localhost:3000'),
  SMS_GATEWAY_URL: z.url().optional(),
  SMS_ACCESS_KEY: z.string().default(''),
  SMS_SECRET: z.string().default(''),
  SMS_SIGNATURE: z.string().regex(/^【[^】]{2,12}】$/, 'must be the registered signature in 【】').default('【政协提案委员会】'),
  SMS_TEMPLATE_ID: z.string().default(''),
  /** The longest wait between two attempts at a notice (1 s, 2 s, 4 s … up to it). */
  NOTICE_RETRY_MAX_S: z.coerce.number().int().min(1).max(86_400).default(3600),
  /** Where Prometheus scrapes GET /metrics (0: any free port); unset, no endpoint. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65_535).optional(),
  METRICS_HOST: z.string().default('127.0.0.1'),
});

async function main() {
  const env = parseEnv(EnvSchema, 'dispatcher');
  // One connection holds the notices being sent, one renders a 催办通知书 meanwhile, one answers a scrape.
  const pool = createPool(env.DATABASE_URL, 3);
  let wake: () => void = () => undefined;
  // After a lost connection the outbox is scanned anyway: waking up is all the catching up it needs.
  const listening = listen(env.DATABASE_URL, 'alerts', () => wake(), () => wake());
  // The daily Schedule's digest runs (每日待办).
  const listeningForDigests = listen(env.DATABASE_URL, 'notices', () => wake(), () => wake());

  const metrics = dispatcherMetrics(pool);
  const scrape = env.METRICS_PORT === undefined ? undefined : await serveMetrics(metrics.registry, env.METRICS_HOST, env.METRICS_PORT);
  let running = true;
  const stop = () => {
    running = false;
    wake();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);

  const send = webhookSender(env.ALERT_WEBHOOK_URL);
  const senders: Partial<Record<Channel, NoticeSender>> = {};
  const email = env.SMTP_URL ? emailSender(pool, { smtpUrl: env.SMTP_URL, from: env.MAIL_FROM, messageIdDomain: env.MESSAGE_ID_DOMAIN }) : undefined;
  if (email) senders.email = email;
  if (env.SMS_GATEWAY_URL) {
    senders.sms = smsSender({ url: env.SMS_GATEWAY_URL, accessKey: env.SMS_ACCESS_KEY, secret: env.SMS_SECRET, signature: env.SMS_SIGNATURE, templateId: env.SMS_TEMPLATE_ID });
  }
  const noticeSettings = { channels: Object.keys(senders) as Channel[], consoleUrl: env.CONSOLE_URL, smsSignature: env.SMS_SIGNATURE };
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
    const none = { delivered: 0, failed: 0, deferred: 0 };
    const logged = (what: string) => (err: unknown) => console.error(JSON.stringify({ level: 'error', msg: `${what} failed`, err: String(err) }));
    const { delivered, failed } = await deliverDue(pool, send).catch((err) => (logged('delivery round')(err), none));
    metrics.count('webhook', 'delivered', delivered);
    metrics.count('webhook', 'failed', failed);
    if (delivered + failed > 0 && env.LOG_LEVEL === 'info') console.log(JSON.stringify({ level: 'info', msg: 'alerts delivered', delivered, failed }));
    // Fanned out even with no channel configured: an alert is marked told, never sent late when one is.
    const fanOut = async () => (await fanOutAlerts(pool, noticeSettings)) + (await fanOutDigests(pool, noticeSettings));
    const made = await fanOut().catch((err) => (logged('fan-out')(err), 0));
    const notices = await deliverNotices(pool, senders, { maxBackoffSeconds: env.NOTICE_RETRY_MAX_S, record: (channel, outcome) => metrics.count(channel, outcome, 1) }).catch((err) => (logged('notice round')(err), none));
    if (notices.delivered + notices.failed + notices.deferred > 0 && env.LOG_LEVEL === 'info') console.log(JSON.stringify({ level: 'info', msg: 'notices sent', ...notices }));
    if (delivered > 0 || made > 0 || notices.delivered > 0) continue;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, env.POLL_MS);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
  await Promise.all([listening.close(), listeningForDigests.close(), scrape?.close()]);
  email?.close();
  await pool.end();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
