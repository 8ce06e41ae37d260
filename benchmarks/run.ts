/**
 * `npm run bench`: every figure of the performance brief, each measured side by side in one run
 * on the same servers, printed as a table and written to bench/results/latest.json with the
 * machine (cores, memory) and the versions. Prints; asserts nothing.
 *
 *   npm run bench                      the full run (10,000 open proposals, 100,000 in the read model)
 *   npm run bench -- --quick           small numbers, to try it out
 *   npm run bench -- --only=lifecycle,replicas,history,read,scale,console,tracing
 *   npm run bench -- --only=scale --open=1000 --cache=20   fewer open proposals, another workflow cache
 *   npm run bench -- --only=scale --sqlite-pragma=journal_mode=delete   other SQLite pragmas than the main job's
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { startStack } from '../tests/support/api';
import { acrossRenewals, runs, twoYearsOfFollowUp } from './history';
import { throughApi, throughBareTemporal } from './lifecycle';
import { replicaThroughput } from './replicas';
import { SQLITE_PRAGMAS } from '../apps/stack/src/embedded-temporal';
import { consoleInBrowser } from './console';
import { readModel } from './read-model';
import { scale } from './scale';
import { tracingCost } from './tracing';

const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const quick = process.argv.includes('--quick');
const only = new Set((arg('only') ?? 'lifecycle,replicas,history,read,scale,console,tracing').split(','));
const CLIENTS = [1, 8, 32];

async function main() {
  const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../package.json'), 'utf8'));
  const results: Record<string, unknown> = {
    at: new Date().toISOString(),
    machine: { cores: os.cpus().length, cpu: os.cpus()[0]?.model, memoryGiB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    versions: { temporalSdk: pkg.dependencies['@temporalio/client'], nest: pkg.dependencies['@nestjs/core'], pg: pkg.dependencies.pg },
  };
  const stack = await startStack({ TEMPORAL_TIMEOUT_MS: 60_000 });
  try {
    if (only.has('lifecycle')) {
      const rows = [];
      let number = 10_000;
      for (const clients of CLIENTS) {
        const proposals = quick ? clients : Math.max(8, clients * 2);
        const api = await throughApi(stack, clients, proposals, number);
        number += proposals;
        const bare = await throughBareTemporal(stack.env, clients, proposals);
        rows.push({ clients, api, bare, throughputRatio: api.actionsPerSecond / bare.actionsPerSecond, p99Ratio: api.all.p99 / bare.all.p99 });
        console.log(
          `lifecycle, ${clients} client(s): API ${api.actionsPerSecond.toFixed(1)} actions/s (${api.proposalsPerMinute.toFixed(1)} proposals/min, p50 ${api.all.p50} p95 ${api.all.p95} p99 ${api.all.p99} ms, ${api.failures} failed)` +
            ` | bare Temporal ${bare.actionsPerSecond.toFixed(1)} updates/s (p50 ${bare.all.p50} p95 ${bare.all.p95} p99 ${bare.all.p99} ms)` +
            ` | ratio ${(api.actionsPerSecond / bare.actionsPerSecond).toFixed(2)}, p99 ${(api.all.p99 / bare.all.p99).toFixed(2)}×`,
        );
        for (const [kind, l] of Object.entries(api.byKind)) console.log(`    ${kind.padEnd(22)} n=${String(l.n).padStart(4)}  p50 ${l.p50}  p95 ${l.p95}  p99 ${l.p99}  max ${l.max} ms`);
      }
      results.lifecycle = rows;
    }
    if (only.has('replicas')) {
      const clients = 32;
      const { one, two } = await replicaThroughput(stack, clients, quick ? clients : clients * 2, 20_000);
      results.replicas = { clients, one, two, ratio: two.actionsPerSecond / one.actionsPerSecond };
      console.log(
        `API replicas, ${clients} clients, compiled API processes: one ${one.actionsPerSecond.toFixed(1)} actions/s (p99 ${one.all.p99} ms, ${one.failures} failed)` +
          ` | two ${two.actionsPerSecond.toFixed(1)} actions/s (p99 ${two.all.p99} ms, ${two.failures} failed) | ${(two.actionsPerSecond / one.actionsPerSecond).toFixed(2)}×`,
      );
    }
    if (only.has('history')) {
      const lifecycle = await runs(stack.env.client, 'proposal-smx-8-2-10000').catch(() => undefined);
      const twoYears = await twoYearsOfFollowUp();
      const renewals = await acrossRenewals(stack, 90_000);
      results.history = { lifecycle, twoYearsFollowUp: twoYears, acrossRenewals: renewals };
      console.log(`across renewals: ${renewals.latencies.n} contacts through the API over ${renewals.runs} runs, p50 ${renewals.latencies.p50} ms, p99 ${renewals.latencies.p99} ms, slowest ${renewals.latencies.max} ms (target: none over 1,000 ms)`);
      const h = renewals.historyReads;
      console.log(
        `history of a proposal renewed ${renewals.runs - 1} times: readable from the read model p50 ${h.fromReadModel.p50} p95 ${h.fromReadModel.p95} ms (target < 50 ms)` +
          ` | by Query p50 ${h.fromProposal.p50} p95 ${h.fromProposal.p95} ms | with Temporal's history of every run p50 ${h.withTemporalHistory.p50} p95 ${h.withTemporalHistory.p95} ms`,
      );
      console.log(`history: a whole lifecycle ${lifecycle?.eventsPerRun.join(', ') ?? '(run the lifecycle part)'} events; two years of follow-up in ${twoYears.runs} runs of ${twoYears.eventsPerRun.join(', ')} events (${twoYears.domainEvents} domain events), largest continue-as-new payload ${(twoYears.largestCarriedPayloadBytes / 1024).toFixed(0)} KiB`);
    }
    if (only.has('tracing')) {
      const cost = await tracingCost(stack.env, quick ? 1 : 3, quick ? 8 : 24, 8);
      results.tracing = cost;
      const row = (name: string, t: { actionsPerSecond: number; all: { p50: number; p99: number } }) =>
        `    ${name.padEnd(40)} ${t.actionsPerSecond.toFixed(1)} actions/s (${(t.actionsPerSecond / cost.untraced.actionsPerSecond).toFixed(2)}×)  p50 ${t.all.p50} p99 ${t.all.p99} ms`;
      console.log(`tracing, ${cost.clients} clients, Updates straight to proposals, best of ${cost.rounds} alternating rounds of ${cost.proposalsPerRound} proposals:`);
      console.log(row('workflow code without the interceptors', cost.untraced));
      console.log(row('with them, no endpoint (the default)', cost.interceptorsIdle));
      console.log(row(`with them, exporting (${cost.exporting.spans} spans)`, cost.exporting));
    }
    if (only.has('read')) {
      const figures = await readModel(stack, quick ? 5_000 : 100_000);
      results.readModel = figures;
      console.log(`read model: ${figures.proposals} proposals generated in ${figures.generatedSeconds.toFixed(1)} s`);
      for (const [name, l] of Object.entries(figures.queries)) console.log(`    ${name.padEnd(38)} p50 ${l.p50}  p95 ${l.p95}  max ${l.max} ms`);
      for (const [name, p] of Object.entries(figures.plans)) console.log(`    plan: ${name.padEnd(30)} ${p.usesIndex ? 'index' : 'NO INDEX'}: ${p.plan.split('\n')[0]}`);
    }
  } finally {
    await stack.stop();
  }
  if (only.has('console')) {
    // A stack of its own: the read model's 100,000 above would make it another measurement.
    const consoleStack = await startStack();
    try {
      const figures = await consoleInBrowser(consoleStack, quick ? 1_000 : 10_000);
      results.console = figures;
      const line = (name: string, l: { p50: number; p95: number; max: number }, target: number) => `    ${name.padEnd(28)} p50 ${Math.round(l.p50)}  p95 ${Math.round(l.p95)}  max ${Math.round(l.max)} ms (target < ${target} ms)`;
      console.log(`console in Chromium, ${figures.proposalsInList} proposals in the list (sessions of 250):`);
      console.log(line('overview, first render', figures.overview, 1000));
      console.log(line('proposal page, first render', figures.proposalPage, 1000));
      console.log(line('  seen by the driver: overview', figures.overviewSeenByDriver, 1000));
      console.log(line('  seen by the driver: proposal page', figures.proposalPageSeenByDriver, 1000));
      console.log(line('list, page change', figures.listPageChange, 300));
      console.log(line(`我的待办, ${figures.inboxDuties} duties`, figures.inbox, 1000));
      console.log(line('  seen by the driver: 我的待办', figures.inboxSeenByDriver, 1000));
      console.log(`    initial JavaScript ${figures.initialJsGzipKiB} KiB gzip; largest chunks ${figures.largestRouteChunks.map((c) => `${c.file} ${c.gzipKiB} KiB`).join(', ')}`);
    } finally {
      await consoleStack.stop();
    }
  }
  if (only.has('scale')) {
    const figures = await scale(quick ? 500 : Number(arg('open') ?? 10_000), Number(arg('cache') ?? 200), arg('sqlite-pragma')?.split(',') ?? SQLITE_PRAGMAS);
    results.scale = figures;
    console.log(
      `scale: ${figures.openProposals} open proposals started and assigned in ${figures.startSeconds} s (${figures.startedPerSecond}/s${figures.sqlitePragmas.length ? ` with ${figures.sqlitePragmas.join(', ')}` : ''}; bare Temporal ${figures.bareStartedPerSecond}/s, ratio ${(figures.startedPerSecond / figures.bareStartedPerSecond).toFixed(2)}); worker RSS ${figures.workerRssMiB} MiB (cache ${figures.maxCachedWorkflows}); SQLite ${figures.sqliteMiB} MiB; ` +
        `action p50/p99 ${figures.actionWithOpenProposals.p50}/${figures.actionWithOpenProposals.p99} ms vs ${figures.actionEmptyStore.p50}/${figures.actionEmptyStore.p99} ms on an empty store (p99 ${(figures.actionWithOpenProposals.p99 / figures.actionEmptyStore.p99).toFixed(2)}×)`,
    );
  }
  const out = path.resolve(__dirname, '../bench/results');
  fs.mkdirSync(out, { recursive: true });
  // A run of some parts keeps the figures of the others (and of what it could not measure) from the last run.
  const file = path.join(out, 'latest.json');
  const previous: Record<string, unknown> = arg('only') && fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : {};
  const merged = { ...previous, ...results, history: { ...(previous.history as object), ...JSON.parse(JSON.stringify(results.history ?? {})) } };
  fs.writeFileSync(file, `${JSON.stringify(merged, null, 2)}\n`);
  console.log(`written: bench/results/latest.json`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
