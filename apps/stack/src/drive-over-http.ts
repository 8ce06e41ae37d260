/**
 * Drives the reference case through the HTTP API as its people would: each request carries the
 * acting person's bearer token and an Idempotency-Key fixed per step, so running the case again
 * (after an interruption, or on a store where it already ran) applies nothing twice.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { z } from 'zod';
import { mintToken } from '../../api/src/auth/tokens';
import { type ApiClient, callApi } from '../../common/api-client';
import type { ProposalListItemSchema } from '../../api/src/contracts';
import { requestFor } from '../../api/src/proposals/actions';
import { personFor, type ReferenceCase } from '../../../seeds/reference-case';
import { type Step, referenceSteps } from '../../../seeds/reference-steps';
import type { TimelineRow } from '../../../workflows/domain/timeline';
import { proposalWorkflowId } from '../../../workflows/messages';

type ProposalListItem = z.infer<typeof ProposalListItemSchema>;

/** Where the API is (one base, or every replica's) and the key its tokens are signed with. */
export interface Api extends Omit<ApiClient, 'token'> {
  secret: string;
}

/** One request as `principalId`, retried as the API asks (see callApi). */
const call = (api: Api, method: string, path: string, principalId: string, body?: unknown, key?: string) =>
  callApi({ ...api, token: () => mintToken(principalId, api.secret) }, method, path, body, key);

const committee = () => personFor('committee').id;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** One proposal being driven: its steps go out under fixed keys, its new timeline rows come back. */
export class Run {
  private shown = 0;
  private constructor(
    private readonly api: Api,
    readonly id: string,
    private readonly keyBase: string,
    private readonly onRows?: (rows: TimelineRow[]) => void,
  ) {}

  /** A proposal already filed (by the session's import), driven from where it stands. */
  static async attach(api: Api, c: ReferenceCase, onRows?: (rows: TimelineRow[]) => void): Promise<Run> {
    const run = new Run(api, proposalWorkflowId(c.intake.session.id, c.intake.number), `${c.intake.session.id}-${c.intake.number}`, onRows);
    await run.show();
    return run;
  }

  static async file(api: Api, c: ReferenceCase, onRows?: (rows: TimelineRow[]) => void, policy?: string): Promise<Run> {
    const keyBase = `${c.intake.session.id}-${c.intake.number}`;
    const filed = await call(api, 'POST', `/proposals${policy ? `?policy=${policy}` : ''}`, committee(), c.intake, `${keyBase}-intake`);
    const run = new Run(api, filed.proposalId as string, keyBase, onRows);
    await run.show();
    return run;
  }

  async show() {
    if (!this.onRows) return;
    const history = await call(this.api, 'GET', `/proposals/${this.id}/history`, committee());
    const rows = history.timeline as TimelineRow[];
    this.onRows(rows.slice(this.shown));
    this.shown = rows.length;
  }

  /** Contacts are dated at the assignment, read back from the proposal, so a second run sends the very same bodies. */
  async send(step: Step, key: string) {
    const { action, body, principalId } = requestFor(step.command);
    if (step.command.type === 'recordContact') {
      const view = await call(this.api, 'GET', `/proposals/${this.id}`, committee());
      body.contact = { ...step.command.contact, occurredAt: (view.state as { assignedAt: string }).assignedAt };
    }
    await call(this.api, 'POST', `/proposals/${this.id}/${action}`, principalId, body, `${this.keyBase}-${key}`);
    await this.show();
  }
}

/** The reference case in a session whose import filed it and whose assignment meeting registered and assigned it. */
export async function driveAssignedReferenceCase(api: Api, c: ReferenceCase, onRows: (rows: TimelineRow[]) => void): Promise<string> {
  const run = await Run.attach(api, c, onRows);
  for (const [i, step] of referenceSteps(c, () => '').entries()) {
    if (step.command.type !== 'review' && step.command.type !== 'assign') await run.send(step, `step-${i + 1}`);
  }
  return run.id;
}

/**
 * The same case under the compressed policy (seconds for months), with the pauses in which the
 * clock acts: the Science Bureau's opinion runs late and is chased up the ladder, and the
 * commitments are reminded each period, reported in progress, then done.
 */
