/**
 * Child processes of the stack: started with their own environment, started again when one dies
 * (a few times, each with a log line; then the stack gives up rather than run on without it),
 * stopped gently.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import * as net from 'node:net';

/** A port nothing listens on now, for a process of our own. */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

export interface Process {
  /** The running child (a new one after a restart). */
  readonly child: ChildProcess;
  stop(): Promise<void>;
}

export interface Supervision {
  name: string;
  /** Restarts allowed within `windowMs` before giving up. */
  maxRestarts?: number;
  windowMs?: number;
  /** Called once the child has died more often than allowed. */
  onGiveUp(reason: Error): void;
}

/** A Node script of the stack, supervised. */
export const startNode = (script: string, env: NodeJS.ProcessEnv, supervision: Supervision): Process =>
  supervise(() => spawn(process.execPath, [script], { env: { ...process.env, ...env }, stdio: 'inherit' }), supervision);

/** Keeps the child `spawnChild` starts running: started again a second after it dies, within the limit. */
export function supervise(spawnChild: () => ChildProcess, supervision: Supervision): Process {
  const { name, maxRestarts = 5, windowMs = 10 * 60_000, onGiveUp } = supervision;
  let stopping = false;
  let restarts: number[] = [];
  let child!: ChildProcess;
  let exited!: Promise<unknown>;
  const run = () => {
    child = spawnChild();
    exited = new Promise((resolve) => child.once('exit', resolve));
    child.once('exit', (code, signal) => {
      if (stopping) return;
      const now = Date.now();
      restarts = [...restarts.filter((t) => now - t < windowMs), now];
      const how = signal ?? `code ${code}`;
      if (restarts.length > maxRestarts) {
        console.error(`• ${name} exited (${how}) ${restarts.length} times in ${windowMs / 60_000} min: giving up`);
        onGiveUp(new Error(`${name} keeps exiting (${how})`));
        return;
      }
      console.error(`• ${name} exited (${how}); starting it again (${restarts.length}/${maxRestarts})`);
      // Stopped meanwhile (the stack shutting down, or a start that failed): not started again.
      setTimeout(() => stopping || run(), 1000);
    });
  };
  run();
  return {
    get child() {
      return child;
    },
    stop: () => {
      stopping = true;
      return stopChild(child, exited);
    },
  };
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
