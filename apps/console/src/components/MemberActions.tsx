/** What a member does on their own proposal page: withdraw it (撤案), as the rules allow it now. */
import { useT } from '../i18n';
import { type Offer, TextAction } from './ActionForm';

export default function MemberActions({ proposalId, offers, assigned, onDone }: { proposalId: string; offers: Offer[]; assigned: boolean; onDone: () => void }) {
  const t = useT();
  if (!offers.some((o) => o.action === 'withdraw')) return null;
  return (
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
  );
}
