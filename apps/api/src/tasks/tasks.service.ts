/** Open duties from the read model: a unit's tasks, a proposer's ratings to give, what is overdue. */
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { inSnapshot } from '../../../common/database';
import { dueSoonUntil, urgency } from '../../../../workflows/domain/duties';
import type { Urgency } from '../../../../workflows/domain/vocabulary';
import type { Principal } from '../auth/principals';
import { PG_POOL } from '../connections';
import { CalendarService } from '../calendar/calendar.service';
import { overdueDuty, rowOwners, urgencyOf, visibleTo } from '../read-model/predicates';

export interface TaskFilter {
  kind?: string;
  includeOptional: boolean;
  overdueOnly?: boolean;
  session?: string;
  unit?: string;
  urgency?: Urgency;
  /** Pages of proposals, each with every duty it has in the list; without them, every duty. */
  page?: number;
  pageSize?: number;
}

@Injectable()
export class TasksService {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly calendar: CalendarService,
  ) {}

  /**
   * The committee sees every unit's; an officer the unit's; a proposer the ratings they owe. Paged
   * by proposal, the proposal with the soonest due duty first, each with all its duties; counted by
   * urgency (before the urgency filter, for the inbox's figures).
   */
  async list(principal: Principal, f: TaskFilter) {
    const visible = visibleTo(principal, 1, rowOwners('t', 'duty'));
    const now = new Date().toISOString();
    const calendar = await this.calendar.current();
    const listed = `select t.*, p.summary->>'sessionName' as session_name, p.number, p.title, p.assignment_mode, p.lead_unit_id,
              coalesce(p.summary->'assignment'->'assisting', '[]') as assisting, ${urgencyOf('t', '$7::timestamptz', '$8')} as urgency
       from unit_tasks t join proposals p on p.id = t.proposal_id
       where ${visible.sql}
         and ($2::text is null or t.kind = $2)
         and ($3 or not t.is_optional)
         and (not $4 or ${overdueDuty('t', '$7::timestamptz')})
         and ($5::text is null or p.session_id = $5)
         and ($6::text is null or t.unit_id = $6)`;
    const filters = [visible.param, f.kind ?? null, f.includeOptional, f.overdueOnly ?? false, f.session ?? null, f.unit ?? null, now, dueSoonUntil(now, calendar), f.urgency ?? null];
    const kept = `with listed as (${listed}), kept as (select * from listed where $9::text is null or urgency = $9),
       groups as (select proposal_id, min(due_at) as first_due, min(number) as number from kept group by proposal_id)`;
    const paged = f.page !== undefined && f.pageSize !== undefined;
    const [{ rows }, { rows: totals }, { rows: counts }] = await inSnapshot(this.pool, (db) => Promise.all([
      db.query(
        `${kept}, shown as (select proposal_id, first_due, number from groups order by first_due, number, proposal_id ${paged ? 'limit $10 offset $11' : ''})
         select k.proposal_id, k.session_name, k.number, k.title, k.kind,
                case when k.unit_id is null then null when k.assignment_mode = 'separate' then 'separate' when k.lead_unit_id = k.unit_id then 'lead'
                     when k.assisting ? k.unit_id then 'assisting' else 'coHandler' end as role, k.unit_id, k.proposer_id, k.commitment_no,
                to_char(k.due_date, 'YYYY-MM-DD') as due_date, k.due_at, k.is_window, k.is_optional
         from kept k join shown s on s.proposal_id = k.proposal_id
         order by s.first_due, s.number, s.proposal_id, k.due_at`,
        paged ? [...filters, f.pageSize, (f.page! - 1) * f.pageSize!] : filters,
      ),
      db.query<{ proposals: number; tasks: number }>(`${kept} select (select count(*)::int from groups) as proposals, (select count(*)::int from kept) as tasks`, filters),
      db.query<{ urgency: Urgency; n: number }>(`with listed as (${listed}) select urgency, count(*)::int as n from listed group by urgency`, filters.slice(0, 8)),
    ]));
    const byUrgency = new Map(counts.map((c) => [c.urgency, c.n]));
    return {
      items: rows.map((r) => {
        const dueAt = (r.due_at as Date).toISOString();
        const late = Date.parse(now) - Date.parse(dueAt);
        return {
          proposalId: r.proposal_id,
          sessionName: r.session_name,
          number: r.number,
          role: r.role,
          title: r.title,
          kind: r.kind,
          unitId: r.unit_id,
          proposerId: r.proposer_id,
          commitmentNo: r.commitment_no,
          dueDate: r.due_date,
          dueAt,
          window: r.is_window,
          optional: r.is_optional,
          urgency: urgency({ date: r.due_date, at: dueAt }, now, calendar),
          // The first day past the due date is one day overdue.
          daysOverdue: late >= 0 ? Math.floor(late / 86_400_000) + 1 : 0,
        };
      }),
      totalProposals: totals[0]!.proposals,
      totalTasks: totals[0]!.tasks,
      counts: { overdue: byUrgency.get('overdue') ?? 0, dueSoon: byUrgency.get('dueSoon') ?? 0, onTime: byUrgency.get('onTime') ?? 0 },
      ...(paged ? { page: f.page, pageSize: f.pageSize } : {}),
    };
  }
}
