/**
 * Read-your-writes: whoever filed or changed proposals reads lists, inboxes and figures from the
 * read model, which the proposals' workflows write a moment after the action has answered. A read
 * (or a write that must be visible to its author when it answers) waits here until the read model
 * holds each proposal at the version the write made, within a bound (an outage of PostgreSQL, or
 * a version it refused, must not hold the answer forever).
 */
import type { Pool } from 'pg';

const POLL_MS = 10;

export interface Seen {
  proposalId: string;
  version: number;
}

/** The proposals the read model does not yet hold at the version given, after waiting up to `ms` for them. */
export async function behindAfter(pool: Pool, versions: Seen[], ms: number): Promise<Seen[]> {
  if (versions.length === 0) return [];
  const until = Date.now() + ms;
  const ids = versions.map((v) => v.proposalId);
  const at = versions.map((v) => v.version);
  for (;;) {
    const { rows } = await pool.query<{ id: string; version: number }>(
      `select w.id, w.version from unnest($1::text[], $2::int[]) as w(id, version)
       where not exists (select 1 from proposals p where p.id = w.id and p.version >= w.version)`,
      [ids, at],
    );
    if (rows.length === 0 || Date.now() >= until) return rows.map((r) => ({ proposalId: r.id, version: r.version }));
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

/** Whether the read model holds every proposal given at least at its version, waiting up to `ms`. */
export const untilProjected = async (pool: Pool, versions: Seen[], ms: number): Promise<boolean> => (await behindAfter(pool, versions, ms)).length === 0;
