/** The committee's figures, from the read model's summaries of the proposals asked for. */
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { ProposalSummary } from '../../../../workflows/domain/summary';
import { PG_POOL } from '../connections';
import { Problem } from '../http/problem';
import { sessionReport } from './session-report';
import { statistics } from './statistics';
import { CalendarService } from '../calendar/calendar.service';
import { sessionOverview } from './session-overview';
import { sessionFigures } from './session-figures';
import { workReport } from './work-report';
import { handlingNotice } from './handling-notice';
import { unitNamer } from '../directory/names';
import { documentDocx } from '../documents/document-docx';

/** What the handling statistics count: proposals assigned and not withdrawn (a withdrawn one counts against no unit). */
const handled = (s: ProposalSummary) => s.assignedAt !== null && s.status !== 'withdrawn';

@Injectable()
export class SupervisionService {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly calendar: CalendarService,
  ) {}

  async sessions() {
    const { rows } = await this.pool.query<{ id: string; name: string; proposals: number; last_filed_at: Date }>(
      `select session_id as id, min(summary->>'sessionName') as name, count(*)::int as proposals, max(filed_at) as last_filed_at
         from proposals group by session_id order by max(filed_at) desc, session_id`,
    );
    return rows.map((r) => ({ id: r.id, name: r.name, proposals: r.proposals, lastFiledAt: r.last_filed_at.toISOString() }));
  }

  async overview(session: string) {
    return sessionOverview(this.pool, session, await this.calendar.current());
  }

  /** Every proposal of the session (or all sessions), whatever its review; with a unit, those it was given. */
  private async summaries(session: string | undefined, unit: string | undefined): Promise<ProposalSummary[]> {
    const { rows } = await this.pool.query<{ summary: ProposalSummary }>(
      `select summary from proposals where ($1::text is null or session_id = $1) and ($2::text is null or unit_ids @> array[$2::text])`,
      [session ?? null, unit ?? null],
    );
    return rows.map((r) => r.summary);
  }

  async stats(session: string | undefined, unit: string | undefined) {
    const asOf = new Date().toISOString();
    const received = await this.summaries(session, unit);
    const all = statistics(received.filter(handled), asOf);
    // With a unit asked for, only proposals shared with it were read: a session total would mislead.
    if (unit) return { asOf, rows: all.rows.filter((r) => r.unitId === unit), totals: [], sessions: [] };
    return { asOf, rows: all.rows, totals: all.totals, sessions: sessionFigures(received) };
  }

  /** 提案工作情况报告 (draft): the session's figures in the words the committee reports them in, as a Word file. */
  async workReport(session: string): Promise<{ file: Buffer; title: string }> {
    const { asOf, totals, sessions } = await this.stats(session, undefined);
    const figures = sessions[0];
    if (!figures) throw new Problem(404, 'no-session', 'No proposals in this session', `session ${session} has no proposal filed`);
    const blocks = workReport(figures, totals[0], asOf);
    return { file: await documentDocx(blocks), title: blocks.find((b) => b.kind === 'title')!.text };
  }

  /** 办理情况通报 (draft): the government's account of the session's handling, with the same figures, as a Word file. */
  async handlingNotice(session: string): Promise<{ file: Buffer; title: string }> {
    const { asOf, rows, totals, sessions } = await this.stats(session, undefined);
    const [figures, total] = [sessions[0], totals[0]];
    if (!figures || !total) throw new Problem(404, 'no-session', 'No assigned proposals in this session', `session ${session} has no proposal assigned yet`);
    const blocks = handlingNotice(figures, total, rows, await unitNamer(this.pool, rows.map((r) => r.unitId)), asOf);
    return { file: await documentDocx(blocks), title: blocks.find((b) => b.kind === 'title')!.text };
  }

  /** The session's handling report (.xlsx): the same figures as `stats` for the session, and each unit's proposals. */
  async report(session: string): Promise<{ file: Buffer; title: string }> {
    const asOf = new Date().toISOString();
    const summaries = (await this.summaries(session, undefined)).filter(handled);
    if (summaries.length === 0) throw new Problem(404, 'no-session', 'No assigned proposals in this session', `session ${session} has no proposal assigned yet`);
    const { rows, totals } = statistics(summaries, asOf);
    const unitName = await unitNamer(this.pool, rows.map((r) => r.unitId));
    const sessionName = summaries[0]!.sessionName;
    const file = await sessionReport({ sessionName, asOf, summaries, rows, totals: totals[0], unitName });
    return { file, title: `${sessionName}提案办理情况统计` };
  }
}
