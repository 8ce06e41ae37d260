/**
 * Projects a proposal's state into the read model. Idempotent: a retried or replayed
 * projection of a version already stored changes nothing, and an older one never
 * overwrites a newer one.
 */
import { ApplicationFailure, log } from '@temporalio/activity';
import type { Pool } from 'pg';
import { assignedUnits } from '../workflows/domain/roles';
import type { Duty } from '../workflows/domain/duties';
import type { RecordedEvent } from '../workflows/domain/events';
import type { HandlingPolicy } from '../workflows/domain/policy';
import type { ProposalSummary } from '../workflows/domain/summary';
import type { TimelineNote } from '../workflows/domain/timeline';
import { PROJECTION_REJECTED } from '../workflows/messages';
import { raiseOperatorAlert } from '../apps/common/operator-alerts';
import { WORDS_VECTOR, proposalWords, withUnitNames } from '../apps/common/search-words';
import { STORE_FINGERPRINTS, fingerprintOf } from '../apps/common/fingerprints';

export interface ProjectionInput {
  proposalId: string;
  summary: ProposalSummary;
  /** The events since the last projection (events already stored are skipped). */
  events: RecordedEvent[];
  /** Each event's timeline note, in the same order (null where the run that recorded it is gone). */
  notes?: (TimelineNote | null)[];
  duties: readonly Duty[];
  /** The request that caused the latest change, for the logs. */
  requestId?: string;
  /** The answers to the Updates that made these changes, by Update ID: kept for the API's retries (`principal/key`). */
  answers?: { updateId: string; result: { version: number; events: RecordedEvent[] } }[];
  /** The policy the proposal runs under, when it is new to the read model: at a run's first projection and when a calendar year changed it. */
  policy?: HandlingPolicy;
}

function proposalRow(id: string, s: ProposalSummary) {
  const a = s.assignment;
  return {
    id,
    session_id: s.sessionId,
    number: s.number,
    title: s.title,
    category: s.category,
    key_proposal: s.key,
    proposers: JSON.stringify(s.proposers),
    status: s.status,
    stage: s.stage,
    assignment_mode: a?.mode ?? null,
    lead_unit_id: a?.mode === 'joint' ? a.lead : null,
    // A unit that passed its part to a successor (机构改革) keeps the proposal in its history and figures.
    unit_ids: a ? [...assignedUnits(a), ...(s.formerUnits ?? [])] : [],
    reply_class: s.replies[0]?.replyClass ?? null,
    filed_at: s.filedAt,
    assigned_at: s.assignedAt,
    replied_at: s.replies.map((r) => r.issuedAt).filter((x) => x !== null).sort()[0] ?? null,
    closed_at: s.closedAt,
    version: s.version,
    summary: JSON.stringify(s),
  };
}

/**
 * PostgreSQL's data exceptions (class 22: a character it cannot store, a value out of range) and
 * integrity violations (class 23) come back the same however often the projection is retried.
 */
const permanent = (err: unknown) => /^2[23]/.test((err as { code?: string }).code ?? '');

/**
 * `logger`: the activity's own (with the workflow's context), or another where the projection is
 * applied outside an activity (a restore catching the read model up).
 */
