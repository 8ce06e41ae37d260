/**
 * The main job (`npm start`): brings up the embedded stack — Temporal dev server with its UI on
 * a local SQLite file, the read-model migrations and directory, a worker process, the API — and
 * does a session's work over HTTP: imports the session's 241 proposals from a spreadsheet,
 * applies the assignment meeting's plan as one batch (with its progress bar), drives the
 * reference case, proposal 202, through the rest of its lifecycle as the DRC and Science Bureau
 * officers and the three members would, printing its timeline as it goes, and writes the
 * paperwork: 202's reply as Word and PDF, the session's handling report, supervision notices.
 * The alerts reach people by email, sent to a local SMTP server it starts (.data/mail), and the
 * 每日待办 Schedule is triggered once while the compressed-time case has duties due. The API and
 * workers export their traces to a receiver it starts (unless OTEL_EXPORTER_OTLP_ENDPOINT names
 * another), and it prints one request's trace.
 *
 *   --once   exit when the case is done (for scripts and CI)
 *   --fresh  start from empty stores (removes the SQLite file and the read-model database)
 *   --serve  bring the stack up on its stores and drive nothing (a restored backup, say)
 *   DATA_DIR=folder   the stores' folder (.data); its read model is its own database
 *   WORKERS=n, API_REPLICAS=n   n worker processes, n API replicas on consecutive ports from PORT
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client as PgClient, type Pool } from 'pg';
import { createPool, ensureDatabase, migrate } from '../../common/database';
import { loadDirectory } from '../../api/src/auth/principals';
import { setPassword } from '../../api/src/sign-in/passwords';
import { personFor, referenceCase, seedDirectory } from '../../../seeds/reference-case';
import { type TimelineRow, formatHeader, formatRow } from '../../../workflows/domain/timeline';
import { replyingUnits } from '../../../workflows/domain/roles';
import { mintToken } from '../../api/src/auth/tokens';
import { applyPlan, refusedRows } from '../../assignment-meeting/src/apply-plan';
import { callApi } from '../../common/api-client';
import { proposalWorkflowId } from '../../../workflows/messages';
import { SESSION_SIZE, SESSION_UNITS, generateSession } from '../../../seeds/session';
import { download, driveAssignedReferenceCase, driveOnCompressedTime, listed, saveReplyDocuments, saveResultNotices, saveSupervisionNotices } from './drive-over-http';
import { readSheet, writeSessionFiles } from './session-files';
import { startWebhookReceiver } from './webhook-receiver';
import { startTraceReceiver, traceTree } from './trace-receiver';
import { compressedPolicy } from '../../../seeds/policy';
import { startDevServer } from './embedded-temporal';
import { startNode, waitForHttp } from './processes';
import { startMailServer } from './mail-server';
import { ROOT, dataDir, stackDatabaseUrl } from './stack-paths';
import { Client as TemporalClient, Connection } from '@temporalio/client';
import { DAILY_DIGEST_SCHEDULE_ID } from '../../../workflows/daily-digest';

const demoPassword = (id: string) => `demo-${id}`;
/** Prometheus scrapes the dispatcher here and worker n at the next ports (the API at /metrics). */
const METRICS_PORT = Number(process.env.METRICS_PORT ?? 9470);
const DATA = dataDir();
const DIST = path.join(ROOT, 'dist/apps');

/** How many processes of a kind the job runs: `WORKERS`, `API_REPLICAS` (1 unless given). */
function processCount(name: string): number {
  const raw = process.env[name] ?? '1';
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 8) throw new Error(`${name} must be a whole number from 1 to 8, not ${raw}`);
  return n;
}

