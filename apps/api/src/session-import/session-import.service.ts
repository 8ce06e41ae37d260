/** Files a session's proposals from a spreadsheet: every row checked before anything is filed. */
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import type { z } from 'zod';
import { requireRole } from '../auth/auth.guard';
import type { Principal } from '../auth/principals';
import { PG_POOL } from '../connections';
import type { SessionImportResultSchema, SessionImportSchema } from '../contracts';
import { Problem } from '../http/problem';
import { ProposalsService } from '../proposals/proposals.service';
import { intakesFromRows, type ProposerIdsByName } from './intake-rows';
import { UnreadableFile, readRows } from './spreadsheet';

type SessionImport = z.infer<typeof SessionImportSchema>;
type SessionImportResult = z.infer<typeof SessionImportResultSchema>;

@Injectable()
export class SessionImportService {
  constructor(
    private readonly proposals: ProposalsService,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  async import(principal: Principal, request: SessionImport): Promise<SessionImportResult> {
    requireRole(principal, ['committee']);
    const rows = await readRows(request.format, Buffer.from(request.file, 'base64')).catch((err: unknown) => {
      if (err instanceof UnreadableFile) throw new Problem(422, 'unreadable-file', 'The file cannot be read', err.message, [{ path: 'file', message: err.message }]);
      throw err;
    });
    const { intakes, errors } = intakesFromRows(rows, request.session, await this.proposersByName());
    if (errors.length > 0 && !request.fileGoodRows) {
      const listed = errors.map((e) => ({ path: `row ${e.row}, ${e.column}`, message: e.reason }));
      throw new Problem(422, 'import-has-faults', 'Rows of the file are not valid; nothing was filed', `${errors.length} faults in ${new Set(errors.map((e) => e.row)).size} rows; correct them, or send fileGoodRows: true`, listed);
    }
    const filed: SessionImportResult['filed'] = [];
    for (const { row, intake } of intakes) {
      // One key per session and number: a retried or resumed import files nothing twice.
      const { proposalId } = await this.proposals.file(principal, intake, `import-${intake.session.id}-${intake.number}`);
      filed.push({ row, number: intake.number, proposalId });
    }
    return { filed, refused: errors };
  }

  private async proposersByName(): Promise<ProposerIdsByName> {
    const { rows } = await this.pool.query<{ id: string; name: string }>(`select id, name from principals where role = 'proposer'`);
    const byName: ProposerIdsByName = new Map();
    for (const r of rows) byName.set(r.name, [...(byName.get(r.name) ?? []), r.id]);
    return byName;
  }
}
