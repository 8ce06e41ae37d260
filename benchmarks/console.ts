/**
 * The console in the browser at scale: time to first render of the overview, of a proposal page
 * and of a list page change, in Debian's Chromium against the running stack with a session's
 * 1,000 proposals among 10,000 in the read model; and the JavaScript the first page downloads.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { CONSOLE_DIR } from '../apps/api/src/http/console';
import { requestFor } from '../apps/api/src/proposals/actions';
import { setPassword } from '../apps/api/src/sign-in/passwords';
import { referenceCase } from '../seeds/reference-case';
import { referenceSteps } from '../seeds/reference-steps';
import { type Stack, http } from '../tests/support/api';
import { generateSessions } from './session-generator';
import { type Latencies, latencies } from './stats';

export interface ConsoleFigures {
  proposalsInList: number;
  /** From the navigation's start to the paint of the first figures, as the page measures it. */
  overview: Latencies;
  proposalPage: Latencies;
  /** The same, from the driver's goto to its seeing the paint noted (its round trips and polling in). */
  overviewSeenByDriver: Latencies;
  proposalPageSeenByDriver: Latencies;
  listPageChange: Latencies;
  /** 我的待办's first rows painted, with `inboxDuties` open duties for the officer's unit. */
  inboxDuties: number;
  inbox: Latencies;
  inboxSeenByDriver: Latencies;
  initialJsGzipKiB: number;
  largestRouteChunks: { file: string; gzipKiB: number }[];
}

