/**
 * The unit's yearly summary in the read model and the alert outbox. Idempotent: a retried
 * projection writes the same row, and an alert's key is inserted once.
 */
import type { Pool } from 'pg';
import type { SummaryActivities } from '../workflows/annual-summary';

export function createSummaryActivities(pool: Pool): SummaryActivities {
  return {
    async projectSummary(s) {
      await pool.query(
        `insert into annual_summaries (unit_id, year, due_date, due_at, requested_at, requested_by, submitted_at, submitted_by, text)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         on conflict (year, unit_id) do update set submitted_at = excluded.submitted_at, submitted_by = excluded.submitted_by, text = excluded.text
           where annual_summaries.submitted_at is null`,
        [s.unitId, s.year, s.due.date, s.due.at, s.requestedAt, s.requestedBy, s.submitted?.at ?? null, s.submitted?.by ?? null, s.submitted?.text ?? null],
      );
    },
    async raiseSummaryAlerts({ alerts, year, raisedAt }) {
      for (const a of alerts) {
        const { rows } = await pool.query<{ id: string }>(
          `insert into alert_outbox (proposal_id, alert_key, kind, level, audience, duty_kind, unit_id, due_date, raised_at, payload)
           values (null, $1, $2, $3, $4, $5, $6, $7, $8, $9)
           on conflict (alert_key) where proposal_id is null do nothing
           returning id`,
          [a.key, a.kind, a.level, a.audience, a.dutyKind, a.unitId, a.dueDate, raisedAt, JSON.stringify({ ...a, year, raisedAt })],
        );
        for (const { id } of rows) await pool.query(`select pg_notify('alerts', $1)`, [id]);
      }
    },
  };
}