async function main() {
  // Output piped into a reader that stops early (`| head`) must not kill the job before it
  // stops its servers: they would be left running.
  process.stdout.on('error', () => undefined);
  const once = process.argv.includes('--once');
  const fresh = process.argv.includes('--fresh');
  const serve = process.argv.includes('--serve');
  const databaseUrl = stackDatabaseUrl();
  const apiPort = Number(process.env.PORT ?? 3000);
  const workers = processCount('WORKERS');
  const replicas = processCount('API_REPLICAS');
  // A key for this run's tokens, unless the operator gives one.
  const secret = process.env.API_TOKEN_SECRET ?? randomBytes(32).toString('hex');

  // The read model is a projection of this Temporal store: a new store starts a new read model.
  const dbFile = path.join(DATA, 'temporal.db');
  if (fresh || !fs.existsSync(dbFile)) await startOver(databaseUrl);

  const stops: (() => Promise<void>)[] = [];
  // A child that keeps dying ends the job with an error instead of leaving a stack that is half down.
  let giveUp!: (reason: Error) => void;
  const gaveUp = new Promise<never>((_, reject) => (giveUp = reject));
  gaveUp.catch(() => undefined);
  const supervised = (name: string) => ({ name, onGiveUp: giveUp });
  const shutdown = async () => {
    for (const stop of stops.reverse()) await stop().catch((err) => console.error(err));
  };
  try {
    console.log('• Temporal dev server (SQLite: .data/temporal.db)');
    const temporal = await startDevServer({
      binary: path.join(ROOT, '.venv/bin/temporal'),
      dbFile,
      ip: '127.0.0.1',
      port: Number(process.env.TEMPORAL_PORT ?? 7233),
      uiPort: Number(process.env.TEMPORAL_UI_PORT ?? 8233),
      logFile: path.join(DATA, 'temporal.log'),
    }, giveUp);
    stops.push(temporal.stop);

    // The session as its staff receive it: the submission system's export and the meeting's plan.
    const c = referenceCase();
    const generated = generateSession(c);

    console.log(serve ? '• read model: migrations' : '• read model: migrations and the directory of units and people');
    await ensureDatabase(databaseUrl);
    const pool = createPool(databaseUrl, 2);
    try {
      await migrate(pool);
      // Stores brought up as they are (a restored backup) keep their own directory and passwords.
      if (!serve) await loadDemoDirectory(pool, generated.members);
    } finally {
      await pool.end();
    }

    // Traces to the operator's own backend if the environment names one, else to a receiver here.
    const traces = process.env.OTEL_EXPORTER_OTLP_ENDPOINT ? undefined : await startTraceReceiver();
    if (traces) stops.push(traces.stop);
    const shared = { TEMPORAL_ADDRESS: temporal.address, DATABASE_URL: databaseUrl, ...(traces ? { OTEL_EXPORTER_OTLP_ENDPOINT: traces.endpoint, OTEL_BSP_SCHEDULE_DELAY: '1000' } : {}) };
    // More processes of each on one machine, as a deployment scales out: the workers share the
    // task queue, the replicas share nothing but Temporal and PostgreSQL.
    console.log(workers === 1 ? '• worker process' : `• ${workers} worker processes`);
    for (let i = 1; i <= workers; i++) {
      const worker = startNode(path.join(DIST, 'worker/src/main.js'), { LOG_LEVEL: 'WARN', ...shared, METRICS_ADDRESS: `127.0.0.1:${METRICS_PORT + i}` }, supervised(workers === 1 ? 'the worker' : `worker ${i}`));
      stops.push(worker.stop);
    }

    console.log(replicas === 1 ? '• API process' : `• ${replicas} API replicas on ports ${apiPort}–${apiPort + replicas - 1}`);
    const bases: string[] = [];
    for (let i = 0; i < replicas; i++) {
      const port = apiPort + i;
      const name = replicas === 1 ? 'the API' : `API replica ${i + 1}`;
      const api = startNode(path.join(DIST, 'api/src/main.js'), { LOG_LEVEL: 'warn', ...shared, PORT: String(port), HOST: '127.0.0.1', API_TOKEN_SECRET: secret, TEMPORAL_UI_URL: temporal.uiUrl }, supervised(name));
      stops.push(api.stop);
      bases.push(`http://127.0.0.1:${port}`);
      await waitForHttp(`${bases[i]}/readyz`, name, api.child);
    }
    const base = bases[0]!;
    // The compressed-time case goes through the last replica: a job with two drives both.
    const lastReplica = bases.at(-1)!;

    const smtpPort = Number(process.env.SMTP_PORT ?? 2525);
    console.log(`• SMTP server (aiosmtpd on 127.0.0.1:${smtpPort}), keeping what it receives in ${path.relative(ROOT, path.join(DATA, 'mail', 'Maildir'))}`);
    const mail = await startMailServer(smtpPort, path.join(DATA, 'mail', 'Maildir'));
    stops.push(mail.stop);
    const mailedBefore = (await mail.received()).length;

    console.log('• alert dispatcher process, delivering to a local webhook and by email');
    const webhook = await startWebhookReceiver((alert) => console.log(`     📨 webhook ← ${alert.kind}${alert.level ? ` (level ${alert.level}, to ${alert.audience})` : ''}: ${alert.dutyKind} of ${alert.unitId ?? alert.proposerId}, due ${alert.dueDate}`));
    stops.push(webhook.stop);
    const dispatcher = startNode(
      path.join(DIST, 'dispatcher/src/main.js'),
      { DATABASE_URL: databaseUrl, ALERT_WEBHOOK_URL: webhook.url, POLL_MS: '500', LOG_LEVEL: 'warn', METRICS_PORT: String(METRICS_PORT), SMTP_URL: mail.url, MAIL_FROM: `"${seedDirectory().units.find((u) => u.kind === 'committee')!.name}" <tian@cppcc.smx.example.gov.cn>`, CONSOLE_URL: base },
      supervised('the alert dispatcher'),
    );
    stops.push(dispatcher.stop);
    const temporalClient = new TemporalClient({ connection: await Connection.connect({ address: temporal.address }) });
    stops.push(() => temporalClient.connection.close());

    if (serve) {
      console.log(`\nServing the stores in ${DATA} (read model ${databaseUrl}), driving nothing.`);
      console.log(`API:          ${base}   Console: ${base}/   Temporal UI: ${temporal.uiUrl}   Mail: ${mail.maildir}`);
      console.log(metricsLine(bases, workers));
      console.log('Ctrl-C stops it.');
      await Promise.race([untilSignalled(), gaveUp]);
      return;
    }

    const printRows = (rows: TimelineRow[]) => rows.forEach((r) => console.log(formatRow(r)));
    const session = c.intake.session;
    const documentsDir = path.join(DATA, 'documents');

    const files = await writeSessionFiles(path.join(DATA, 'session'), session.id, generated.proposals, generated.plan);
    const asCommittee = { base, token: () => mintToken(personFor('committee').id, secret) };
    console.log(`\n${session.committee} ${session.name}: ${SESSION_SIZE} proposals imported from ${path.relative(ROOT, files.proposals)}`);
    const imported = await Promise.race([
      callApi(asCommittee, 'POST', '/imports', { session, format: 'xlsx', file: fs.readFileSync(files.proposals).toString('base64') }),
      gaveUp,
    ]);
    const duplicates = imported.nearDuplicates as { number: number; sameAs: { number: number } }[];
    // The generated session writes every proposal from one template, its matter apart: many are near copies.
    console.log(
      `  filed ${(imported.filed as unknown[]).length}, refused ${(imported.refused as unknown[]).length}; 查重 within the file: ${duplicates.length} near-copy pairs${duplicates.length ? ` (${duplicates.slice(0, 3).map((d) => `第${d.number}号 ≈ 第${d.sameAs.number}号`).join('，')}…)` : ''}`,
    );
    await printPlanDraft({ base, secret }, session.id, generated.plan, path.join(documentsDir, `${session.id}-assignment-plan-draft.xlsx`));
    console.log(`The assignment meeting's plan (${path.relative(ROOT, files.plan)}) applied as one batch:`);
    const startedAt = Date.now();
    const batch = await Promise.race([applyPlan(asCommittee, { session: session.id, name: files.plan, content: fs.readFileSync(files.plan), perSecond: 20 }, process.stdout), gaveUp]);
    console.log(`  ${batch.done.length} applied, ${batch.refused.length} refused, in ${((Date.now() - startedAt) / 1000).toFixed(1)} s (batch ${batch.batchId})`);
    for (const line of refusedRows(batch)) console.log(line);

    // The chairpersons' meeting selects key proposals among those assigned, each with its supervising leader.
    const leaders = seedDirectory().people.filter((p) => p.role === 'leader');
    const keyNumbers = generated.plan.filter((r) => r.审查结果 === '立案' && r.主办单位 && r.提案号 !== c.intake.number).slice(0, 3).map((r) => r.提案号);
    for (const [i, number] of keyNumbers.entries()) {
      const leader = leaders[i % leaders.length]!;
      await callApi(asCommittee, 'POST', `/proposals/${proposalWorkflowId(session.id, number)}/key-proposal`, { leaders: [leader.id], memberInCharge: '提案委员会委员', reason: '主席会议遴选为重点提案' }, `key-${session.id}-${number}`);
      console.log(`  重点提案 第${number}号, 领衔督办 ${leader.name}`);
    }

    console.log(`\n${session.committee} ${session.name} 第${c.intake.number}号提案 — ${c.intake.title}\n`);
    console.log(formatHeader());
    const id = await Promise.race([driveAssignedReferenceCase({ base, secret }, c, printRows), gaveUp]);
    const item = await listed({ base, secret }, c, 'closed');
    if (traces) await printActionTrace(traces);
    const documents = await saveReplyDocuments({ base, secret }, id, documentsDir);
    const results = await saveResultNotices({ base, secret }, id, documentsDir);
    const report = await download({ base, secret }, `/supervision/report.xlsx?session=${session.id}`, path.join(documentsDir, `${session.id}-handling-report.xlsx`));
    const workReport = await download({ base, secret }, `/supervision/report.docx?session=${session.id}`, path.join(documentsDir, `${session.id}-work-report.docx`));
    const handlingNotice = await download({ base, secret }, `/supervision/handling-notice.docx?session=${session.id}`, path.join(documentsDir, `${session.id}-handling-notice.docx`));
    const published = await callApi(asCommittee, 'GET', `/public/replies?session=${session.id}`);
    const lead = replyingUnits(c.assignment)[0]!;
    // The year's end: the committee selects 202 and its lead unit, and the assessment is written beside the reports.
    const selection = await callApi(asCommittee, 'PUT', `/supervision/assessment/selection?session=${session.id}`, {
      excellentProposals: [{ proposalId: id, reason: '建议具体可行，承办单位采纳并列入下步工作计划' }],
      advancedUnits: [{ unitId: lead, reason: '答复及时，沟通充分，答复全文公开' }],
    });
    const assessment = await download({ base, secret }, `/supervision/assessment.xlsx?session=${session.id}`, path.join(documentsDir, `${session.id}-assessment.xlsx`));
    // 办理工作总结: the committee asks this year's units for their summaries; the lead unit sends its own.
    const year = new Date().getFullYear();
    const asked = await callApi(asCommittee, 'POST', '/annual-summaries', { year });
    const asLead = { base, token: () => mintToken(personFor('officer', lead).id, secret) };
    await callApi(asLead, 'POST', `/annual-summaries/${year}/${lead}`, { text: `${year}年承办市政协提案，均已按期答复，承诺事项逐项跟踪落实。` }, `summary-${year}-${lead}`);

    // The same case on compressed time, where the clock has something to do.
    const policy = compressedPolicy();
    const demo = { ...c, intake: { ...c.intake, session: { ...c.intake.session, id: `${c.intake.session.id}-demo`, name: `${c.intake.session.name}（演示）` } } };
    console.log(`\nProposal ${c.intake.number} again on compressed time (policy ${policy.id}: seconds for months), with its deadline alerts:\n`);
    console.log(formatHeader());
    // 每日待办 as a working morning would send it, asked of the Schedule once both units owe duties due today.
    let digestAsked: Promise<void> | undefined;
    const printDemoRows = (rows: TimelineRow[]) => {
      printRows(rows);
      if (!digestAsked && rows.some((r) => r.what.startsWith('交办'))) digestAsked = temporalClient.schedule.getHandle(DAILY_DIGEST_SCHEDULE_ID).trigger();
    };
    const demoId = await Promise.race([driveOnCompressedTime({ base: lastReplica, secret }, demo, policy.id, printDemoRows), gaveUp]);
    await digestAsked;
    await listed({ base: lastReplica, secret }, demo, 'closed');
    const notices = await saveSupervisionNotices({ base, secret }, demoId, path.join(documentsDir, 'notices'));

    console.log(`\nRead model (PostgreSQL): ${item.id} stage=${item.stage} class=${item.replyClass} version=${item.version}`);
    console.log(`API:          ${base}   (OpenAPI UI ${base}/docs, document ${base}/openapi.json)${replicas > 1 ? `; replicas ${bases.join(', ')}` : ''}`);
    console.log(`Temporal UI:  ${temporal.uiUrl}/namespaces/default/workflows/${id}`);
    console.log(`Workflow IDs: ${id} (real rules), ${demoId} (compressed time)`);
    console.log(`Alerts delivered to the webhook: ${webhook.received()}`);
    console.log(`Console:      ${base}/   (follow proposal 202 at ${base}/p/${id})`);
    console.log(metricsLine(bases, workers));
    console.log(`Demo sign-ins (account / password): ${seedDirectory().people.map((p) => `${p.id} / ${demoPassword(p.id)}`).join(', ')}`);
    console.log(`The session's files: ${path.relative(ROOT, files.proposals)}, ${path.relative(ROOT, files.plan)}`);
    console.log(`The reply as official documents (GB/T 9704-2012 layout): ${documents.map((f) => path.relative(ROOT, f)).join(', ')}`);
    console.log(`办理结果告知 (each commitment delivered, told to the proposers): ${results.map((f) => path.relative(ROOT, f)).join(', ')}`);
    console.log(`The session's handling report: ${path.relative(ROOT, report)}; the committee's 提案工作情况报告 (draft): ${path.relative(ROOT, workReport)}; the government's 办理情况通报 (draft): ${path.relative(ROOT, handlingNotice)}`);
    console.log(`办理工作总结 ${year}: ${(asked.units as unknown[]).length} units asked (due ${asked.dueDate as string}), ${lead} sent its own`);
    console.log(`考核 (units ranked, with the selection, version ${selection.version as number}): ${path.relative(ROOT, assessment)}`);
    console.log(`答复公开 (anyone, no sign-in): ${base}/published — ${(published.total as number)} published in ${session.name}`);
    console.log(`催办通知书 (escalations to a unit's head, compressed-time case): ${notices.map((f) => path.relative(ROOT, f)).join(', ') || 'none'}`);
    const mailed = (await mail.received()).slice(mailedBefore);
    const waiting = await callApi(asCommittee, 'GET', '/notices?state=waiting');
    console.log(`Email (SMTP ${mail.url}): ${mailed.length} notices received this run, in ${path.relative(ROOT, mail.maildir)}/new; ${(waiting.items as unknown[]).length} wait for their recipients' quiet hours to end; the committee reads them at ${base}/delivery`);
    for (const m of mailed) console.log(`     ✉ ${(m.to && 'text' in m.to ? m.to.text : '')} — ${m.subject ?? ''}${m.attachments.length ? ` [${m.attachments.map((a) => a.filename).join(', ')}]` : ''}`);
    if (!once) {
      if (!process.env.API_TOKEN_SECRET) console.log('(tokens for this run are signed with a random key: set API_TOKEN_SECRET to mint your own)');
      console.log('\nThe stack keeps running; Ctrl-C stops it.');
      await Promise.race([untilSignalled(), gaveUp]);
    }
  } finally {
    await shutdown();
  }
}

