/** What a member does on their own proposal page, as the rules allow it now: withdraw it (撤案), or object to 不立案. */
import { useT } from '../i18n';
import { type Offer, TextAction } from './ActionForm';

export default function MemberActions({ proposalId, offers, assigned, onDone }: { proposalId: string; offers: Offer[]; assigned: boolean; onDone: () => void }) {
  const t = useT();
  const objection = offers.find((o) => o.action === 'objectToReview');
  return (
    <>
      {offers.some((o) => o.action === 'withdraw') && (
        <TextAction
          proposalId={proposalId}
          onDone={onDone}
          title={t('撤案', 'Withdraw the proposal')}
          hint={assigned ? t('提案已交办，撤案须经提案委员会同意', 'The proposal is assigned: the committee must consent') : undefined}
          path="/proposals/{id}/withdrawal"
          submitLabel={assigned ? t('申请撤案', 'Ask to withdraw') : t('撤回提案', 'Withdraw')}
          field="reason"
          label={t('撤案理由', 'Why')}
          missing={t('请说明撤案理由', 'Say why')}
          rows={2}
        />
      )}
      {objection && (
        <TextAction
          proposalId={proposalId}
          onDone={onDone}
          title={t('对不予立案提出异议', 'Object to 不立案')}
          hint={t(`请于 ${objection.until} 前提出，提案委员会将重新审查`, `By ${objection.until}; the committee reviews the proposal again`)}
          path="/proposals/{id}/review-objections"
          submitLabel={t('提出异议', 'Object')}
          field="reason"
          label={t('异议理由', 'Why')}
          missing={t('请说明异议理由', 'Say why')}
          rows={3}
        />
      )}
    </>
  );
}
