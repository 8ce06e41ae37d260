/** The Temporal servers for tests: the binaries from the project's venv, never a download. */
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Runtime, DefaultLogger } from '@temporalio/worker';
import * as fs from 'node:fs';
import * as path from 'node:path';

const venvBin = (name: string) => {
  const p = path.resolve(__dirname, '../../.venv/bin', name);
  if (!fs.existsSync(p)) throw new Error(`${p} is missing: run \`npm run setup\``);
  return p;
};

let runtimeInstalled = false;
/** Keeps the SDK's own logs to warnings so test output stays readable. */
export function quietRuntime() {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  Runtime.install({ logger: new DefaultLogger('WARN') });
}

export function timeSkippingEnv(): Promise<TestWorkflowEnvironment> {
  quietRuntime();
  return TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: venvBin('temporal-test-server') } },
  });
}

export function devServerEnv(): Promise<TestWorkflowEnvironment> {
  quietRuntime();
  return TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'existing-path', path: venvBin('temporal') }, ip: '127.0.0.1' },
  });
}
