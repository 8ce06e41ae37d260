/**
 * How the workflows are bundled, wherever they are: the worker, its build step and the tests.
 * The domain's modules are evaluated once per worker thread and shared by every proposal it runs
 * (the SDK's preloadModules, with its reusable V8 context): evaluated per workflow, zod's schemas
 * among them, they held about 4 MiB of each cached proposal and cost each new one its first
 * workflow task's ~45 ms. They keep no state of one proposal: the rules are pure functions.
 */
import type { BundleOptions, WorkerOptions } from '@temporalio/worker';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type SpanSinks, untracedSpanSinks } from '../../common/tracing';

export const WORKFLOWS_PATH = require.resolve('../../../workflows');

/** The domain's modules (sources, or the build's JavaScript), then the one that readies their schemas to be shared. */
function sharedModules(): string[] {
  const domain = path.join(path.dirname(WORKFLOWS_PATH), 'domain');
  const modules = (fs.readdirSync(domain, { recursive: true }) as string[])
    .filter((f) => /\.(ts|js)$/.test(f) && !f.endsWith('.d.ts'))
    .map((f) => path.join(domain, f));
  const readying = modules.filter((m) => /shared-schemas\.(ts|js)$/.test(m));
  return [...modules.filter((m) => !readying.includes(m)).sort(), ...readying];
}

/**
 * Always in the workflow code, traced or not: tracing is the worker's configuration (where the
 * spans go), never a change of the code that runs, or replays, a proposal.
 */
const TRACING_INTERCEPTORS = [require.resolve('../../../workflows/tracing-interceptors')];

/** For bundling ahead of time (`bundleWorkflowCode`). */
export const workflowCode = (): Pick<BundleOptions, 'workflowsPath' | 'preloadModules' | 'workflowInterceptorModules'> => ({
  workflowsPath: WORKFLOWS_PATH,
  preloadModules: sharedModules(),
  workflowInterceptorModules: TRACING_INTERCEPTORS,
});

/** For a worker (or a replay) that bundles at its start; its workflows' spans go to `sinks`. */
export const workflowSources = (sinks: SpanSinks = untracedSpanSinks): Pick<WorkerOptions, 'workflowsPath' | 'bundlerOptions' | 'interceptors' | 'sinks'> => ({
  workflowsPath: WORKFLOWS_PATH,
  bundlerOptions: { preloadModules: sharedModules() },
  interceptors: { workflowModules: TRACING_INTERCEPTORS },
  sinks,
});
