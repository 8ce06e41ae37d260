/**
 * The directory of units and people, kept by the committee from the console: the same tables the
 * API reads on every request, so a change applies at once, without a deploy. A person deactivated
 * or given a new password is signed out everywhere.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { Pool, PoolClient } from 'pg';
import type { z } from 'zod';
import { PG_POOL } from '../connections';
import { inTransaction } from '../../../common/database';
import type { AuditQuerySchema, PersonSchema, UnitSchema } from '../contracts';
import { olderPage } from '../http/older-page';
import { Problem } from '../http/problem';
import { setPassword } from '../sign-in/passwords';
import { type AuditKind, audit } from '../audit/audit-log';
import type { ContactDetails, UnitHead } from '../../../common/contact-preferences';

/** Who changed the directory, from where: the audit trail's. */
interface Change {
  by: string;
  address?: string;
}

/** A person's contact details as one JSON value, in the shape of ContactDetailsSchema. */
const CONTACT = `json_build_object('email', email, 'mobile', mobile, 'channels', channels, 'quietHours', quiet_hours)`;

@Injectable()
export class DirectoryService {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  async units() {
    return (
      await this.pool.query<{ id: string; name: string; kind: 'committee' | 'bureau'; successorId: string | null; head: UnitHead | null; responsibilities: string | null }>(
        `select u.id, u.name, u.kind, s.successor_id as "successorId", u.responsibilities,
                case when u.head_name is null then null else json_build_object('name', u.head_name, 'email', u.head_email, 'mobile', u.head_mobile) end as head
           from units u left join unit_successions s on s.unit_id = u.id order by u.id`,
      )
    ).rows;
  }

  /** 领衔督办: the leaders who may supervise key proposals, by name (key proposals name them on every page). */
  async leaders() {
    return (await this.pool.query<{ id: string; name: string }>(`select id, name from principals where role = 'leader' and active order by id`)).rows;
  }

  async list() {
    const units = await this.units();
    const people = await this.pool.query<{ id: string; name: string; role: string; unit_id: string | null; active: boolean; has_password: boolean; locked: boolean; contact: ContactDetails }>(
      `select id, name, role, unit_id, active, password_hash is not null as has_password, coalesce(locked_until > now(), false) as locked, ${CONTACT} as contact
         from principals order by role, id`,
    );
    return {
      units,
      people: people.rows.map((p) => ({ id: p.id, name: p.name, role: p.role, unitId: p.unit_id, active: p.active, hasPassword: p.has_password, locked: p.locked, contact: p.contact })),
    };
  }

  /** How a person is reached, as they (or the committee) set it. */
  async contact(id: string): Promise<ContactDetails> {
    const { rows } = await this.pool.query<{ contact: ContactDetails }>(`select ${CONTACT} as contact from principals where id = $1`, [id]);
    if (!rows[0]) throw new Problem(404, 'person-not-found', 'No such person', `${id} is not in the directory`);
    return rows[0].contact;
  }

  async putContact(id: string, c: ContactDetails, db: Pool | PoolClient = this.pool): Promise<ContactDetails> {
    const { rowCount } = await db.query('update principals set email = $2, mobile = $3, channels = $4, quiet_hours = $5 where id = $1', [id, c.email, c.mobile, c.channels, c.quietHours && JSON.stringify(c.quietHours)]);
    if (rowCount === 0) throw new Problem(404, 'person-not-found', 'No such person', `${id} is not in the directory`);
    return c;
  }

  async putUnit(id: string, unit: z.infer<typeof UnitSchema>) {
    const { head, responsibilities } = unit;
    // A head or responsibilities left out are kept; null removes them.
    await this.pool.query(
      `insert into units (id, name, kind, head_name, head_email, head_mobile, responsibilities) values ($1, $2, $3, $5, $6, $7, $9)
       on conflict (id) do update set name = excluded.name, kind = excluded.kind,
         head_name = case when $4 then excluded.head_name else units.head_name end,
         head_email = case when $4 then excluded.head_email else units.head_email end,
         head_mobile = case when $4 then excluded.head_mobile else units.head_mobile end,
         responsibilities = case when $8 then excluded.responsibilities else units.responsibilities end`,
      [id, unit.name, unit.kind, head !== undefined, head?.name ?? null, head?.email ?? null, head?.mobile ?? null, responsibilities !== undefined, responsibilities ?? null],
    );
    return { id, ...unit };
  }

  async putPerson(change: Change, id: string, person: z.infer<typeof PersonSchema>) {
    if (person.role === 'officer') {
      const { rowCount } = await this.pool.query('select 1 from units where id = $1', [person.unitId]);
      if (rowCount === 0) throw new Problem(422, 'unknown-unit', 'No such unit', `unit ${person.unitId} is not in the directory`, [{ path: 'unitId', message: 'no such unit' }]);
    }
    const unitId = person.role === 'officer' ? person.unitId : null;
    // The person, their contact details, the audit of a change of state and the sessions it ends: all or nothing.
    await inTransaction(this.pool, async (db) => {
      const { rows } = await db.query<{ was_active: boolean | null }>(
        `with before as (select active from principals where id = $1)
         insert into principals (id, name, role, unit_id, active) values ($1, $2, $3, $4, $5)
         on conflict (id) do update set name = excluded.name, role = excluded.role, unit_id = excluded.unit_id, active = excluded.active
         returning (select active from before) as was_active`,
        [id, person.name, person.role, unitId, person.active],
      );
      const wasActive = rows[0]?.was_active;
      if (wasActive !== null && wasActive !== undefined && wasActive !== person.active) await audit(db, { kind: person.active ? 'reactivated' : 'deactivated', account: id, actor: change.by, address: change.address });
      if (person.contact) await this.putContact(id, person.contact, db);
      if (!person.active) await db.query('delete from console_sessions where principal_id = $1', [id]);
    });
    return { id, name: person.name, role: person.role, unitId, active: person.active };
  }

  async resetPassword(change: Change, id: string, password: string) {
    if (!(await setPassword(this.pool, id, password))) throw new Problem(404, 'person-not-found', 'No such person', `${id} is not in the directory`);
    await audit(this.pool, { kind: 'passwordReset', account: id, actor: change.by, address: change.address });
  }

  async auditTrail(q: z.infer<typeof AuditQuerySchema>) {
    const { rows } = await this.pool.query<{ id: string; at: Date; kind: AuditKind; account: string; actor: string | null; address: string | null; detail: Record<string, unknown> }>(
      `select a.id::text, a.at, a.kind, a.account, a.actor, a.address, a.detail from audit_log a
        where ($1::text is null or account = $1) and ($2::text is null or kind = $2) and ($4::bigint is null or a.id < $4) order by a.id desc limit $3 + 1`,
      [q.account ?? null, q.kind ?? null, q.limit, q.before ?? null],
    );
    return olderPage(rows, q.limit, (r) => ({ ...r, at: r.at.toISOString() }));
  }
}
