/** Files a session's proposals from a spreadsheet: every row checked before anything is filed. */
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { z } from 'zod';
import { requireRole } from '../auth/auth.guard';
import type { Principal } from '../auth/principals';
import { API_CONFIG, type ApiConfig } from '../config';
import { PG_POOL } from '../connections';
import { untilProjected } from '../read-model/read-your-writes';
import type { SessionImportResultSchema, SessionImportSchema } from '../contracts';
import { ProposalsService } from '../proposals/proposals.service';
import { intakesFromRows, type ProposerIdsByName } from './intake-rows';
import { readUpload, rowFaults } from './spreadsheet';
import { fingerprintOf } from '../../../common/fingerprints';
import { withUnitNames } from '../../../common/search-words';
import { nearCopyPairs } from '../../../common/similarity';

type SessionImport = z.infer<typeof SessionImportSchema>;
type SessionImportResult = z.infer<typeof SessionImportResultSchema>;

@Injectable()
export class SessionImportService {
  constructor(
    private readonly proposals: ProposalsService,
    @Inject(PG_POOL) private readonly pool: Pool,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  async import(principal: Principal, request: SessionImport): Promise<SessionImportResult> {
    requireRole(principal, ['committee']);
    const rows = await readUpload(request.format, request.file);
    const { intakes, errors } = intakesFromRows(rows, request.session, await this.proposersByName());
    if (errors.length > 0 && !request.fileGoodRows) throw rowFaults('import-has-faults', errors, 'correct them, or send fileGoodRows: true');
    const filed: SessionImportResult['filed'] = [];
    for (const { row, intake } of intakes) {
      // One key per session and number: a retried or resumed import files nothing twice.
      // Near copies are reported within the file, below, not asked of the store one by one.
      const { proposalId } = await this.proposals.file(principal, intake, `import-${intake.session.id}-${intake.number}`, undefined, { nearCopies: false });
      filed.push({ row, number: intake.number, proposalId });
    }
    // The importer's next look at the list shows every proposal filed (read-your-writes).
    await untilProjected(this.pool, filed.map((f) => ({ proposalId: f.proposalId, version: 1 })), this.config.TEMPORAL_TIMEOUT_MS);
    return { filed, refused: errors, nearDuplicates: await this.nearDuplicates(intakes) };
  }

  private async nearDuplicates(intakes: ReturnType<typeof intakesFromRows>['intakes']): Promise<SessionImportResult['nearDuplicates']> {
    await withUnitNames(this.pool);
    const prints = intakes.map(({ intake }) => {
      const own = fingerprintOf(`${intake.session.id}-${intake.number}`, intake);
      return { words: own.words, simHash: BigInt(own.sim_hash) };
    });
    return nearCopyPairs(prints).map(([earlier, later]) => ({
      row: intakes[later]!.row,
      number: intakes[later]!.intake.number,
      sameAs: { row: intakes[earlier]!.row, number: intakes[earlier]!.intake.number },
    }));
  }

  private async proposersByName(): Promise<ProposerIdsByName> {
    const { rows } = await this.pool.query<{ id: string; name: string }>(`select id, name from principals where role = 'proposer'`);
    const byName: ProposerIdsByName = new Map();
    for (const r of rows) byName.set(r.name, [...(byName.get(r.name) ?? []), r.id]);
    return byName;
  }
}
