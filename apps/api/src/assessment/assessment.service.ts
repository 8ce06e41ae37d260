/**
 * 考核: the session's units scored under the assessment policy, from the same figures as the
 * statistics; the committee's selection of 优秀提案 and 先进承办单位, kept with every version.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { z } from 'zod';
import { assessmentPolicy } from '../../../../seeds/policy';
import { inTransaction } from '../../../common/database';
import type { Principal } from '../auth/principals';
import { PG_POOL } from '../connections';
import type { SelectionBodySchema, SelectionSchema } from '../contracts';
import { type FieldError, Problem } from '../http/problem';
import { SupervisionService } from '../supervision/supervision.service';
import { unitNamer } from '../directory/names';
import { assess } from './scores';
import { assessmentSheet } from './assessment-sheet';

type SelectionBody = z.infer<typeof SelectionBodySchema>;
type Selection = z.infer<typeof SelectionSchema>;

/** Statuses of a proposal that was registered (立案): only those may be selected 优秀提案. */
const REGISTERED = ['registered', 'handling', 'closed'];

@Injectable()
export class AssessmentService {
  private readonly policy = assessmentPolicy();

  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly supervision: SupervisionService,
  ) {}

  async assessment(session: string) {
    const { asOf, rows, sessions } = await this.supervision.stats(session, undefined);
    const figures = sessions[0];
    if (!figures) throw new Problem(404, 'no-session', 'No proposals in this session', `session ${session} has no proposal filed`);
    const escalations = await this.escalations(session);
    const unitName = await unitNamer(this.pool, rows.map((r) => r.unitId));
    const { id, name, weights, deductions } = this.policy;
    return {
      sessionId: session,
      sessionName: figures.sessionName,
      asOf,
      policy: { id, name, weights, deductions },
      units: assess(rows, (unit) => escalations.get(unit) ?? 0, this.policy).map((u) => ({ ...u, unitName: unitName(u.unitId) })),
      selection: await this.selection(session),
      candidates: await this.candidates(session),
    };
  }

  /** The ranked table and the selection as a workbook. */
  async sheet(session: string): Promise<{ file: Buffer; title: string }> {
    const assessment = await this.assessment(session);
    const title = `${assessment.sessionName}提案办理考核`;
    return { file: await assessmentSheet(title, assessment), title };
  }

  /** Records the selection whole; the same selection again changes nothing and answers the version it has. */
  async select(p: Principal, session: string, body: SelectionBody): Promise<Selection> {
    const errors = await this.refusals(session, body);
    if (errors.length > 0) throw new Problem(422, 'invalid-selection', 'The selection names proposals or units it cannot', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
    await inTransaction(this.pool, async (client) => {
      // One recorder of a session's selection at a time, so two cannot take the same version.
      await client.query('select pg_advisory_xact_lock(hashtext($1))', [`assessment:${session}`]);
      const { rows } = await client.query<{ version: number; same: boolean }>(
        `select version, (excellent_proposals = $2::jsonb and advanced_units = $3::jsonb) as same
           from assessment_selections where session_id = $1 order by version desc limit 1`,
        [session, JSON.stringify(body.excellentProposals), JSON.stringify(body.advancedUnits)],
      );
      if (rows[0]?.same) return;
      await client.query(
        'insert into assessment_selections (session_id, version, excellent_proposals, advanced_units, recorded_by) values ($1, $2, $3, $4, $5)',
        [session, (rows[0]?.version ?? 0) + 1, JSON.stringify(body.excellentProposals), JSON.stringify(body.advancedUnits), p.id],
      );
    });
    return (await this.selection(session))!;
  }

  /** What may be selected: 优秀提案 among the session's registered proposals; 先进承办单位 among the units it assigned proposals to. */
  private async candidates(session: string) {
    const { rows: proposals } = await this.pool.query<{ id: string; number: number; title: string }>(
      'select id, number, title from proposals where session_id = $1 and status = any($2) order by number',
      [session, REGISTERED],
    );
    const { rows: units } = await this.pool.query<{ unit_id: string }>(
      `select distinct unnest(unit_ids) as unit_id from proposals where session_id = $1 and status <> 'withdrawn' order by 1`,
      [session],
    );
    const unitName = await unitNamer(this.pool, units.map((u) => u.unit_id));
    return {
      excellentProposals: proposals.map((r) => ({ proposalId: r.id, number: r.number, title: r.title })),
      advancedUnits: units.map((u) => ({ unitId: u.unit_id, unitName: unitName(u.unit_id) })),
    };
  }

  private async refusals(session: string, body: SelectionBody): Promise<FieldError[]> {
    const candidates = await this.candidates(session);
    const proposals = new Set(candidates.excellentProposals.map((p) => p.proposalId));
    const units = new Set(candidates.advancedUnits.map((u) => u.unitId));
    const { rows } = await this.pool.query<{ id: string; status: string }>('select id, status from proposals where session_id = $1 and id = any($2)', [
      session,
      body.excellentProposals.map((e) => e.proposalId),
    ]);
    const status = new Map(rows.map((r) => [r.id, r.status]));
    const errors: FieldError[] = [];
    body.excellentProposals.forEach((e, i) => {
      if (proposals.has(e.proposalId)) return;
      const s = status.get(e.proposalId);
      errors.push({ path: `excellentProposals.${i}.proposalId`, message: s === undefined ? `is not a proposal of session ${session}` : `was not registered (it is ${s})` });
    });
    body.advancedUnits.forEach((u, i) => {
      if (!units.has(u.unitId)) errors.push({ path: `advancedUnits.${i}.unitId`, message: `handled no proposal of session ${session}` });
    });
    return errors;
  }

  private async selection(session: string): Promise<Selection | null> {
    const { rows } = await this.pool.query<{ version: number; excellent_proposals: SelectionBody['excellentProposals']; advanced_units: SelectionBody['advancedUnits']; recorded_by: string; recorded_at: Date }>(
      'select version, excellent_proposals, advanced_units, recorded_by, recorded_at from assessment_selections where session_id = $1 order by version desc limit 1',
      [session],
    );
    const latest = rows[0];
    if (!latest) return null;
    const { rows: proposals } = await this.pool.query<{ id: string; number: number; title: string }>('select id, number, title from proposals where id = any($1)', [
      latest.excellent_proposals.map((e) => e.proposalId),
    ]);
    const byId = new Map(proposals.map((r) => [r.id, r]));
    const unitName = await unitNamer(this.pool, latest.advanced_units.map((u) => u.unitId));
    return {
      version: latest.version,
      excellentProposals: latest.excellent_proposals.map((e) => ({ ...e, number: byId.get(e.proposalId)!.number, title: byId.get(e.proposalId)!.title })),
      advancedUnits: latest.advanced_units.map((u) => ({ ...u, unitName: unitName(u.unitId) })),
      recordedBy: latest.recorded_by,
      recordedAt: latest.recorded_at.toISOString(),
    };
  }

  /** Per unit: its duties' escalations that reached the assessment rung, on the session's proposals not withdrawn. */
  private async escalations(session: string): Promise<Map<string, number>> {
    const { rows } = await this.pool.query<{ unit_id: string; n: number }>(
      `select a.unit_id, count(*)::int as n
         from alert_outbox a join proposals p on p.id = a.proposal_id
        where p.session_id = $1 and p.status <> 'withdrawn' and a.kind = 'escalation' and a.audience = 'assessment' and a.unit_id is not null
        group by a.unit_id`,
      [session],
    );
    return new Map(rows.map((r) => [r.unit_id, r.n]));
  }
}
