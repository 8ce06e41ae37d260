/**
 * 办理工作总结: the committee asks, once a year, every unit that handled proposals that year for
 * its summary; each is a workflow of its own (annual-summary.workflow.ts), its due date a duty
 * with alerts; the read model lists them, and the unit's officer sends it through an Update.
 */
import { Inject, Injectable } from '@nestjs/common';
import { type Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Pool } from 'pg';
import type { z } from 'zod';
import { defaultPolicy } from '../../../../seeds/policy';
import { annualSummaryWorkflowId, submitSummaryUpdate } from '../../../../workflows/annual-summary';
import { type SummaryState, decideSubmission } from '../../../../workflows/domain/annual-summary';
import { lastWorkingDayBefore, urgency } from '../../../../workflows/domain/duties';
import type { Refusal } from '../../../../workflows/domain/refusals';
import { REFUSAL_FAILURE, TASK_QUEUE } from '../../../../workflows/messages';
import { type Principal, actorOf } from '../auth/principals';
import { CalendarService } from '../calendar/calendar.service';
import { PG_POOL, TEMPORAL } from '../connections';
import type { SummaryRowSchema } from '../contracts';
import { unitNamer } from '../directory/names';
import { Problem } from '../http/problem';
import { refusalProblem, withinDeadline } from '../proposals/temporal-errors';

type SummaryRow = z.infer<typeof SummaryRowSchema>;

@Injectable()
export class AnnualSummariesService {
  constructor(
    @Inject(TEMPORAL) private readonly temporal: Client,
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly calendar: CalendarService,
  ) {}

  /** The policy in force, with every calendar year loaded: what a summary asked for now runs under. */
  private async policy() {
    return { ...defaultPolicy(), calendar: await this.calendar.current() };
  }

  /** Asks every unit that handled proposals in the year (assigned by its end, not closed before it began); asking again asks no one twice. */
  async request(p: Principal, year: number) {
    const { rows } = await this.pool.query<{ unit_id: string }>(
      `select distinct unnest(unit_ids) as unit_id from proposals
        where status <> 'withdrawn' and assigned_at < make_date($1 + 1, 1, 1)
          and (status = 'handling' or (summary->>'closedAt')::timestamptz >= make_date($1, 1, 1))
        order by 1`,
      [year],
    );
    const policy = await this.policy();
    const unitName = await unitNamer(this.pool, rows.map((r) => r.unit_id));
    const units = [];
    for (const { unit_id: unitId } of rows) {
      let newlyAsked = true;
      try {
        await this.temporal.workflow.start('annualSummaryWorkflow', {
          workflowId: annualSummaryWorkflowId(year, unitId),
          taskQueue: TASK_QUEUE,
          args: [{ unitId, year, policy, requestedBy: actorOf(p) }],
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
        });
      } catch (err) {
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
        newlyAsked = false;
      }
      units.push({ unitId, unitName: unitName(unitId), newlyAsked });
    }
    await this.listed(year, units.map((u) => u.unitId));
    return { year, dueDate: lastWorkingDayBefore(year, policy.annualSummaryBefore, policy).date, units };
  }

  /** Answers once the read model lists every unit asked (each workflow's first projection), so a list read next shows them; at most 10 s. */
  private async listed(year: number, unitIds: string[]) {
    for (let waited = 0; waited < 10_000; waited += 100) {
      const { rows } = await this.pool.query<{ n: number }>('select count(*)::int as n from annual_summaries where year = $1 and unit_id = any($2)', [year, unitIds]);
      if (rows[0]!.n === unitIds.length) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** The year's summaries (every year's when none is named): every unit's for the committee, an officer's own unit's. */
  async list(p: Principal, year: number | undefined): Promise<SummaryRow[]> {
    return this.rows(await this.stored(year, p.role === 'officer' ? p.unitId : null));
  }

  /**
   * The unit's officer sends the summary. A retry of one that went through (the same text from
   * the same officer) is answered with it, also once the workflow has finished; anything else is
   * refused as the rules refuse it.
   */
  async submit(p: Principal, year: number, unitId: string, text: string, key: string): Promise<SummaryRow> {
    const handle = this.temporal.workflow.getHandle(annualSummaryWorkflowId(year, unitId));
    try {
      const state = await withinDeadline(this.temporal, 10_000, () => handle.executeUpdate(submitSummaryUpdate, { args: [{ actor: actorOf(p), text }], updateId: `${p.id}-${key}` }));
      return (await this.rows([state]))[0]!;
    } catch (err) {
      const refusal = err instanceof WorkflowUpdateFailedError && err.cause instanceof ApplicationFailure && err.cause.type === REFUSAL_FAILURE ? (err.cause.details![0] as Refusal) : undefined;
      // Not found is also what a finished workflow answers: its row says what was sent.
      if (!refusal && !(err instanceof WorkflowNotFoundError)) throw err;
      const [stored] = await this.stored(year, unitId);
      if (stored?.submitted && stored.submitted.by === p.id && stored.submitted.text === text) return (await this.rows([stored]))[0]!;
      if (refusal) throw refusalProblem(refusal);
      if (!stored) throw new Problem(404, 'no-summary-asked', 'No such summary asked for', `the committee has not asked ${unitId} for its ${year} summary`);
      const decision = decideSubmission(stored, actorOf(p), { text }, new Date().toISOString());
      throw refusalProblem(decision.ok ? { code: 'alreadyDone', message: `${unitId} sent its ${year} summary` } : decision.refusal);
    }
  }

  /** The summaries of the year (of one unit) as their workflows hold them, from the read model. */
  private async stored(year: number | undefined, unitId: string | null): Promise<SummaryState[]> {
    const { rows } = await this.pool.query<{ unit_id: string; year: number; due_date: string; due_at: Date; requested_at: Date; requested_by: string; submitted_at: Date | null; submitted_by: string | null; text: string | null }>(
      `select unit_id, year, to_char(due_date, 'YYYY-MM-DD') as due_date, due_at, requested_at, requested_by, submitted_at, submitted_by, text
         from annual_summaries where ($1::int is null or year = $1) and ($2::text is null or unit_id = $2) order by year desc, unit_id`,
      [year ?? null, unitId],
    );
    return rows.map((r) => ({
      unitId: r.unit_id,
      year: r.year,
      requestedAt: r.requested_at.toISOString(),
      requestedBy: r.requested_by,
      due: { date: r.due_date, at: r.due_at.toISOString() },
      submitted: r.submitted_at ? { at: r.submitted_at.toISOString(), by: r.submitted_by!, text: r.text! } : null,
      raised: [],
    }));
  }

  private async rows(states: SummaryState[]): Promise<SummaryRow[]> {
    const unitName = await unitNamer(this.pool, states.map((s) => s.unitId));
    const calendar = await this.calendar.current();
    const now = new Date().toISOString();
    return states.map((s) => ({
      unitId: s.unitId,
      unitName: unitName(s.unitId),
      year: s.year,
      dueDate: s.due.date,
      requestedAt: s.requestedAt,
      submittedAt: s.submitted?.at ?? null,
      submittedBy: s.submitted?.by ?? null,
      text: s.submitted?.text ?? null,
      urgency: s.submitted ? null : urgency(s.due, now, calendar),
      onTime: s.submitted ? s.submitted.at < s.due.at : null,
    }));
  }
}
