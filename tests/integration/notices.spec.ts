/**
 * People hear about what is theirs, on real servers: a Temporal dev server and a worker raising
 * proposal 202's alerts on compressed time, PostgreSQL, the dispatcher as its own process, a real
 * SMTP server (aiosmtpd) whose Maildir the test reads, and an SMS gateway on loopback that checks
 * every request's signature. The SMTP server goes down for a minute: nothing is lost or sent twice.
 */
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ParsedMail } from 'mailparser';
import { createActivities } from '../../activities';
import { loadDirectory } from '../../apps/api/src/auth/principals';
import { type MailServer, startMailServer } from '../../apps/stack/src/mail-server';
import { workflowSources } from '../../apps/worker/src/workflow-code';
import { deliverNotices } from '../../apps/dispatcher/src/notice-delivery';
import { insertNotices } from '../../apps/dispatcher/src/notices';
import { inTransaction } from '../../apps/common/database';
import { compressedPolicy, defaultPolicy } from '../../seeds/policy';
import { createDailyDigestActivities } from '../../activities/daily-digest';
import { storeCalendarYear } from '../../apps/common/calendar-years';
import { ensureDailyDigestSchedule } from '../../apps/worker/src/daily-digest-schedule';
import { DAILY_DIGEST_SCHEDULE_ID } from '../../workflows/daily-digest';
import { localDate } from '../../workflows/domain/calendar';
import { referenceCase, seedDirectory } from '../../seeds/reference-case';
import { TASK_QUEUE } from '../../workflows/messages';
import { type TestDatabase, createTestDatabase } from '../support/database';
import { pdfText } from '../support/documents';
import { Processes, freePort } from '../support/processes';
import { act, startProposal } from '../support/proposals';
import { startSmsGateway } from '../support/sms-gateway';
import { devServerEnv } from '../support/temporal';
import { until } from '../support/until';

const c202 = referenceCase();
const CONSOLE = 'https://tian.smx.example.gov.cn';
const account = { accessKey: 'smx-cppcc', secret: 'gateway-secret-of-the-test', signName: '三门峡政协', templateId: 'SMS_TIAN_001' };
let env: TestWorkflowEnvironment;
let db: TestDatabase;
let mail: MailServer;
let sms: Awaited<ReturnType<typeof startSmsGateway>>;
let worker: Worker;
let running: Promise<void>;
const processes = new Processes();
let metricsUrl: string;

