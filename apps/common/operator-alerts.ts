/**
 * Alerts for operators that no proposal's duty raises (OperatorAlertSchema): an outbox row without
 * a proposal, to the committee, once per key, delivered and listed like any alert.
 */
import type { Pool } from 'pg';
import type { z } from 'zod';
import type { AlertKind, OperatorAlertSchema } from '../../workflows/domain/vocabulary';

export interface OperatorAlert {
  key: string;
  kind: AlertKind;
  what: z.infer<typeof OperatorAlertSchema>;
  /** The date it concerns (the first day the calendar lacks, the day a projection was refused). */
  dueDate: string;
  details: Record<string, unknown>;
}

/** Raises the alert unless its key was raised before; true when it was new. */
export async function raiseOperatorAlert(pool: Pool, a: OperatorAlert, now = new Date().toISOString()): Promise<boolean> {
  const payload = { key: a.key, kind: a.kind, audience: 'committee', dutyKind: a.what, dueDate: a.dueDate, raisedAt: now, ...a.details };
  const { rows } = await pool.query<{ id: string }>(
    `insert into alert_outbox (proposal_id, alert_key, kind, level, audience, duty_kind, due_date, raised_at, payload)
     values (null, $1, $2, 0, 'committee', $3, $4, $5, $6)
     on conflict (alert_key) where proposal_id is null do nothing
     returning id`,
    [a.key, a.kind, a.what, a.dueDate, now, JSON.stringify(payload)],
  );
  for (const { id } of rows) await pool.query(`select pg_notify('alerts', $1)`, [id]);
  return rows.length > 0;
}
