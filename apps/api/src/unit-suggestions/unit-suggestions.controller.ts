import { Controller, Get, Inject, Param } from '@nestjs/common';
import type { Pool } from 'pg';
import { suggestUnits } from '../../../common/unit-suggestions';
import { Roles } from '../auth/auth.guard';
import { PG_POOL } from '../connections';
import { Problem } from '../http/problem';

/** 智能交办 for the committee at the assignment: suggestions with their reasons, never an assignment. */
@Controller('proposals')
@Roles('committee')
export class UnitSuggestionsController {
  constructor(@Inject(PG_POOL) private readonly pool: Pool) {}

  @Get(':id/unit-suggestions')
  async suggest(@Param('id') id: string) {
    const suggested = await suggestUnits(this.pool, id);
    if (!suggested) throw new Problem(404, 'proposal-not-found', 'No such proposal', `${id} is not in the read model (yet)`);
    return { proposalId: id, ...suggested };
  }
}
