/**
 * 每日待办: a digest run asked for by the daily Schedule is fanned out once into one notice per
 * officer and channel, listing their unit's owed duties due soon or overdue (the task lists'
 * predicates). A run not fanned out on its own day is closed unsent: yesterday's list misleads.
 */
import type { Pool } from 'pg';
import { currentCalendar } from '../../common/calendar-years';
import { inTransaction } from '../../common/database';
import { DUE_SOON_WORKING_DAYS, dueSoonUntil } from '../../../workflows/domain/duties';
import { localDate } from '../../../workflows/domain/calendar';
import type { DutyKind } from '../../../workflows/domain/vocabulary';
import { owedDuty } from '../../api/src/read-model/predicates';
import { defaultPolicy } from '../../../seeds/policy';
import { type NewNotice, type NoticeSettings, type Recipient, insertNotices, noticesFor, senderName } from './notices';
import { type DigestItem, digestEmail, digestSms } from './notice-text';

export async function fanOutDigests(pool: Pool, settings: NoticeSettings, now = new Date()): Promise<number> {
  return inTransaction(pool, async (client) => {
    const { rows: runs } = await client.query<{ date: string }>(`select date::text from digest_runs where fanned_out_at is null order by date limit 1 for update skip locked`);
    const date = runs[0]?.date;
    if (!date) return 0;
    const seed = defaultPolicy().calendar;
    const notices: NewNotice[] = [];
    if (date === localDate(now.toISOString(), seed)) {
      const calendar = await currentCalendar(pool, seed);
      const { rows } = await client.query<{ unit_id: string; unit_name: string; kind: DutyKind; commitment_no: number | null; due_date: string; overdue: boolean; proposal_id: string; number: number; title: string }>(
        `select t.unit_id, u.name as unit_name, t.kind, t.commitment_no, to_char(t.due_date, 'YYYY-MM-DD') as due_date, t.due_at <= $1 as overdue, p.id as proposal_id, p.number, p.title
           from unit_tasks t join proposals p on p.id = t.proposal_id join units u on u.id = t.unit_id
          where ${owedDuty('t')} and t.due_date <= $2::date
          order by t.unit_id, t.due_at, p.number`,
        [now, dueSoonUntil(now.toISOString(), calendar)],
      );
      const byUnit = new Map<string, { name: string; items: DigestItem[] }>();
      for (const r of rows) {
        const unit = byUnit.get(r.unit_id) ?? { name: r.unit_name, items: [] };
        unit.items.push({ number: r.number, title: r.title, dutyKind: r.kind, commitmentNo: r.commitment_no, dueDate: r.due_date, overdue: r.overdue, link: `${settings.consoleUrl}/p/${r.proposal_id}` });
        byUnit.set(r.unit_id, unit);
      }
      const { rows: officers } = await client.query<Recipient & { unit_id: string }>(
        `select id, name, email, mobile, channels, unit_id from principals where active and role = 'officer' and unit_id = any($1) order by id`,
        [[...byUnit.keys()]],
      );
      const sender = await senderName(client);
      for (const o of officers) {
        const unit = byUnit.get(o.unit_id)!;
        const facts = { date, recipientName: o.name, unitName: unit.name, items: unit.items, link: `${settings.consoleUrl}/inbox`, sender, soonDays: DUE_SOON_WORKING_DAYS };
        notices.push(...noticesFor(o, settings, { source: `digest:${date}`, proposal_id: null, urgent: false }, () => digestEmail(facts), () => digestSms(facts, settings.smsSignature)));
      }
    }
    await insertNotices(client, notices);
    await client.query('update digest_runs set fanned_out_at = now() where date = $1', [date]);
    return notices.length;
  });
}
