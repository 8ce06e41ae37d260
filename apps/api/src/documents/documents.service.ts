/** The issued reply as the official document, for whoever may read the proposal. */
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { replyingUnits } from '../../../../workflows/domain/contracts';
import { PG_POOL } from '../connections';
import { Problem } from '../http/problem';
import type { Principal } from '../auth/principals';
import { ProposalsService } from '../proposals/proposals.service';
import { replyDocument } from './reply-document';
import { replyDocx } from './reply-docx';
import { replyPdf } from './reply-pdf';

export type DocumentFormat = 'docx' | 'pdf';

@Injectable()
export class DocumentsService {
  constructor(
    private readonly proposals: ProposalsService,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  /** The reply of `unit` (one of a separately handled proposal's), or the proposal's one reply. */
  async reply(principal: Principal, proposalId: string, format: DocumentFormat, unit?: string): Promise<{ file: Buffer; title: string }> {
    const { state } = await this.proposals.view(principal, proposalId);
    const units = state.assignment ? replyingUnits(state.assignment) : [];
    const issued = state.tracks[unit ?? units[0] ?? '']?.issued;
    if (!issued) throw new Problem(404, 'no-reply', 'No reply issued', unit ? `unit ${unit} has issued no reply to this proposal` : 'no reply has been issued yet');
    const { rows } = await this.pool.query<{ id: string; name: string }>('select id, name from units where id = any($1)', [issued.copiedTo]);
    const names = new Map(rows.map((r) => [r.id, r.name]));
    const blocks = replyDocument(issued, (id) => names.get(id) ?? id);
    const file = format === 'pdf' ? await replyPdf(blocks) : await replyDocx(blocks);
    return { file, title: issued.draft.titleLine ?? `第${state.intake!.number}号提案的答复` };
  }
}
