/** The directory's names for ids: the readable history names units and people, not their ids. */
import type { Pool } from 'pg';
import type { Namer } from '../../../../workflows/domain/timeline';

export async function directoryNamer(pool: Pool, known: { id: string; name: string }[] = []): Promise<Namer> {
  const { rows } = await pool.query<{ id: string; name: string }>('select id, name from units union all select id, name from principals');
  const names = new Map([...rows, ...known].map((r) => [r.id, r.name]));
  return (id) => names.get(id) ?? id;
}
