/**
 * The assignment meeting's plan sent to the API as one batch, its progress shown as a bar while
 * the batch runs, and the rows it refused listed at the end. The Idempotency-Key comes from the
 * session and the file's content, so running the same command again finds the same batch.
 */
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { SingleBar } from 'cli-progress';
import { type ApiClient, callApi } from '../../common/api-client';

export interface BatchProgress {
  batchId: string;
  total: number;
  done: { row: number; number: number }[];
  refused: { row: number; number: number; reason: string }[];
  remaining: number;
  finished: boolean;
}

export interface PlanFile {
  session: string;
  /** The file as read: .xlsx, .csv or .json by its name. */
  name: string;
  content: Buffer;
  perSecond?: number;
}

const FORMATS: Record<string, 'xlsx' | 'csv' | 'json'> = { '.xlsx': 'xlsx', '.csv': 'csv', '.json': 'json' };

export async function applyPlan(api: ApiClient, plan: PlanFile, out: NodeJS.WriteStream = process.stderr): Promise<BatchProgress> {
  const format = FORMATS[path.extname(plan.name).toLowerCase()];
  if (!format) throw new Error(`${plan.name}: a plan is an .xlsx, .csv or .json file`);
  const key = `plan-${plan.session}-${createHash('sha256').update(plan.content).digest('hex').slice(0, 32)}`;
  const started = await callApi(api, 'POST', '/batches', { session: plan.session, format, file: plan.content.toString('base64'), perSecond: plan.perSecond ?? 10 }, key);
  const bar = new SingleBar({ format: '  分办进度 [{bar}] {percentage}% | {value}/{total} | 已交办 {done} | 退回 {refused} | {duration_formatted}', stream: out, hideCursor: true, noTTYOutput: !out.isTTY, notTTYSchedule: 5000 });
  bar.start(started.total as number, 0, { done: 0, refused: 0 });
  let progress: BatchProgress;
  for (;;) {
    progress = (await callApi(api, 'GET', `/batches/${encodeURIComponent(started.batchId as string)}`)) as unknown as BatchProgress;
    bar.update(progress.done.length + progress.refused.length, { done: progress.done.length, refused: progress.refused.length });
    if (progress.finished) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  bar.stop();
  return progress;
}

/** The refused rows as the operator reads them, in the plan's order. */
export function refusedRows(progress: BatchProgress): string[] {
  return [...progress.refused].sort((a, b) => a.row - b.row).map((r) => `  第${r.row}行  提案号 ${r.number}：${r.reason}`);
}