export function createProjectionActivities(pool: Pool, logger: Pick<typeof log, 'info' | 'error'> = log) {
  return {
    async projectProposal(input: ProjectionInput): Promise<{ applied: boolean }> {
      const row = proposalRow(input.proposalId, input.summary);
      const columns = Object.keys(row);
      // What the proposal is found by comes with its filing and never changes: segmented once.
      const filed = input.events.find((e) => e.type === 'ProposalFiled');
      let words: { title: string; text: string } | undefined;
      if (filed) {
        await withUnitNames(pool);
        words = proposalWords(filed.intake);
      }
      const events = input.events.map((e, i) => {
        const { seq, type, at, by, ...payload } = e;
        const note = input.notes?.[i];
        return { seq, type, at, unit_id: 'unitId' in e ? e.unitId : null, actor: by, payload, stage: note?.stage ?? null, next_due: note?.nextDue ?? null };
      });
      // The outbox row of each raised alert; its key makes a second insert a no-op.
      const alerts = input.events.flatMap((e) => (e.type === 'AlertRaised' ? [{ ...e.alert, raisedAt: e.at, payload: { ...e.alert, proposalId: input.proposalId, raisedAt: e.at } }] : []));
      const tasks = input.duties.map((d) => ({
        duty_key: d.key,
        kind: d.kind,
        unit_id: d.unitId,
        proposer_id: d.proposerId,
        commitment_no: d.commitmentNo,
        started_at: d.startedAt,
        due_date: d.due.date,
        due_at: d.due.at,
        is_window: d.window,
        is_optional: d.optional,
      }));
      // As the API answers an action: the API recorded its key before sending the Update (`principal/key`).
      const answers = (input.answers ?? []).map(({ updateId, result }) => {
        const slash = updateId.lastIndexOf('/');
        return { principal_id: updateId.slice(0, slash), key: updateId.slice(slash + 1), response: { proposalId: input.proposalId, ...result } };
      });
      const values: unknown[] = Object.values(row);
      const param = (value: unknown) => `$${values.push(value)}`;
      const [id, title, text, fingerprints, policy, eventRows, alertRows, taskRows, taskKeys, answerRows] = [
        param(input.proposalId),
        param(words?.title ?? null),
        param(words?.text ?? null),
        param(JSON.stringify(filed ? [fingerprintOf(input.proposalId, filed.intake)] : [])),
        param(input.policy ? JSON.stringify(input.policy) : null),
        param(JSON.stringify(events)),
        param(JSON.stringify(alerts)),
        param(JSON.stringify(tasks)),
        param(tasks.map((t) => t.duty_key)),
        param(JSON.stringify(answers)),
      ];
      try {
        // One statement, so one round trip and atomic by itself: the proposal's row (with its words,
        // fingerprint and policy when they come), its events, its alerts' outbox rows, the answers to the actions
        // that made them, and its open duties, which are replaced whole (a duty no longer listed is
        // done) when this version is newer.
        const { rows } = await pool.query<{ applied: number }>(
          `with upsert as (
             insert into proposals (${columns.join(', ')}, search_words, policy, updated_at)
             values (${columns.map((_, i) => `$${i + 1}`).join(', ')},
                     case when ${title}::text is null then null else ${WORDS_VECTOR(`${title}::text`, `${text}::text`)} end, ${policy}::jsonb, now())
             on conflict (id) do update set ${columns.filter((c) => c !== 'id').map((c) => `${c} = excluded.${c}`).join(', ')},
                search_words = coalesce(excluded.search_words, proposals.search_words), policy = coalesce(excluded.policy, proposals.policy), updated_at = now()
             where proposals.version < excluded.version
             returning id
           ),
           events as (
             insert into proposal_events (proposal_id, seq, type, at, unit_id, actor, payload, stage, next_due)
             select ${id}, x.seq, x.type, x.at, x.unit_id, x.actor, x.payload, x.stage, x.next_due
             from jsonb_to_recordset(${eventRows}::jsonb) as x(seq int, type text, at timestamptz, unit_id text, actor jsonb, payload jsonb, stage text, next_due text)
             on conflict (proposal_id, seq) do nothing
           ),
           alerts as (
             insert into alert_outbox (proposal_id, alert_key, kind, level, audience, duty_kind, unit_id, proposer_id, commitment_no, due_date, raised_at, payload)
             select ${id}, x.key, x.kind, x.level, x.audience, x."dutyKind", x."unitId", x."proposerId", x."commitmentNo", x."dueDate", x."raisedAt", x.payload
             from jsonb_to_recordset(${alertRows}::jsonb) as x(key text, kind text, level int, audience text, "dutyKind" text, "unitId" text, "proposerId" text, "commitmentNo" int, "dueDate" date, "raisedAt" timestamptz, payload jsonb)
             on conflict (proposal_id, alert_key) do nothing
             returning id
           ),
           answered as (
             update idempotency_keys k set status = 200, response = x.response, claimed_until = null
             from jsonb_to_recordset(${answerRows}::jsonb) as x(principal_id text, key text, response jsonb)
             where k.principal_id = x.principal_id and k.key = x.key and k.status is null
           ),
           ${STORE_FINGERPRINTS(fingerprints)},
           -- Dashboards listening for alerts hear of each new row once it is committed.
           told as (select pg_notify('alerts', id::text) from alerts),
           done as (
             delete from unit_tasks where proposal_id = ${id} and exists (select 1 from upsert) and not (duty_key = any(${taskKeys}::text[]))
           ),
           open as (
             insert into unit_tasks (proposal_id, duty_key, kind, unit_id, proposer_id, commitment_no, started_at, due_date, due_at, is_window, is_optional, version)
             select ${id}, x.duty_key, x.kind, x.unit_id, x.proposer_id, x.commitment_no, x.started_at, x.due_date, x.due_at, x.is_window, x.is_optional, ${param(row.version)}::int
             from jsonb_to_recordset(${taskRows}::jsonb) as x(duty_key text, kind text, unit_id text, proposer_id text, commitment_no int, started_at timestamptz, due_date date, due_at timestamptz, is_window boolean, is_optional boolean)
             where exists (select 1 from upsert)
             on conflict (proposal_id, duty_key) do update set kind = excluded.kind, unit_id = excluded.unit_id, proposer_id = excluded.proposer_id, commitment_no = excluded.commitment_no,
               started_at = excluded.started_at, due_date = excluded.due_date, due_at = excluded.due_at, is_window = excluded.is_window, is_optional = excluded.is_optional, version = excluded.version
           )
           select (select count(*)::int from upsert) as applied, (select count(*)::int from told) as told`,
          values,
        );
        const applied = rows[0]!.applied === 1;
        logger.info('projected', { proposalId: input.proposalId, version: row.version, applied, requestId: input.requestId });
        return { applied };
      } catch (err) {
        if (permanent(err)) {
          throw ApplicationFailure.nonRetryable(`PostgreSQL refuses version ${row.version} of ${input.proposalId}: ${(err as Error).message}`, PROJECTION_REJECTED);
        }
        throw err;
      }
    },

    /**
     * An operator alert for a projection PostgreSQL refused: the read model stays at the last
     * version it took while the proposal itself goes on (and answers Queries). Once per version.
     */
    async reportProjectionRejected(input: { proposalId: string; version: number; error: string }): Promise<void> {
      const today = new Date().toISOString().slice(0, 10);
      await raiseOperatorAlert(pool, { key: `projectionRejected:${input.proposalId}:${input.version}`, kind: 'overdue', what: 'projectionRejected', dueDate: today, details: input });
      logger.error('projection rejected', input);
    },
  };
}

export type ProjectionActivities = ReturnType<typeof createProjectionActivities>;
