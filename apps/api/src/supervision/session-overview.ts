/**
 * A session at a glance for the committee's 总览: proposals by stage and by unit, the duties
 * overdue and those due soon (`dueSoonUntil`: within three working days by the holiday calendar), and the weekly
 * trend of assignments, replies and closings; the key proposals; and the follow-up carried over
 * from earlier sessions (a new term's sessions carry the old term's open commitments, DOMAIN.md).
 * One round of grouped queries on the read model, in one snapshot so that its figures agree.
 */
import type { Pool } from 'pg';
import { inSnapshot } from '../../../common/database';
import type { Calendar } from '../../../../workflows/domain/calendar';
import { dueSoonUntil } from '../../../../workflows/domain/duties';
import { dueSoonDuty, openCommitmentCount, overdueDuty, owedDuty } from '../read-model/predicates';

export async function sessionOverview(pool: Pool, session: string, calendar: Calendar, now = new Date()) {
  const soonUntil = dueSoonUntil(now.toISOString(), calendar);
  const [stages, units, duties, weekly, key, carried] = await inSnapshot(pool, (db) => Promise.all([
    db.query<{ stage: string; count: number }>('select stage, count(*)::int as count from proposals where session_id = $1 group by stage order by count desc', [session]),
    db.query<{ unit_id: string; count: number }>('select u as unit_id, count(*)::int as count from proposals, unnest(unit_ids) as u where session_id = $1 group by u order by count desc, u', [session]),
    db.query<{ overdue: number; due_soon: number }>(
      `select count(*) filter (where ${overdueDuty('t', '$2')})::int as overdue,
              count(*) filter (where ${dueSoonDuty('t', '$2', '$3')})::int as due_soon
       from unit_tasks t join proposals p on p.id = t.proposal_id
       where p.session_id = $1 and ${owedDuty('t')}`,
      [session, now, soonUntil],
    ),
    db.query<{ week: string; assigned: number; replied: number; closed: number }>(
      `select to_char(w, 'YYYY-MM-DD') as week,
              count(*) filter (where kind = 'assigned')::int as assigned,
              count(*) filter (where kind = 'replied')::int as replied,
              count(*) filter (where kind = 'closed')::int as closed
       from (select date_trunc('week', at at time zone 'Asia/Shanghai') as w, kind
             from proposals, lateral (values ('assigned', assigned_at), ('replied', replied_at), ('closed', closed_at)) as e(kind, at)
             where session_id = $1 and at is not null and at > $2::timestamptz - interval '12 weeks') x
       group by w order by w`,
      [session, now],
    ),
    db.query<{ id: string; number: number; title: string; stage: string; leaders: string[]; overdue_duties: number }>(
      `select p.id, p.number, p.title, p.stage, coalesce(p.summary->'keyLeaders', '[]'::jsonb) as leaders,
              (select count(*)::int from unit_tasks t where t.proposal_id = p.id and ${overdueDuty('t', '$2')}) as overdue_duties
       from proposals p where p.session_id = $1 and p.key_proposal order by p.number`,
      [session, now],
    ),
    // Sessions before this one: those whose proposals were filed before its first.
    db.query<{ id: string; session_id: string; session_name: string; number: number; title: string; unit_ids: string[]; open_commitments: number; overdue_duties: number }>(
      `select * from (
         select p.id, p.session_id, p.summary->>'sessionName' as session_name, p.number, p.title, p.unit_ids, ${openCommitmentCount('p')} as open_commitments,
                (select count(*)::int from unit_tasks t where t.proposal_id = p.id and ${overdueDuty('t', '$2')}) as overdue_duties
         from proposals p
         where p.session_id <> $1 and p.filed_at < (select min(filed_at) from proposals where session_id = $1)) x
       where open_commitments > 0 order by session_id, number`,
      [session, now],
    ),
  ]));
  return {
    session,
    byStage: stages.rows,
    byUnit: units.rows.map((u) => ({ unitId: u.unit_id, count: u.count })),
    overdue: duties.rows[0]?.overdue ?? 0,
    dueSoon: duties.rows[0]?.due_soon ?? 0,
    dueSoonUntil: soonUntil,
    weekly: weekly.rows,
    keyProposals: key.rows.map((r) => ({ id: r.id, number: r.number, title: r.title, stage: r.stage, leaders: r.leaders, overdueDuties: r.overdue_duties })),
    carriedOver: carried.rows.map((r) => ({ id: r.id, sessionId: r.session_id, sessionName: r.session_name, number: r.number, title: r.title, unitIds: r.unit_ids, openCommitments: r.open_commitments, overdueDuties: r.overdue_duties })),
  };
}
