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
  overview: Latencies;
  proposalPage: Latencies;
  listPageChange: Latencies;
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
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
  try {
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${stack.base}/`);
    await page.getByLabel('账号').fill('committee-clerk');
    await page.getByLabel('密码').fill('bench-console-password');
    await page.getByRole('button', { name: /登\s?录/ }).click();
    await page.getByRole('button', { name: /退\s?出/ }).waitFor();
    const time = async (go: () => Promise<unknown>, shown: () => Promise<unknown>) => {
      const t0 = performance.now();
      await go();
      await shown();
      return performance.now() - t0;
    };
    const overview: number[] = [];
    const proposal: number[] = [];
    const listChange: number[] = [];
    for (let i = 0; i < samples; i++) {
      overview.push(await time(() => page.goto(`${stack.base}/overview`), () => page.locator('.ant-statistic').first().waitFor()));
      proposal.push(await time(() => page.goto(`${stack.base}/p/${id}`), () => page.getByText('办理过程').waitFor()));
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
    const js = initialJavaScript();
    return { proposalsInList: inList + 1, overview: latencies(overview), proposalPage: latencies(proposal), listPageChange: latencies(listChange), initialJsGzipKiB: js.initial, largestRouteChunks: js.chunks };
  } finally {
    await browser.close();
  }
}
