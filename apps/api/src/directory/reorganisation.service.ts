/**
 * 机构改革: the committee records that a unit was merged into, or renamed as, another; every running
 * proposal the unit handles is told, and its workflow passes the unit's open work to the successor
 * (domain/lifecycle.ts `succeedUnit`). Recording the same succession again tells them again, which
 * changes nothing where it was done.
 */
import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { Pool } from 'pg';
import type { z } from 'zod';
import { localDate } from '../../../../workflows/domain/calendar';
import { defaultPolicy } from '../../../../seeds/policy';
import { unitSuccessionSignal } from '../../../../workflows/messages';
import { type Principal, actorOf } from '../auth/principals';
import { PG_POOL, TEMPORAL } from '../connections';
import type { SuccessionBodySchema } from '../contracts';
import { type FieldError, Problem } from '../http/problem';
import { inTransaction } from '../../../common/database';

type Succession = z.infer<typeof SuccessionBodySchema>;

@Injectable()
export class ReorganisationService {
  constructor(
    @Inject(TEMPORAL) private readonly temporal: Client,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  async succeed(p: Principal, unitId: string, s: Succession) {
    await this.record(p, unitId, s);
    const { rows } = await this.pool.query<{ id: string; both: boolean }>(
      `select id, unit_ids @> array[$2::text] as both from proposals where status = 'handling' and unit_ids @> array[$1::text] and not (summary->'formerUnits' ? $1::text) order by id`,
      [unitId, s.successorId],
    );
    let told = 0;
    for (const { id } of rows.filter((r) => !r.both)) {
      // A proposal that has finished since the list was read has no open work to pass.
      const sent = await this.temporal.workflow
        .getHandle(id)
        .signal(unitSuccessionSignal, { from: unitId, to: s.successorId, kind: s.kind, effectiveOn: s.effectiveOn, reason: s.reason, by: actorOf(p) })
        .then(() => true, () => false);
      if (sent) told++;
    }
    return { unitId, ...s, runningProposalsTold: told, leftToTheCommittee: rows.filter((r) => r.both).map((r) => r.id) };
  }

  /** Once per unit: the same succession again is accepted, another successor is a conflict. */
  private async record(p: Principal, unitId: string, s: Succession) {
    const errors: FieldError[] = [];
    const { rows: units } = await this.pool.query<{ id: string; succeeded: boolean }>(
      'select u.id, s.unit_id is not null as succeeded from units u left join unit_successions s on s.unit_id = u.id where u.id = any($1)',
      [[unitId, s.successorId]],
    );
    const known = new Map(units.map((u) => [u.id, u.succeeded]));
    if (!known.has(unitId)) throw new Problem(404, 'unknown-unit', 'No such unit', `unit ${unitId} is not in the directory`);
    if (s.successorId === unitId) errors.push({ path: 'successorId', message: 'a unit does not succeed itself' });
    else if (!known.has(s.successorId)) errors.push({ path: 'successorId', message: 'no such unit in the directory' });
    else if (known.get(s.successorId)) errors.push({ path: 'successorId', message: 'was itself merged or renamed: name the unit that continues' });
    // Recorded once it has taken effect: the open work passes now.
    if (s.effectiveOn > localDate(new Date().toISOString(), defaultPolicy().calendar)) errors.push({ path: 'effectiveOn', message: 'must be today or earlier: record it once it has taken effect' });
    if (errors.length > 0) throw new Problem(422, 'invalid-succession', 'The succession cannot be recorded', errors.map((e) => `${e.path}: ${e.message}`).join('; '), errors);
    await inTransaction(this.pool, async (client) => {
      await client.query('select pg_advisory_xact_lock(hashtext($1))', [`succession:${unitId}`]);
      const { rows } = await client.query<{ successor_id: string }>('select successor_id from unit_successions where unit_id = $1', [unitId]);
      if (rows[0] && rows[0].successor_id !== s.successorId) throw new Problem(409, 'already-succeeded', 'The unit has a successor already', `${unitId} was succeeded by ${rows[0].successor_id}`);
      if (!rows[0]) {
        await client.query('insert into unit_successions (unit_id, successor_id, kind, effective_on, reason, recorded_by) values ($1, $2, $3, $4, $5, $6)', [unitId, s.successorId, s.kind, s.effectiveOn, s.reason, p.id]);
      }
    });
  }
}
