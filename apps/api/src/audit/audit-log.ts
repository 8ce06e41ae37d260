/** Appends to the accounts' audit trail (see migration 0016): one home for what is recorded and how. */
import type { Pool, PoolClient } from 'pg';
import type { z } from 'zod';
import type { AuditKindSchema } from '../contracts';

export type AuditKind = z.infer<typeof AuditKindSchema>;

export interface AuditEntry {
  kind: AuditKind;
  /** Whom it is about: the account signed in to, reset or deactivated (as typed, for a failed sign-in). */
  account: string;
  /** Who did it, where it was someone else (the committee resetting a password). */
  actor?: string;
  address?: string;
  detail?: Record<string, unknown>;
}

export async function audit(db: Pool | PoolClient, e: AuditEntry): Promise<void> {
  await db.query('insert into audit_log (kind, account, actor, address, detail) values ($1, $2, $3, $4, $5)', [e.kind, e.account, e.actor ?? null, e.address ?? null, JSON.stringify(e.detail ?? {})]);
}
