/** Principals (people with a role and, for officers, a unit) and units, kept in PostgreSQL. */
import type { Pool } from 'pg';
import { inTransaction } from '../../../common/database';
import type { Actor } from '../../../../workflows/domain/commands';
import type { DirectorySchema } from '../../../../seeds/reference-case';
import type { z } from 'zod';

export type Principal = Actor & { name: string };

/** The principal as the workflows know an actor: without the name the directory may change. */
export const actorOf = (p: Principal): Actor => (p.role === 'officer' ? { role: p.role, id: p.id, unitId: p.unitId } : { role: p.role, id: p.id });

export async function findPrincipal(pool: Pool, id: string): Promise<Principal | undefined> {
  const { rows } = await pool.query<{ id: string; name: string; role: Principal['role']; unit_id: string | null }>(
    'select id, name, role, unit_id from principals where id = $1 and active',
    [id],
  );
  const r = rows[0];
  if (!r) return undefined;
  return r.role === 'officer' ? { role: 'officer', id: r.id, unitId: r.unit_id!, name: r.name } : { role: r.role, id: r.id, name: r.name };
}

export async function unknownUnits(pool: Pool, ids: string[]): Promise<string[]> {
  const { rows } = await pool.query<{ id: string }>('select id from units where id = any($1)', [ids]);
  const known = new Set(rows.map((r) => r.id));
  return ids.filter((id) => !known.has(id));
}

/** Loads a directory of units and people; running it again updates them in place. */
export async function loadDirectory(pool: Pool, directory: z.infer<typeof DirectorySchema>): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query(
      `insert into units (id, name, kind) select x.id, x.name, x.kind from jsonb_to_recordset($1::jsonb) as x(id text, name text, kind text)
       on conflict (id) do update set name = excluded.name, kind = excluded.kind`,
      [JSON.stringify(directory.units)],
    );
    await client.query(
      `insert into principals (id, name, role, unit_id)
       select x.id, x.name, x.role, x."unitId" from jsonb_to_recordset($1::jsonb) as x(id text, name text, role text, "unitId" text)
       on conflict (id) do update set name = excluded.name, role = excluded.role, unit_id = excluded.unit_id, active = true`,
      [JSON.stringify(directory.people)],
    );
    // Contact details only where the file gives them: a file without them keeps what people set themselves.
    await client.query(
      `update units u set head_name = x.head->>'name', head_email = x.head->>'email', head_mobile = x.head->>'mobile'
       from jsonb_to_recordset($1::jsonb) as x(id text, head jsonb) where u.id = x.id and x.head is not null`,
      [JSON.stringify(directory.units)],
    );
    await client.query(
      `update units u set responsibilities = x.responsibilities from jsonb_to_recordset($1::jsonb) as x(id text, responsibilities text) where u.id = x.id and x.responsibilities is not null`,
      [JSON.stringify(directory.units)],
    );
    await client.query(
      `update principals p set email = x.contact->>'email', mobile = x.contact->>'mobile',
              channels = array(select jsonb_array_elements_text(x.contact->'channels')), quiet_hours = nullif(x.contact->'quietHours', 'null'::jsonb)
       from jsonb_to_recordset($1::jsonb) as x(id text, contact jsonb) where p.id = x.id and x.contact is not null`,
      [JSON.stringify(directory.people)],
    );
  });
}