/** The seeded units and people, the session's members as proposers, and demo passwords (printed at the end: this is a demonstration stack). */
async function loadDemoDirectory(pool: Pool, members: { id: string; name: string }[]) {
  const directory = seedDirectory();
  // A proposal names only people the directory knows.
  const proposers = members.map((m) => ({ ...m, role: 'proposer' as const }));
  await loadDirectory(pool, { ...directory, units: [...directory.units, ...SESSION_UNITS], people: [...directory.people, ...proposers] });
  for (const p of directory.people) await setPassword(pool, p.id, demoPassword(p.id));
}

/** The 交办会's plan to fill in, with 智能交办's suggestions beside each row, against the plan the meeting made. */
async function printPlanDraft(api: { base: string; secret: string }, sessionId: string, plan: { 提案号: number; 主办单位: string }[], file: string) {
  try {
    await download(api, `/batches/plan.xlsx?session=${sessionId}`, file);
  } catch {
    // A store where the session was assigned before: nothing waits for the meeting.
    return console.log('  no proposal of the session waits for its assignment: no plan to draft');
  }
  const draft = await readSheet(file);
  const leads = new Map(plan.filter((p) => p.主办单位).map((p) => [String(p.提案号), p.主办单位]));
  const suggested = draft.filter((r) => leads.has(r['提案号']!));
  const first = (r: Record<string, string>) => (r['建议主办单位'] ?? '').split('、')[0]!.replace(/（\d+%）$/, '');
  const top3 = (r: Record<string, string>) => (r['建议主办单位'] ?? '').split('、').map((u) => u.replace(/（\d+%）$/, ''));
  const agree = suggested.filter((r) => first(r) === leads.get(r['提案号']!)).length;
  const within = suggested.filter((r) => top3(r).includes(leads.get(r['提案号']!)!)).length;
  console.log(
    `  交办方案（草案） with 智能交办's suggestions beside each of ${draft.length} rows: ${path.relative(ROOT, file)}; the meeting's lead unit is the first suggested for ${agree} of ${suggested.length} proposals, among the three for ${within}` +
      ' (a first session: no precedent yet, so from the units\' responsibilities alone; `npm run eval` measures the suggestions)',
  );
}

