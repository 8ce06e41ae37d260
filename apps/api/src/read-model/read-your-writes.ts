/**
 * Read-your-writes: whoever filed or changed proposals reads lists, inboxes and figures from the
 * read model, which the proposals' workflows write a moment later. A write that must be visible to
 * its author when it answers waits here until the read model holds each proposal at the version
 * the write made, within a bound (an outage of PostgreSQL must not hold the answer forever).
 */
import type { Pool } from 'pg';

const POLL_MS = 25;

/** Whether the read model holds every proposal given at least at its version, waiting up to `ms`. */
export async function untilProjected(pool: Pool, versions: { proposalId: string; version: number }[], ms: number): Promise<boolean> {
  if (versions.length === 0) return true;
  const until = Date.now() + ms;
  const ids = versions.map((v) => v.proposalId);
  const at = versions.map((v) => v.version);
  for (;;) {
    const { rows } = await pool.query<{ behind: number }>(
      `select count(*)::int as behind from unnest($1::text[], $2::int[]) as w(id, version)
       where not exists (select 1 from proposals p where p.id = w.id and p.version >= w.version)`,
      [ids, at],
    );
    if (rows[0]!.behind === 0) return true;
    if (Date.now() >= until) return false;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
