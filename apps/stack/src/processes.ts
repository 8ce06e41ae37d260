/** Child processes of the stack: started with their own environment, stopped gently. */
import { type ChildProcess, spawn } from 'node:child_process';

export interface Process {
  child: ChildProcess;
  stop(): Promise<void>;
}

export function startNode(script: string, env: NodeJS.ProcessEnv): Process {
  const child = spawn(process.execPath, [script], { env: { ...process.env, ...env }, stdio: 'inherit' });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return { child, stop: () => stopChild(child, exited) };
}

/** SIGTERM, then SIGKILL if it has not exited within 10 s. */
export async function stopChild(child: ChildProcess, exited: Promise<unknown>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Polls `url` until it answers 200, or fails naming what did not come up. */
export async function waitForHttp(url: string, what: string, child: ChildProcess, seconds = 60): Promise<void> {
  for (let i = 0; i < seconds * 4; i++) {
    if (child.exitCode !== null) throw new Error(`${what} exited at start (code ${child.exitCode})`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${what} did not become ready at ${url} within ${seconds} s`);
}