/** The trace of one of the case's actions: its request, the Update, the workflow, the projection and its SQL. */
async function printActionTrace(traces: Awaited<ReturnType<typeof startTraceReceiver>>) {
  const whole = (spans: { name: string }[]) => spans.some((s) => s.name === 'POST /proposals/:id/:action') && spans.some((s) => s.name.startsWith('RunActivity:projectProposal'));
  for (let waited = 0; waited < 10_000; waited += 250) {
    const trace = traces.latest(whole);
    if (trace) return console.log(`\nOne action's trace (OpenTelemetry over OTLP to ${traces.endpoint}; ${traces.spanCount()} spans received so far):\n${traceTree(trace)}\n`);
    await new Promise((r) => setTimeout(r, 250));
  }
  console.log(`\nNo whole trace of an action arrived at ${traces.endpoint} within 10 s.`);
}

const metricsLine = (apis: string[], workers: number) =>
  `Metrics:      ${apis.map((b) => `${b}/metrics`).join(', ')} (API), http://127.0.0.1:${METRICS_PORT}/metrics (dispatcher), ${Array.from({ length: workers }, (_, i) => `http://127.0.0.1:${METRICS_PORT + i + 1}/metrics`).join(', ')} (worker)`;

const untilSignalled = () =>
  new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });

async function startOver(databaseUrl: string) {
  fs.mkdirSync(DATA, { recursive: true });
  for (const f of fs.readdirSync(DATA).filter((f) => f.startsWith('temporal.db'))) fs.rmSync(path.join(DATA, f));
  const url = new URL(databaseUrl);
  const name = decodeURIComponent(url.pathname.slice(1));
  url.pathname = '/postgres';
  const admin = new PgClient({ connectionString: url.toString() });
  await admin.connect();
  await admin.query(`drop database if exists "${name.replace(/"/g, '""')}" with (force)`);
  await admin.end();
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