beforeAll(async () => {
  [env, db] = await Promise.all([devServerEnv(), createTestDatabase()]);
  await loadDirectory(db.pool, seedDirectory());
  // Quiet hours are their own test, on a clock of its own: here every notice may go at once.
  await db.pool.query('update principals set quiet_hours = null');
  [mail, sms] = await Promise.all([startMailServer(await freePort(), path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mail-')), 'Maildir')), startSmsGateway(account)]);
  worker = await Worker.create({ connection: env.nativeConnection, taskQueue: TASK_QUEUE, ...workflowSources(), activities: createActivities(db.pool, env.client) });
  running = worker.run();
  const metricsPort = await freePort();
  metricsUrl = `http://127.0.0.1:${metricsPort}/metrics`;
  processes.start('apps/dispatcher/src/main.ts', {
    METRICS_PORT: String(metricsPort),
    DATABASE_URL: db.url,
    ALERT_WEBHOOK_URL: 'http://127.0.0.1:9/unreached',
    POLL_MS: '200',
    LOG_LEVEL: 'warn',
    SMTP_URL: mail.url,
    MAIL_FROM: '"三门峡市政协提案委员会" <tian@cppcc.smx.example.gov.cn>',
    CONSOLE_URL: CONSOLE,
    SMS_GATEWAY_URL: sms.url,
    SMS_ACCESS_KEY: account.accessKey,
    SMS_SECRET: account.secret,
    SMS_SIGNATURE: `【${account.signName}】`,
    SMS_TEMPLATE_ID: account.templateId,
    NOTICE_RETRY_MAX_S: '4',
  });
}, 120_000);

afterAll(async () => {
  await processes.stopAll();
  worker?.shutdown();
  await running;
  await Promise.all([mail?.stop(), sms?.close()]);
  await env?.teardown();
  await db?.drop();
});

/** 202 registered and assigned: the Science Bureau's opinion is due 8 s later, and its alerts follow. */
async function assigned202(number: number) {
  const handle = await startProposal(env.client, { ...c202.intake, number }, compressedPolicy());
  const committee = { role: 'committee', id: 'committee-clerk' };
  await act(handle, { type: 'review', actor: committee, review: { outcome: 'register' } });
  await act(handle, { type: 'assign', actor: committee, assignment: c202.assignment });
  return handle;
}

const noticesOf = async (proposalId: string) =>
  (
    await db.pool.query<{ id: string; recipient: string; channel: string; attempts: number; delivered_at: Date | null; last_error: string | null }>(
      `select id, recipient, channel, attempts, delivered_at, last_error from notices where proposal_id = $1 order by id`,
      [proposalId],
    )
  ).rows;
const mailsOf = (mails: ParsedMail[], number: number) => mails.filter((m) => m.subject?.includes(`第${number}号提案`));

test('the Science Bureau hears of its opinion by email and SMS as it falls due, its head receives the 催办通知书, the committee its escalation: each once, in Chinese', async () => {
  const handle = await assigned202(1711);
  const id = handle.workflowId;
  // warning and overdue to the officer (email and SMS), the first rung to the head (both), the second to the committee (email).
  const notices = await until(() => noticesOf(id), (n) => n.length >= 7 && n.every((x) => x.delivered_at), 60, 'every notice delivered');
  expect(notices.map((n) => `${n.recipient}/${n.channel}`).sort()).toEqual(
    ['stb-officer/email', 'stb-officer/sms', 'stb-officer/email', 'stb-officer/sms', 'head:smx-stb/email', 'head:smx-stb/sms', 'committee-clerk/email'].sort(),
  );
  const mails = mailsOf(await mail.received(), 1711);
  expect(mails.map((m) => m.subject)).toHaveLength(4);
  expect(new Set(mails.map((m) => m.messageId)).size).toBe(4);

  const warning = mails.find((m) => m.subject!.startsWith('【临期提醒】'))!;
  expect(warning.subject).toMatch(/^【临期提醒】第1711号提案会办意见（\d{4}年\d{1,2}月\d{1,2}日到期）$/);
  expect(warning.to).toMatchObject({ value: [{ address: 'officer@stb.smx.example.gov.cn', name: '市科技局经办人' }] });
  expect(warning.from).toMatchObject({ value: [{ address: 'tian@cppcc.smx.example.gov.cn', name: '三门峡市政协提案委员会' }] });
  expect(warning.text).toContain(`《${c202.intake.title}》“会办意见”应于`);
  expect(warning.text).toContain('事项：会办意见（三门峡市科技局）');
  expect(warning.text).toContain(`${CONSOLE}/p/${id}`);
  expect(warning.html).toContain(`<a href="${CONSOLE}/p/${id}">`);

  const toHead = mails.find((m) => m.to && 'value' in m.to && m.to.value[0]!.address === 'head@stb.smx.example.gov.cn')!;
  expect(toHead.subject).toMatch(/^【督办升级】第1711号提案会办意见/);
  expect(toHead.text).toContain('催办通知书见附件');
  expect(toHead.attachments.map((a) => [a.filename, a.contentType])).toEqual([['催办通知书（第1711号提案）.pdf', 'application/pdf']]);
  const notice = pdfText(toHead.attachments[0]!.content).replace(/\s+/g, '');
  expect(notice).toContain('催办通知书');
  expect(notice).toContain('三门峡市科技局主要负责同志：');
  expect(notice).toContain('第1711号提案');
  expect(mails.filter((m) => m.to && 'value' in m.to && m.to.value[0]!.address === 'tian@cppcc.smx.example.gov.cn').map((m) => m.attachments.length)).toEqual([0]);

  const texts = sms.received.filter((s) => s.text.includes('第1711号提案'));
  expect(texts.map((s) => s.phone).sort()).toEqual(['13903980002', '13903981003', '13903981003']);
  for (const s of texts) {
    expect(s.text.startsWith('【三门峡政协】第1711号提案')).toBe(true);
    expect(s.text.length).toBeLessThanOrEqual(70);
  }
  expect(texts.map((s) => s.text)).toContainEqual(expect.stringMatching(/会办意见将于\d{1,2}月\d{1,2}日到期，请及时办理。$/));
  expect(sms.refused).toEqual([]);

  // What Prometheus scrapes from the dispatcher: what it sent by channel, and no backlog left.
  const figures = await (await fetch(metricsUrl)).text();
  const value = (series: string) => Number(new RegExp(`^${series.replace(/[{}]/g, '\\$&')} (\\S+)$`, 'm').exec(figures)?.[1]);
  expect(value('delivery_attempts_total{channel="email",outcome="delivered",service="dispatcher"}')).toBeGreaterThanOrEqual(4);
  expect(value('delivery_attempts_total{channel="sms",outcome="delivered",service="dispatcher"}')).toBeGreaterThanOrEqual(3);
  expect(figures).not.toMatch(/^delivery_backlog\{channel="(email|sms)"/m);
  await handle.terminate('test done');
}, 120_000);

test('with the SMTP server down for a minute the notices wait, their failures recorded; once it is back each arrives once', async () => {
  await mail.stop();
  const down = Date.now();
  const handle = await assigned202(1712);
  const id = handle.workflowId;
  const email = (n: Awaited<ReturnType<typeof noticesOf>>) => n.filter((x) => x.channel === 'email');
  // Every email notice tried and failed, more than once, while SMS goes on through its own gateway.
  const failing = await until(() => noticesOf(id), (n) => email(n).length >= 5 && email(n).every((x) => x.attempts >= 2 && x.last_error && !x.delivered_at), 60, 'email failing');
  expect(email(failing).every((x) => /ECONNREFUSED|connect/i.test(x.last_error!))).toBe(true);
  // The backlog and the failures as the monitoring sees them.
  const figures = await (await fetch(metricsUrl)).text();
  expect(figures).toMatch(/^delivery_backlog\{channel="email",state="failing",service="dispatcher"\} [1-9]\d*$/m);
  expect(figures).toMatch(/^delivery_attempts_total\{channel="email",outcome="failed",service="dispatcher"\} [1-9]\d*$/m);
  expect(figures).toMatch(/^delivery_oldest_undelivered_seconds\{channel="email",service="dispatcher"\} \d/m);
  await until(async () => Date.now() - down, (ms) => ms >= 60_000, 70, 'a minute down');
  expect(mailsOf(await mail.received(), 1712)).toEqual([]);
  await mail.start();

  const delivered = await until(() => noticesOf(id), (n) => email(n).every((x) => x.delivered_at), 30, 'delivered after the outage');
  const mails = mailsOf(await mail.received(), 1712);
  expect(mails.map((m) => m.messageId).sort()).toEqual(email(delivered).map((n) => `<notice-${n.id}@proposals.local>`).sort());
  expect(delivered.every((n) => n.last_error === null)).toBe(true);
  await handle.terminate('test done');
}, 180_000);

test('每日待办: a Temporal Schedule at 08:30 Beijing time, kept to the configured time; on a working day each officer with duties due soon or overdue gets one digest, on a holiday nobody', async () => {
  // Today made a working day in the stored calendar, whatever day the test runs on.
  const seed = defaultPolicy().calendar;
  const today = localDate(new Date().toISOString(), seed);
  const year = Number(today.slice(0, 4));
  const inYear = (d: string) => d.startsWith(`${year}-`) && d !== today;
  await storeCalendarYear(db.pool, seed.name, { year, holidays: seed.holidays.filter(inYear), workingWeekends: [...seed.workingWeekends.filter(inYear), today] }, 'test');
  const holiday = seed.holidays.find((d) => d !== today)!;
  expect(await createDailyDigestActivities(db.pool).requestDailyDigest({ date: holiday })).toEqual({ workingDay: false, requested: false });

  expect(await ensureDailyDigestSchedule(env.client, { at: '09:00', timezone: 'Asia/Shanghai' })).toBe('created');
  expect(await ensureDailyDigestSchedule(env.client, { at: '08:30', timezone: 'Asia/Shanghai' })).toBe('updated');
  expect(await ensureDailyDigestSchedule(env.client, { at: '08:30', timezone: 'Asia/Shanghai' })).toBe('unchanged');
  const schedule = env.client.schedule.getHandle(DAILY_DIGEST_SCHEDULE_ID);
  const { spec } = await schedule.describe();
  expect([spec.timezone, spec.calendars?.[0]?.hour?.[0]?.start, spec.calendars?.[0]?.minute?.[0]?.start]).toEqual(['Asia/Shanghai', 8, 30]);

  // Both units owe duties due today (compressed time): the Science Bureau its opinion, the DRC its contact and reply.
  const handle = await assigned202(1713);
  await schedule.trigger();
  const digests = await until(
    async () => (await mail.received()).filter((m) => m.subject?.startsWith('【每日待办】')),
    (m) => m.length >= 2,
    30,
    'a digest for each officer',
  );
  expect(digests.map((m) => (m.to && 'value' in m.to ? m.to.value[0]!.address : '')).sort()).toEqual(['officer@drc.smx.example.gov.cn', 'officer@stb.smx.example.gov.cn']);
  const drc = digests.find((m) => m.subject!.includes('三门峡市发展和改革委员会'))!;
  expect(drc.subject).toMatch(new RegExp(`^【每日待办】三门峡市发展和改革委员会有\\d+项提案办理事项.*待办（${today.slice(0, 4)}年`));
  expect(drc.text).toMatch(/第1713号《关于进一步着力发展新材料产业的提案》　答复　/);
  expect(drc.text).toContain(`${CONSOLE}/p/${handle.workflowId}`);
  // Asked again the same day (the Schedule caught up, an operator triggered it): nobody gets a second.
  expect(await createDailyDigestActivities(db.pool).requestDailyDigest({ date: today })).toEqual({ workingDay: true, requested: false });
  const { rows } = await db.pool.query(`select recipient, channel from notices where source = $1 order by recipient, channel`, [`digest:${today}`]);
  expect(rows).toEqual([
    { recipient: 'drc-officer', channel: 'email' },
    { recipient: 'drc-officer', channel: 'sms' },
    { recipient: 'stb-officer', channel: 'email' },
    { recipient: 'stb-officer', channel: 'sms' },
  ]);
  await handle.terminate('test done');
}, 60_000);

test('quiet hours hold a warning until they end; an escalation goes through them', async () => {
  // 23:00 in Beijing (15:00 UTC); quiet 22:00–07:30, so the warning waits until 07:30 Beijing time (23:30 UTC).
  const at = new Date('2026-12-01T15:00:00Z');
  // This round alone, on its own clock: the dispatcher process would send on the machine's.
  await processes.stopAll();
  await db.pool.query(`update principals set quiet_hours = '{"from": "22:00", "to": "07:30"}' where id = 'drc-officer'`);
  const content = { subject: '测试', text: '测试', html: '<p>测试</p>' };
  await inTransaction(db.pool, (client) =>
    insertNotices(client, [
      { source: 'test:quiet-warning', proposal_id: null, recipient: 'drc-officer', recipient_name: '市发展改革委经办人', channel: 'email', address: 'officer@drc.smx.example.gov.cn', urgent: false, content },
      { source: 'test:quiet-escalation', proposal_id: null, recipient: 'drc-officer', recipient_name: '市发展改革委经办人', channel: 'email', address: 'officer@drc.smx.example.gov.cn', urgent: true, content },
    ]),
  );
  const sent: string[] = [];
  await deliverNotices(db.pool, { email: async (n) => void sent.push(n.source) }, { maxBackoffSeconds: 4, now: () => at });
  const { rows } = await db.pool.query<{ source: string; delivered_at: Date | null; next_attempt_at: Date }>(`select source, delivered_at, next_attempt_at from notices where source like 'test:%' order by source`);
  const bySource = Object.fromEntries(rows.map((r) => [r.source, r]));
  expect(sent).toEqual(['test:quiet-escalation']);
  expect(bySource['test:quiet-escalation']!.delivered_at).not.toBeNull();
  expect(bySource['test:quiet-warning']!.delivered_at).toBeNull();
  expect(bySource['test:quiet-warning']!.next_attempt_at.toISOString()).toBe('2026-12-01T23:30:00.000Z');
});
