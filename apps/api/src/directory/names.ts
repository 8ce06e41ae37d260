/** The directory's names for ids: the readable history names units and people, not their ids. */
import type { Pool } from 'pg';
import type { Namer } from '../../../../workflows/domain/timeline';

export async function directoryNamer(pool: Pool, known: { id: string; name: string }[] = []): Promise<Namer> {
  const { rows } = await pool.query<{ id: string; name: string }>('select id, name from units union all select id, name from principals');
  const names = new Map([...rows, ...known].map((r) => [r.id, r.name]));
  return (id) => names.get(id) ?? id;
}

/** The names of the units given, each unit known to the directory named, any other by its id. */
export async function unitNamer(pool: Pool, ids: string[]): Promise<(id: string) => string> {
  const { rows } = await pool.query<{ id: string; name: string }>('select id, name from units where id = any($1)', [ids]);
  const names = new Map(rows.map((u) => [u.id, u.name]));
  return (id) => names.get(id) ?? id;
}
