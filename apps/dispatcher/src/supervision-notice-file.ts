/** 催办通知书 as the PDF a unit's head receives by email, made from the read model as the console makes it from the proposal. */
import type { Pool } from 'pg';
import { documentPdf } from '../../api/src/documents/document-pdf';
import { noticeFacts, supervisionNotice } from '../../api/src/documents/supervision-notice';

export async function supervisionNoticeFile(pool: Pool, alertId: string): Promise<{ filename: string; file: Buffer }> {
  const { rows } = await pool.query<{ id: string; duty_kind: string; commitment_no: number | null; due_date: string; raised_at: Date; number: number; title: string; session: { committee: string; name: string }; unit_name: string }>(
    `select o.id, o.duty_kind, o.commitment_no, o.due_date::text as due_date, o.raised_at, p.number, p.title, e.payload->'intake'->'session' as session, u.name as unit_name
       from alert_outbox o join proposals p on p.id = o.proposal_id join units u on u.id = o.unit_id
       join proposal_events e on e.proposal_id = o.proposal_id and e.type = 'ProposalFiled'
      where o.id = $1::bigint`,
    [alertId],
  );
  const a = rows[0];
  if (!a) throw new Error(`alert ${alertId} has no proposal or unit to write a supervision notice for`);
  const facts = noticeFacts({ id: a.id, dutyKind: a.duty_kind, commitmentNo: a.commitment_no, dueDate: a.due_date, raisedAt: a.raised_at }, { committee: a.session.committee, sessionName: a.session.name, number: a.number, title: a.title }, a.unit_name);
  return { filename: `催办通知书（第${a.number}号提案）.pdf`, file: await documentPdf(supervisionNotice(facts)) };
}