/** The scripts index.html loads before anything is shown: its module and what it preloads. */
function initialJavaScript(): { initial: number; chunks: { file: string; gzipKiB: number }[] } {
  const html = fs.readFileSync(path.join(CONSOLE_DIR, 'index.html'), 'utf8');
  const first = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
  const gz = (file: string) => gzipSync(fs.readFileSync(path.join(CONSOLE_DIR, file))).length / 1024;
  const chunks = fs
    .readdirSync(path.join(CONSOLE_DIR, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => ({ file: f, gzipKiB: Math.round(gz(`assets/${f}`)) }))
    .sort((a, b) => b.gzipKiB - a.gzipKiB)
    .slice(0, 4);
  return { initial: Math.round(first.reduce((sum, f) => sum + gz(f), 0)), chunks };
}

/** Open duties of one unit in the inbox measured (fewer when the store has fewer than a third as many proposals). */
const INBOX_DUTIES = 5_000;

/** Notes, per navigation, when each page's first figures are painted (see below). */
const renderProbe = `
  window.__renderedAt = (selector) => new Promise((resolve) => {
    const seen = () => document.querySelector(selector) && (observer.disconnect(), requestAnimationFrame(() => resolve(performance.now())), true);
    const observer = new MutationObserver(seen);
    if (!seen()) observer.observe(document, { childList: true, subtree: true });
  });
  window.__firstRender = {};
  for (const s of ['.ant-statistic', '.ant-descriptions', '.ant-table-row']) window.__renderedAt(s).then((t) => (window.__firstRender[s] = t));
`;

export async function consoleInBrowser(stack: Stack, inList: number, samples = 8): Promise<ConsoleFigures> {
  await generateSessions(stack.db.pool, inList);
  const c = referenceCase();
  const filed = await http(stack, 'POST', '/proposals', { as: 'committee-clerk', body: c.intake });
  const id = filed.body.proposalId as string;
  for (const step of referenceSteps(c, () => new Date(Date.now() - 1000).toISOString()).filter((s) => s.command.type !== 'reportFollowUp')) {
    const { action, body, principalId } = requestFor(step.command);
    await http(stack, 'POST', `/proposals/${id}/${action}`, { as: principalId, body });
  }
  await setPassword(stack.db.pool, 'committee-clerk', 'bench-console-password');
  await setPassword(stack.db.pool, 'drc-officer', 'bench-console-password');
  // 我的待办 of a ministry-sized unit: 5,000 open duties for the DRC, three to a proposal, due over the next year.
  const { rowCount: inboxDuties } = await stack.db.pool.query(
    `insert into unit_tasks (proposal_id, duty_key, kind, unit_id, started_at, due_date, due_at, is_window, is_optional, version)
     select p.id, 'bench-' || k, (array['reply', 'opinion', 'consultation'])[k], 'smx-drc', now(), (now() + (n % 365) * interval '1 day')::date,
            date_trunc('day', now() + (n % 365 + 1) * interval '1 day'), false, false, 1
     from (select id, row_number() over (order by id) as n from proposals limit ${INBOX_DUTIES / 3 + 1}) p, generate_series(1, 3) k
     limit ${INBOX_DUTIES}`,
  );
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    const signedIn = async (id: string) => {
      const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${stack.base}/`);
      await page.getByLabel('账号').fill(id);
      await page.getByLabel('密码').fill('bench-console-password');
      await page.getByRole('button', { name: /登\s?录/ }).click();
      await page.getByRole('button', { name: /退\s?出/ }).waitFor();
      return { context, page };
    };
    const { context, page } = await signedIn('committee-clerk');
    const time = async (go: () => Promise<unknown>, shown: () => Promise<unknown>) => {
      const t0 = performance.now();
      await go();
      await shown();
      return performance.now() - t0;
    };
    // First render as the page itself sees it: from the navigation's start to the frame that first
    // paints the element (a MutationObserver notes it, the next animation frame is its paint), so
    // neither the test driver's polling nor what the page does after that paint is counted.
    await context.addInitScript(renderProbe);
    const firstRender = async (url: string, selector: string, driver: number[]) => {
      const t0 = performance.now();
      await page.goto(url);
      const at = await page.waitForFunction((s) => (globalThis as unknown as { __firstRender: Record<string, number> }).__firstRender[s], selector);
      driver.push(performance.now() - t0);
      return (await at.jsonValue()) as number;
    };
    const overview: number[] = [];
    const overviewDriver: number[] = [];
    const proposalDriver: number[] = [];
    const proposal: number[] = [];
    const listChange: number[] = [];
    for (let i = 0; i < samples; i++) {
      overview.push(await firstRender(`${stack.base}/overview`, '.ant-statistic', overviewDriver));
      proposal.push(await firstRender(`${stack.base}/p/${id}`, '.ant-descriptions', proposalDriver));
      await page.goto(`${stack.base}/list?pageSize=20`);
      await page.locator('tbody tr').nth(19).waitFor();
      const before = await page.locator('tbody tr').first().textContent();
      listChange.push(
        await time(
          () => page.locator('.ant-pagination-next').click(),
          () => page.waitForFunction((b) => (globalThis as unknown as { document: { querySelector(s: string): { textContent: string } | null } }).document.querySelector('tbody tr')?.textContent !== b, before),
        ),
      );
    }
    // The officer's inbox, in a context of its own (signed in as the DRC's officer).
    const { context: officer, page: officerPage } = await signedIn('drc-officer');
    await officer.addInitScript(renderProbe);
    const inbox: number[] = [];
    const inboxDriver: number[] = [];
    for (let i = 0; i < samples; i++) {
      const t0 = performance.now();
      await officerPage.goto(`${stack.base}/inbox`);
      const at = await officerPage.waitForFunction(() => (globalThis as unknown as { __firstRender: Record<string, number> }).__firstRender['.ant-table-row']);
      inboxDriver.push(performance.now() - t0);
      inbox.push((await at.jsonValue()) as number);
    }
    const js = initialJavaScript();
    return {
      proposalsInList: inList + 1,
      overview: latencies(overview),
      proposalPage: latencies(proposal),
      overviewSeenByDriver: latencies(overviewDriver),
      proposalPageSeenByDriver: latencies(proposalDriver),
      listPageChange: latencies(listChange),
      inboxDuties: inboxDuties ?? 0,
      inbox: latencies(inbox),
      inboxSeenByDriver: latencies(inboxDriver),
      initialJsGzipKiB: js.initial,
      largestRouteChunks: js.chunks,
    };
  } finally {
    await browser.close();
  }
}
