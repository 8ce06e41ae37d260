/** What a member does on a proposal page, as the rules allow it now: confirm co-signing (联名), withdraw it (撤案), or object to 不立案. */
import { Card, Form, Radio, Typography } from 'antd';
import { useT } from '../i18n';
import { ActionForm, type Offer, TextAction } from './ActionForm';

export default function MemberActions({ proposalId, offers, assigned, onDone }: { proposalId: string; offers: Offer[]; assigned: boolean; onDone: () => void }) {
  const t = useT();
  const objection = offers.find((o) => o.action === 'objectToReview');
  return (
    <>
      {offers.some((o) => o.action === 'answerCosigning') && (
        <Card size="small" title={t('联名确认', 'Co-signing')}>
          <Typography.Paragraph>{t('领衔人邀请您联名提出本提案；确认后您将作为提案人收到答复并参与评价，不同意则不列为提案人。', 'The lead signer asks you to co-sign: once you confirm you are a proposer, who receives the reply and rates it; if you decline you are left out.')}</Typography.Paragraph>
          <ActionForm<{ decision: 'confirm' | 'decline' }> proposalId={proposalId} onDone={onDone} path="/proposals/{id}/cosigning" submitLabel={t('提交', 'Answer')} initialValues={{ decision: 'confirm' }} toBody={(v) => v}>
            <Form.Item name="decision" label={t('是否联名', 'Co-sign')}>
              <Radio.Group options={[{ value: 'confirm', label: t('确认联名', 'Confirm') }, { value: 'decline', label: t('不同意联名', 'Decline') }]} />
            </Form.Item>
          </ActionForm>
        </Card>
      )}
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
