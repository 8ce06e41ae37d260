/** The issued reply as the official document, for whoever may read the proposal. */
import { Inject, Injectable } from '@nestjs/common';
import type { Pool } from 'pg';
import { replyingUnits } from '../../../../workflows/domain/roles';
import { PG_POOL } from '../connections';
import { Problem } from '../http/problem';
import type { Principal } from '../auth/principals';
import { ProposalsService } from '../proposals/proposals.service';
import { AlertsService } from '../alerts/alerts.service';
import type { Track } from '../../../../workflows/domain/state';
import { noticeFacts, supervisionNotice } from './supervision-notice';
import { issuingUnits, replyDocument } from './reply-document';
import { resultNotice } from './result-notice';
import { unitNamer } from '../directory/names';
import { documentDocx } from './document-docx';
import { documentPdf } from './document-pdf';

export type DocumentFormat = 'docx' | 'pdf';

@Injectable()
export class DocumentsService {
  constructor(
    private readonly proposals: ProposalsService,
    private readonly alerts: AlertsService,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}

  /** The reply of `unit` (one of a separately handled proposal's), or the proposal's one reply. */
  async reply(principal: Principal, proposalId: string, format: DocumentFormat, unit?: string): Promise<{ file: Buffer; title: string }> {
    const { state } = await this.proposals.view(principal, proposalId);
    const units = state.assignment ? replyingUnits(state.assignment) : [];
    const track = state.tracks[unit ?? units[0] ?? ''];
    if (!track?.issued) throw new Problem(404, 'no-reply', 'No reply issued', unit ? `unit ${unit} has issued no reply to this proposal` : 'no reply has been issued yet');
    return this.replyFile(track, state.intake!.number, format);
  }

  /** 办理结果告知 of a settled commitment of the reply of `unit` (or the proposal's one reply), for whoever may read the proposal. */
  async resultNotice(principal: Principal, proposalId: string, format: DocumentFormat, commitmentNo: number, unit?: string): Promise<{ file: Buffer; title: string }> {
    const { state } = await this.proposals.view(principal, proposalId);
    const unitId = unit ?? (state.assignment ? replyingUnits(state.assignment)[0] : undefined) ?? '';
    const track = state.tracks[unitId];
    const commitment = track?.commitments.find((c) => c.no === commitmentNo);
    if (!track?.issued || commitment?.result === undefined || commitment.settledAt === undefined) {
      throw new Problem(404, 'no-result-notice', 'No result to tell', `commitment ${commitmentNo} of ${unitId || 'the reply'} is not settled with a result`);
    }
    const issuer = track.issued.issuedBy ?? unitId;
    const unitName = await unitNamer(this.pool, [issuer, ...(track.issued.draft.coIssuers ?? [])]);
    const intake = state.intake!;
    const blocks = resultNotice({ number: intake.number, title: intake.title, units: issuingUnits(track.issued, issuer, unitName), reply: track.issued, commitment: { ...commitment, result: commitment.result, settledAt: commitment.settledAt } });
    const file = format === 'pdf' ? await documentPdf(blocks) : await documentDocx(blocks);
    return { file, title: `第${intake.number}号提案第${commitmentNo}项承诺办理结果告知` };
  }

  /** A reply its unit published in full (答复公开), for anyone; any other is answered as one that does not exist. */
  async publishedReply(proposalId: string, unitId: string): Promise<{ file: Buffer; title: string }> {
    const { state } = await this.proposals.record(proposalId);
    const track = state.tracks[unitId];
    if (!track?.issued || track.publication?.decision !== 'full') throw new Problem(404, 'no-reply', 'No such published reply', `no reply of ${unitId} to ${proposalId} is published in full`);
    return this.replyFile(track, state.intake!.number, 'pdf');
  }

  /** A track's issued reply as its document, the issuing and copied units named from the directory. */
  private async replyFile(track: Track, number: number, format: DocumentFormat): Promise<{ file: Buffer; title: string }> {
    const issued = track.issued!;
    const issuer = issued.issuedBy ?? track.unitId;
    const blocks = replyDocument(issued, issuer, await unitNamer(this.pool, [issuer, ...(issued.draft.coIssuers ?? []), ...issued.copiedTo]));
    const file = format === 'pdf' ? await documentPdf(blocks) : await documentDocx(blocks);
    return { file, title: issued.draft.titleLine ?? `第${number}号提案的答复` };
  }

  /** 催办通知书 for an alert that reached a unit's head; for the committee and that unit's officers. */
  async notice(principal: Principal, alertId: string): Promise<{ file: Buffer; title: string }> {
    const alert = /^\d{1,18}$/.test(alertId) ? await this.alerts.get(principal, alertId) : undefined;
    if (!alert?.proposalId || alert.audience !== 'unitHead' || !alert.unitId) {
      throw new Problem(404, 'no-notice', 'No such supervision notice', `alert ${alertId} is not one of yours that reached a unit's head`);
    }
    const { state } = await this.proposals.view(principal, alert.proposalId);
    const intake = state.intake!;
    const unitName = await unitNamer(this.pool, [alert.unitId]);
    const session = intake.session;
    const blocks = supervisionNotice(noticeFacts(alert, { committee: session.committee, sessionName: session.name, number: intake.number, title: intake.title }, unitName(alert.unitId)));
    return { file: await documentPdf(blocks), title: `催办通知书（第${intake.number}号提案）` };
  }
}
