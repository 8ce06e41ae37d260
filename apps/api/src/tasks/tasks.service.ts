/** Open duties from the read model: a unit's tasks, a proposer's ratings to give, what is overdue. */
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { urgency } from '../../../../workflows/domain/duties';
import type { Principal } from '../auth/principals';
import { PG_POOL } from '../connections';
import { CalendarService } from '../calendar/calendar.service';
import { overdueDuty, rowOwners, visibleTo } from '../read-model/predicates';

export interface TaskFilter {
  kind?: string;
  includeOptional: boolean;
  overdueOnly?: boolean;
  session?: string;
  unit?: string;
}

@Injectable()
export class TasksService {
  constructor(
    @Inject(PG_POOL) private readonly pool: Pool,
    private readonly calendar: CalendarService,
  ) {}

  /** The committee sees every unit's; an officer the unit's; a proposer the ratings they owe. */
  async list(principal: Principal, f: TaskFilter) {
    const visible = visibleTo(principal, 1, rowOwners('t', 'duty'));
    const { rows } = await this.pool.query(
      `select t.proposal_id, p.summary->>'sessionName' as session_name, p.number, p.title, t.kind,
              case when t.unit_id is null then null when p.assignment_mode = 'separate' then 'separate' when p.lead_unit_id = t.unit_id then 'lead'
                   when coalesce(p.summary->'assignment'->'assisting', '[]') ? t.unit_id then 'assisting' else 'coHandler' end as role, t.unit_id, t.proposer_id, t.commitment_no,
              to_char(t.due_date, 'YYYY-MM-DD') as due_date, t.due_at, t.is_window, t.is_optional
       from unit_tasks t join proposals p on p.id = t.proposal_id
       where ${visible.sql}
         and ($2::text is null or t.kind = $2)
         and ($3 or not t.is_optional)
         and (not $4 or ${overdueDuty('t')})
         and ($5::text is null or p.session_id = $5)
         and ($6::text is null or t.unit_id = $6)
       order by t.due_at, p.number`,
      [visible.param, f.kind ?? null, f.includeOptional, f.overdueOnly ?? false, f.session ?? null, f.unit ?? null],
    );
    const now = new Date().toISOString();
    const calendar = await this.calendar.current();
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
    };
  }
}
