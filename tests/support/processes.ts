/** The stack's processes as a test runs them: from the TypeScript sources, with a prebuilt workflow bundle. */
import { bundleWorkflowCode } from '@temporalio/worker';
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { workflowCode } from '../../apps/worker/src/workflow-code';

export { freePort } from '../../apps/stack/src/processes';

const silent = { info() {}, warn() {}, error() {}, debug() {}, trace() {}, log() {} };

/** The workflow bundle written to a file, so each worker process starts in a second rather than bundling. */
export async function workflowBundleFile(): Promise<string> {
  const { code } = await bundleWorkflowCode({ ...workflowCode(), logger: silent });
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'proposal-bundle-')), 'workflows.js');
  fs.writeFileSync(file, code);
  return file;
}

export class Processes {
  readonly all: ChildProcess[] = [];

  /** Runs `script` (a path from the repository's root) in its own Node process. */
  start(script: string, vars: Record<string, string>): ChildProcess {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', path.resolve(__dirname, '../..', script)], {
      env: { ...process.env, ...vars },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    this.all.push(child);
    return child;
  }

  /** Dies as in a crash (SIGKILL), and is gone when this resolves. */
  async kill(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  /** SIGTERM, then SIGKILL for one still draining after 10 s: a test must end in bounded time. */
  async stopAll(): Promise<void> {
    await Promise.all(
      this.all.map(async (c) => {
        if (c.exitCode !== null || c.signalCode !== null) return;
        const exited = new Promise((r) => c.once('exit', r));
        c.kill('SIGTERM');
        const timer = setTimeout(() => c.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }),
    );
  }
}