export async function driveOnCompressedTime(api: Api, c: ReferenceCase, policy: string, onRows: (rows: TimelineRow[]) => void): Promise<string> {
  const run = await Run.file(api, c, onRows, policy);
  const steps = referenceSteps(c, () => '');
  const reports = steps.filter((s) => s.command.type === 'reportFollowUp');
  for (const [i, step] of steps.filter((s) => s.command.type !== 'reportFollowUp').entries()) {
    // The opinion is due 8 s after assignment: let it be warned, fall overdue and reach the unit's head.
    if (step.command.type === 'submitOpinion') await pauseShowing(run, 12_000);
    await run.send(step, `step-${i + 1}`);
  }
  // Reports are due every 8 s: wait for each reminder, then report.
  await pauseShowing(run, 6_000);
  for (const [i, r] of reports.entries()) {
    if (r.command.type === 'reportFollowUp') await run.send({ ...r, command: { ...r.command, done: false, progress: '按计划推进中' } }, `progress-${i + 1}`);
  }
  await pauseShowing(run, 7_000);
  for (const [i, r] of reports.entries()) await run.send(r, `done-${i + 1}`);
  return run.id;
}

async function pauseShowing(run: Run, ms: number) {
  for (let waited = 0; waited < ms; waited += 1000) {
    await sleep(1000);
    await run.show();
  }
}

/** The proposal as the read model lists it, once the projection shows it in `stage`. */
export async function listed(api: Api, c: ReferenceCase, stage: string) {
  for (let i = 0; i < 100; i++) {
    const list = await call(api, 'GET', `/proposals?session=${c.intake.session.id}&q=${c.intake.number}`, committee());
    const item = (list.items as ProposalListItem[]).find((p) => p.number === c.intake.number);
    if (item?.stage === stage) return item;
    await sleep(200);
  }
  throw new Error(`the read model never showed proposal ${c.intake.number} as ${stage}`);
}

/** A document as the committee downloads it, saved as `file`. */
export async function download(api: Api, urlPath: string, file: string): Promise<string> {
  const res = await fetch(`${api.base}${urlPath}`, { headers: { authorization: `Bearer ${await mintToken(committee(), api.secret)}` } });
  if (!res.ok) throw new Error(`GET ${urlPath}: ${res.status} ${await res.text()}`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  return file;
}

/** The issued reply as Word and PDF, saved under `dir`. */
export async function saveReplyDocuments(api: Api, proposalId: string, dir: string): Promise<string[]> {
  const files: string[] = [];
  for (const format of ['docx', 'pdf']) files.push(await download(api, `/proposals/${proposalId}/reply.${format}`, path.join(dir, `${proposalId}-reply.${format}`)));
  return files;
}

/** 办理结果告知: the letter telling the proposers of each settled commitment of the proposal's reply, saved under `dir`. */
export async function saveResultNotices(api: Api, proposalId: string, dir: string): Promise<string[]> {
  const view = (await call(api, 'GET', `/proposals/${proposalId}`, committee())) as { state: { tracks: Record<string, { commitments: { no: number; result?: string }[] }> } };
  const files: string[] = [];
  for (const [unitId, track] of Object.entries(view.state.tracks)) {
    for (const c of track.commitments.filter((x) => x.result !== undefined)) {
      files.push(await download(api, `/proposals/${proposalId}/result-notice.pdf?unit=${unitId}&commitment=${c.no}`, path.join(dir, `${proposalId}-result-${unitId}-${c.no}.pdf`)));
    }
  }
  return files;
}

/** Each 催办通知书 raised so far for a proposal (an alert that reached a unit's head), saved under `dir`. */
export async function saveSupervisionNotices(api: Api, proposalId: string, dir: string): Promise<string[]> {
  const { items } = (await call(api, 'GET', '/alerts?limit=500', committee())) as { items: { id: string; proposalId: string | null; audience: string; unitId: string }[] };
  const files: string[] = [];
  for (const a of items.filter((x) => x.proposalId === proposalId && x.audience === 'unitHead')) {
    files.push(await download(api, `/alerts/${a.id}/notice.pdf`, path.join(dir, `${proposalId}-notice-${a.id}-${a.unitId}.pdf`)));
  }
  return files;
}
