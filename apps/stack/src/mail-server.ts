/**
 * A real SMTP server on loopback (aiosmtpd, from the project's venv) that keeps what it receives
 * in a Maildir: the main job sends its notices to it, and the delivery tests read them back.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { type ParsedMail, simpleParser } from 'mailparser';
import { projectRoot } from '../../common/project-root';

const PYTHON = path.join(projectRoot(__dirname), '.venv/bin/python');

export interface MailServer {
  readonly url: string;
  readonly maildir: string;
  /** Stops taking mail (an outage); `start` takes it again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Every message received so far, oldest first. */
  received(): Promise<ParsedMail[]>;
}

const accepting = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });

export async function startMailServer(port: number, maildir: string): Promise<MailServer> {
  // The Maildir is made by the server, with its tmp/new/cur, where none is yet.
  fs.mkdirSync(path.dirname(maildir), { recursive: true });
  let child: ChildProcess | undefined;
  const start = async () => {
    const c = spawn(PYTHON, ['-m', 'aiosmtpd', '-n', '-l', `127.0.0.1:${port}`, '-c', 'aiosmtpd.handlers.Mailbox', maildir], { stdio: ['ignore', 'ignore', 'inherit'] });
    child = c;
    let failed: Error | undefined;
    c.once('error', (err) => (failed = err));
    const deadline = Date.now() + 15_000;
    while (!(await accepting(port))) {
      if (failed) throw new Error(`the SMTP server did not start: ${failed.message} (run \`npm run setup\`)`);
      if (c.exitCode !== null) throw new Error(`the SMTP server exited with ${c.exitCode}`);
      if (Date.now() > deadline) throw new Error(`the SMTP server did not listen on ${port} in 15 s`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const stop = async () => {
    const c = child;
    if (!c || c.exitCode !== null || c.signalCode !== null) return;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGTERM');
    await exited;
  };
  await start();
  return {
    url: `smtp://127.0.0.1:${port}`,
    maildir,
    stop,
    start,
    async received() {
      const dir = path.join(maildir, 'new');
      if (!fs.existsSync(dir)) return [];
      const files = fs.readdirSync(dir).map((f) => path.join(dir, f));
      const mails = await Promise.all(files.map(async (f) => ({ mail: await simpleParser(fs.readFileSync(f)), at: fs.statSync(f).mtimeMs })));
      return mails.sort((a, b) => a.at - b.at).map((m) => m.mail);
    },
  };
}
