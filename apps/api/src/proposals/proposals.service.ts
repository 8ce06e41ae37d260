/** Filing, acting on, listing and reading proposals: Temporal for one proposal, the read model for many. */
import { Inject, Injectable } from '@nestjs/common';
import { type Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import type { Pool } from 'pg';
import { inSnapshot } from '../../../common/database';
import { defaultPolicy, policies } from '../../../../seeds/policy';
import type { Actor, AllowedAction, Command } from '../../../../workflows/domain/commands';
import { type Intake, type Proposer, leadSignerOf } from '../../../../workflows/domain/contracts';
import { assignedUnits } from '../../../../workflows/domain/roles';
import { allowedActions } from '../../../../workflows/domain/lifecycle';
import { recipients } from '../../../../workflows/domain/state';
import { type TimelineNote, timelineRow, timelineRows } from '../../../../workflows/domain/timeline';
import type { RecordedEvent } from '../../../../workflows/domain/events';
import type { HandlingPolicy } from '../../../../workflows/domain/policy';
import { mergeRefusal, mergeTargetId, statusOf } from '../../../common/merge-target';
import { searchWords, withUnitNames } from '../../../common/search-words';
import { fingerprintOf } from '../../../common/fingerprints';
import { rankSimilarTo } from '../../../common/similar-proposals';
import { directoryNamer } from '../directory/names';
import { type ProposalView, actUpdate, eventsQuery, intakeOptions, viewQuery } from '../../../../workflows/messages';
import { proposalWorkflow } from '../../../../workflows';
import { type Principal, actorOf, unknownUnits } from '../auth/principals';
import { CalendarService } from '../calendar/calendar.service';
import { requireRole } from '../auth/auth.guard';
import { API_CONFIG, type ApiConfig } from '../config';
import { PG_POOL, TEMPORAL } from '../connections';
import { type FiledSchema, IntakeBodySchema, type ListQuery } from '../contracts';
import type { z } from 'zod';
import { Problem } from '../http/problem';
import { rememberAnswer, updateLatency } from '../http/metrics';
import { parse } from '../http/parse';
import { ensureMayRead, governmentUnits, overdueDuty, owedDuty, proposalOwners, visibleTo } from '../read-model/predicates';
import { ACTIONS, actionBody, actionRoles, isAction } from './actions';
import { storedAnswer, updateIdOf } from './idempotency';
import { finished, fromTemporal, notFound, withinDeadline } from './temporal-errors';

const PROPOSAL_ID = /^proposal-[a-z0-9-]{1,80}$/;
/** The most matches a search counts. */
export const SEARCH_COUNT_CAP = 1000;


@Injectable()
export class ProposalsService {
  constructor(
    @Inject(TEMPORAL) private readonly temporal: Client,
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly calendar: CalendarService,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  /** Every call to Temporal answers within the configured time, or 503 with Retry-After. */
  private bounded<T>(fn: () => Promise<T>): Promise<T> {
    return withinDeadline(this.temporal, this.config.TEMPORAL_TIMEOUT_MS, fn);
  }

  /** 受理: the committee files a proposal, or a member files their own. */
  /** `nearCopies`: 查重 at intake, for the committee (an import reports its own within the file). */
  async file(principal: Principal, raw: unknown, key: string, policyId?: string, { nearCopies = true } = {}): Promise<z.infer<typeof FiledSchema>> {
    requireRole(principal, ['committee', 'proposer']);
    const intake = await this.proposersFromDirectory(parse(IntakeBodySchema, raw, 'body'));
    // The query schema admits only the policies there are.
    const named = policyId === undefined ? defaultPolicy() : policies()[policyId]!;
    // 联名: one member proposes, as the lead signer; each co-signer confirms for themselves.
    if (principal.role === 'proposer' && leadSignerOf(intake.proposers)?.id !== principal.id) {
      throw new Problem(403, 'forbidden', 'Not your proposal', intake.proposers.some((p) => p.id === principal.id) ? 'a member files a joint proposal as its lead signer (领衔人); the co-signers confirm it themselves' : 'a member files only proposals they are a proposer of');
    }
    // The proposal pins the calendar as it stands, with every year the committee has loaded.
    const policy = { ...named, calendar: await this.calendar.current() };
    const filedWith = updateIdOf(principal.id, key);
    const options = intakeOptions({ intake, filedBy: actorOf(principal), policy });
    const filed = { proposalId: options.workflowId, version: 1 };
    await this.bounded(async () => {
      try {
        // The key goes with the workflow: a retry after a start whose answer was lost finds it there.
        await this.temporal.workflow.start(proposalWorkflow, { ...options, memo: { title: intake.title, filedWith } });
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
        const existing = await this.temporal.workflow.getHandle(options.workflowId).describe();
        if (existing.memo?.filedWith !== filedWith) throw new Problem(409, 'proposal-exists', 'The proposal was already filed', `${err.workflowId} exists: a proposal is filed once`);
      }
    });
    if (principal.role !== 'committee' || !nearCopies) return filed;
    const copies = await this.nearCopies(filed.proposalId, intake).catch(() => undefined);
    return copies ? { ...filed, nearCopies: copies } : filed;
  }

  /** 查重 at intake: the proposals of the session this one is a near copy of, before its own fingerprint is stored. */
  private async nearCopies(proposalId: string, intake: Intake) {
    await withUnitNames(this.pool);
    const own = fingerprintOf(proposalId, intake);
    const { ranked } = await rankSimilarTo(this.pool, { proposalId, sessionId: intake.session.id, words: own.words, simHash: BigInt(own.sim_hash), stored: false });
    return ranked.filter(({ row, likeness }) => likeness.nearCopy && row.session_id === intake.session.id).map(({ row }) => ({ proposalId: row.proposal_id, number: row.number, title: row.title }));
  }

  async act(principal: Principal, proposalId: string, action: string, raw: unknown, key: string, requestId: string): Promise<unknown> {
    if (!isAction(action)) throw new Problem(404, 'unknown-action', 'No such action', `${action} is not one of: ${Object.keys(ACTIONS).join(', ')}`);
    if (!PROPOSAL_ID.test(proposalId)) throw notFound(proposalId);
    requireRole(principal, actionRoles(action));
    const body = parse(actionBody(action), raw, 'body');
    const command = { type: ACTIONS[action].command, actor: actorOf(principal), ...body } as Command;
    // The supervision office acts only within its reach (proposals the government's departments handle),
    // which the directory knows and the workflow does not: outside it, the proposal is not found.
    if (principal.role === 'supervisionOffice') await this.view(principal, proposalId);
    await this.ensureUnitsExist(command);
    await this.ensureLeadersExist(command);
    await this.ensureMergeTarget(proposalId, command);
    const handle = this.temporal.workflow.getHandle(proposalId);
    return this.bounded(async () => {
      const timed = updateLatency.startTimer({ action });
      try {
        const result = await handle.executeUpdate(actUpdate, { args: [command, { requestId }], updateId: updateIdOf(principal.id, key) });
        timed({ outcome: 'accepted' });
        rememberAnswer(proposalId, result.version);
        return { proposalId, ...result };
      } catch (err) {
        timed({ outcome: err instanceof WorkflowUpdateFailedError ? 'refused' : 'failed' });
        // Updates reach only running workflows: a finished proposal looks "not found" to them. A
        // retry of the action that finished it finds the answer its projection stored.
        if (err instanceof WorkflowNotFoundError && (await handle.describe().catch(() => undefined))) {
          const answer = await storedAnswer(this.pool, principal.id, key);
          if (answer) return answer.body;
          throw finished(proposalId);
        }
        throw fromTemporal(err, proposalId);
      }
    });
  }

  /** Proposers are people of the directory, named as it names them: an id it does not know is 422. */
  private async proposersFromDirectory(intake: Intake): Promise<Intake> {
    const ids = intake.proposers.map((p) => p.id);
    const { rows } = await this.pool.query<{ id: string; name: string }>(`select id, name from principals where id = any($1) and role = 'proposer' and active`, [ids]);
    const names = new Map(rows.map((r) => [r.id, r.name]));
    const errors = ids.flatMap((id, i) => (names.has(id) ? [] : [{ path: `proposers.${i}.id`, message: `no proposer ${id} in the directory` }]));
    if (errors.length > 0) throw new Problem(422, 'unknown-proposer', 'The proposal names proposers who are not in the directory', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
    return { ...intake, proposers: intake.proposers.map((p) => ({ ...p, name: names.get(p.id)! })) };
  }

  /** Units are the directory's; an assignment naming one it does not know is domain-invalid data. */
  private async ensureUnitsExist(command: Command) {
    const [assignment, at] =
      command.type === 'assign'
        ? [command.assignment, 'assignment']
        : command.type === 'decideReassignment' && command.decision.decision === 'reassign'
          ? [command.decision.assignment, 'decision.assignment']
          : [undefined, ''];
    if (!assignment) return;
    const unknown = new Set(await unknownUnits(this.pool, assignedUnits(assignment)));
    if (unknown.size === 0) return;
    const named: [string, string][] =
      assignment.mode === 'joint'
        ? [['lead', assignment.lead], ...assignment.coHandlers.map((u, i): [string, string] => [`coHandlers.${i}`, u]), ...(assignment.assisting ?? []).map((u, i): [string, string] => [`assisting.${i}`, u])]
        : assignment.units.map((u, i) => [`units.${i}`, u]);
    const errors = named.filter(([, u]) => unknown.has(u)).map(([field, u]) => ({ path: `${at}.${field}`, message: `no unit ${u} in the directory` }));
    throw new Problem(422, 'unknown-unit', 'The assignment names units that do not exist', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
  }

  /** A key proposal's supervising leaders are people of the directory with the leader's role. */
  private async ensureLeadersExist(command: Command) {
    if (command.type !== 'markKey') return;
    const { rows } = await this.pool.query<{ id: string }>(`select id from principals where id = any($1) and role = 'leader' and active`, [command.leaders]);
    const known = new Set(rows.map((r) => r.id));
    const errors = command.leaders.flatMap((id, i) => (known.has(id) ? [] : [{ path: `leaders.${i}`, message: `no leader ${id} in the directory` }]));
    if (errors.length > 0) throw new Problem(422, 'unknown-leader', 'The key proposal names leaders who are not in the directory', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
  }

  /** 并案's target is checked where the assignment meeting's plan checks it too. */
  private async ensureMergeTarget(proposalId: string, command: Command) {
    if (command.type !== 'review' || command.review.outcome !== 'merge') return;
    const { intoNumber } = command.review;
    const status = await this.bounded(() => statusOf(this.temporal, mergeTargetId(proposalId, intoNumber))).catch((err: unknown) => {
      throw fromTemporal(err, mergeTargetId(proposalId, intoNumber));
    });
    const why = mergeRefusal(intoNumber, status);
    if (why) throw new Problem(422, 'merge-target', 'A proposal is merged only into a registered proposal', why, [{ path: 'review.intoNumber', message: why }]);
  }

  async view(principal: Principal, proposalId: string): Promise<ProposalView> {
    const view = await this.record(proposalId);
    const s = view.state;
    // A unit that passed its part to a successor (机构改革) still reads the proposal's history.
    const unitIds = [...(s.assignment ? assignedUnits(s.assignment) : []), ...(s.formerUnits ?? []).map((f) => f.unitId)];
    // Which units are the government's is the directory's to say, asked only for the supervision office, whose reach it is.
    const governmentHandled = principal.role === 'supervisionOffice' && (await governmentUnits(this.pool, unitIds)).length > 0;
    ensureMayRead(principal, { unitIds, proposerIds: recipients(s).map((p) => p.id), leaderIds: s.key?.leaders ?? [], governmentHandled }, proposalId);
    return view;
  }

  /** A proposal's view by Query, whoever asks: the callers decide what of it may be shown. */
  async record(proposalId: string): Promise<ProposalView> {
    if (!PROPOSAL_ID.test(proposalId)) throw notFound(proposalId);
    return this.bounded(() => this.temporal.workflow.getHandle(proposalId).query(viewQuery)).catch((err: unknown) => {
      throw fromTemporal(err, proposalId);
    });
  }

  /** The view as its reader sees it: with the actions the rules would accept from them now. */
  async viewFor(principal: Principal, proposalId: string): Promise<ProposalView & { allowedActions: AllowedAction[] }> {
    const view = await this.view(principal, proposalId);
    return { ...view, allowedActions: allowedActions(view.state, principal, { now: new Date().toISOString(), policy: view.policy }) };
  }

  /**
   * The readable history from the read model's events, as long as it holds the version the reader
   * saw (`seen`): a Query may replay the proposal's every run, a few rows of PostgreSQL do not.
   * Asked of the proposal itself when the read model is behind, or has no policy for it yet.
   */
  async history(principal: Principal, proposalId: string, raw = true, seen = 0) {
    if (!PROPOSAL_ID.test(proposalId)) throw notFound(proposalId);
    const projected = raw && principal.role === 'committee' ? undefined : await this.projectedHistory(principal, proposalId, seen);
    if (projected) return projected;
    const view = await this.view(principal, proposalId);
    const handle = this.temporal.workflow.getHandle(proposalId);
    return this.bounded(async () => {
      const [held, name] = await Promise.all([handle.query(eventsQuery), directoryNamer(this.pool, view.state.intake?.proposers)]);
      // A run renewed from a snapshot holds only its own events: the read model has those before.
      const firstHeld = held[0]?.seq ?? view.state.version + 1;
      const events = firstHeld > 1 ? [...(await this.projectedEvents(proposalId, firstHeld - 1)).map((e) => e.event), ...held] : held;
      const readable = { timeline: timelineRows(events, view.policy, undefined, name), events, answeredFrom: 'proposal' as const };
      // Temporal's own history names processes and carries every payload (a co-handler's internal
      // opinion among them): the committee's supervisors see it, units and members do not.
      if (principal.role !== 'committee' || !raw) return readable;
      // A proposal followed up for years spans several runs (continue-as-new): walk back to the first.
      const runs: { runId: string; events: Record<string, unknown>[] }[] = [];
      for (let runId: string | undefined = (await handle.describe()).runId; runId; ) {
        const raw = await this.temporal.workflow.getHandle(proposalId, runId).fetchHistory();
        runs.unshift({ runId, events: (temporal.api.history.v1.History.fromObject(raw).toJSON().events ?? []) as Record<string, unknown>[] });
        runId = raw.events?.[0]?.workflowExecutionStartedEventAttributes?.continuedExecutionRunId ?? undefined;
      }
      return { ...readable, temporal: { workflowId: proposalId, runs } };
    });
  }

  /** The readable history as projected, or undefined when the read model cannot answer it (then the proposal is asked). */
  private async projectedHistory(principal: Principal, proposalId: string, seen: number) {
    const visible = visibleTo(principal, 2, proposalOwners);
    const { rows } = await this.pool.query<{ version: number; policy: HandlingPolicy | null; proposers: Proposer[] }>(
      `select p.version, p.policy, p.proposers from proposals p where p.id = $1 and ${visible.sql}`,
      [proposalId, visible.param],
    );
    const row = rows[0];
    // Not projected yet, not readable by this caller, or behind what they saw: the proposal answers (or refuses).
    if (!row?.policy || row.version < seen) return undefined;
    const [stored, name] = await Promise.all([this.projectedEvents(proposalId, row.version), directoryNamer(this.pool, row.proposers)]);
    const events = stored.map((e) => e.event);
    const policy = row.policy;
    // Each event's note as the workflow wrote it; events projected before notes existed are folded again.
    const timeline = stored.every((e) => e.note)
      ? stored.map((e) => timelineRow(e.event, e.note!, policy, name))
      : timelineRows(events, policy, undefined, name);
    return { timeline, events, answeredFrom: 'readModel' as const };
  }

  /** The projected events up to a version, with their timeline notes where the workflow wrote them. */
  private async projectedEvents(proposalId: string, upTo: number): Promise<{ event: RecordedEvent; note?: TimelineNote }[]> {
    const { rows } = await this.pool.query<{ seq: number; type: string; at: Date; actor: Actor; payload: object; stage: string | null; next_due: string | null }>(
      'select seq, type, at, actor, payload, stage, next_due from proposal_events where proposal_id = $1 and seq <= $2 order by seq',
      [proposalId, upTo],
    );
    return rows.map((e) => ({
      event: { ...e.payload, seq: e.seq, type: e.type, at: e.at.toISOString(), by: e.actor } as RecordedEvent,
      ...(e.stage === null ? {} : { note: { stage: e.stage, nextDue: e.next_due ?? '—' } }),
    }));
  }

  async list(principal: Principal, q: ListQuery) {
    const visible = visibleTo(principal, 7, proposalOwners);
    // The query's words as the index holds them: every one must be found, the best matches first.
    if (q.q !== undefined) await withUnitNames(this.pool);
    const words = q.q === undefined ? null : searchWords(q.q).join(' ');
    const matches = `plainto_tsquery('simple', $6)`;
    const overdue = `exists (select 1 from unit_tasks t where t.proposal_id = p.id and ${overdueDuty('t')})`;
    const nextDue = `(select min(t.due_at) from unit_tasks t where t.proposal_id = p.id and ${owedDuty('t')})`;
    const where = `($1::text is null or p.session_id = $1)
         and ($2::text is null or ${proposalOwners.unit('$2')})
         and ($3::text is null or p.stage = $3)
         and ($4::text is null or p.reply_class = $4)
         and ($5::boolean is null or ${overdue} = $5)
         and ($6::text is null or p.search_words @@ ${matches})
         and ${visible.sql}`;
    const filters = [q.session ?? null, q.unit ?? null, q.stage ?? null, q.class ?? null, q.overdue ?? null, words, visible.param];
    // A search ranks and counts its first matches only, up to the cap: a common word (发展) would
    // otherwise rank every proposal of the store for one page.
    const source = words === null ? `proposals p where ${where}` : `(select * from proposals p where ${where} limit ${SEARCH_COUNT_CAP + 1}) p`;
    const [{ rows }, counted] = await inSnapshot(this.pool, (db) => Promise.all([
      db.query(
        `select p.id, p.session_id, p.summary->>'sessionName' as session_name, p.number, p.title, p.category, p.status, p.stage, p.lead_unit_id, p.unit_ids, p.reply_class,
                p.filed_at, p.assigned_at, p.replied_at, p.closed_at, p.version,
                (select count(*)::int from unit_tasks t where t.proposal_id = p.id and ${overdueDuty('t')}) as overdue_duties,
                ${nextDue} as next_due_at
         from ${source}
         order by ${q.sort === 'due' ? `${nextDue} asc nulls last, ` : words ? `ts_rank_cd(p.search_words, ${matches}) desc, ` : ''}p.session_id, p.number
         limit $8 offset $9`,
        [...filters, q.pageSize, (q.page - 1) * q.pageSize],
      ),
      // A search counts its matches up to a cap: past it the page says "more than", and no read counts them all.
      db.query<{ total: number }>(`select count(*)::int as total from ${source}`, filters),
    ]));
    const total = counted.rows[0]!.total;
    return {
      items: rows.map((r) => ({
        id: r.id,
        sessionId: r.session_id,
        sessionName: r.session_name,
        number: r.number,
        title: r.title,
        category: r.category,
        status: r.status,
        stage: r.stage,
        leadUnitId: r.lead_unit_id,
        unitIds: r.unit_ids,
        replyClass: r.reply_class,
        filedAt: r.filed_at.toISOString(),
        assignedAt: r.assigned_at?.toISOString() ?? null,
        nextDueAt: r.next_due_at?.toISOString() ?? null,
        repliedAt: r.replied_at?.toISOString() ?? null,
        closedAt: r.closed_at?.toISOString() ?? null,
        overdueDuties: r.overdue_duties,
        version: r.version,
      })),
      total: Math.min(total, words === null ? total : SEARCH_COUNT_CAP),
      ...(words !== null && total > SEARCH_COUNT_CAP ? { totalIsAtLeast: true } : {}),
      page: q.page,
      pageSize: q.pageSize,
    };
  }
}
