/**
 * What a bureau officer does on a proposal, one form for each action the rules offer the unit now: its opinion, a
 * contact with the proposers, countersigning or asking for changes, submitting and issuing the
 * reply, follow-up reports on commitments (or why one cannot be kept), the annual summary.
 */
import { Card, Checkbox, DatePicker, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useT } from '../i18n';
import { useUnitName } from '../units';
import { ActionForm, CommitmentField, type Offer, TextAction, required } from './ActionForm';
import { ReplyEditor } from './ReplyEditor';

export interface UnitView {
  proposalId: string;
  /** What the rules let this unit do now, with each form's choices. */
  offers: Offer[];
  /** Whether the unit still owes its first contact (办前面商): the contact form then starts there. */
  owesFirstContact: boolean;
  /** The reply's title line, for a new draft. */
  titleLine: string;
  onDone: () => void;
}

interface Signer {
  name: string;
  title: string;
  level: string;
}

/** Who signs, in the levels the rules accept for this reply. */
function SignerFields({ levels }: { levels: string[] }) {
  const t = useT();
  return (
    <>
      <Form.Item name="name" label={t('签发人', 'Signer')} rules={required(t('请填写签发人', 'Name the signer'))}>
        <Input />
      </Form.Item>
      <Form.Item name="title" label={t('职务', 'Title')} rules={required(t('请填写职务', 'Give the title'))}>
        <Input />
      </Form.Item>
      <Form.Item name="level" label={t('层级', 'Level')}>
        <Radio.Group options={levels.map((l) => ({ value: l, label: l === 'head' ? t('主要负责人', 'Head') : t('分管负责人', 'Deputy') }))} />
      </Form.Item>
    </>
  );
}

export default function UnitActions({ proposalId, offers, owesFirstContact, titleLine, onDone }: UnitView) {
  const t = useT();
  const unitName = useUnitName();
  const common = { proposalId, onDone };
  const offered = (action: Offer['action']) => offers.find((o) => o.action === action);
  const card = (offer: Offer) => {
    const unit = offer.unitId ? { unitId: offer.unitId } : {};
    const of = offer.unitId && offers.filter((o) => o.action === offer.action).length > 1 ? `：${unitName(offer.unitId)}` : '';
    const key = `${offer.action}-${offer.unitId ?? ''}`;
    switch (offer.action) {
      case 'requestReassignment':
        return <TextAction key={key} {...common} title={t('交办异议', 'Ask to be reassigned')} hint={t(`请在 ${offer.until} 前提出`, `Ask by ${offer.until}`)} path="/proposals/{id}/reassignment-requests" submitLabel={t('提出异议', 'Ask')} field="reason" label={t('理由', 'Reason')} missing={t('请说明理由', 'Give the reason')} rows={2} />;
      case 'requestExtension':
        return (
          <Card key={key} size="small" title={t('申请延长答复期限', 'Ask for more time to reply')}>
            <ActionForm<{ months: number; reason: string }> {...common} path="/proposals/{id}/extension-requests" submitLabel={t('提出申请', 'Ask')} initialValues={{ months: 1 }} toBody={(v) => v}>
              <Typography.Paragraph>{t(`答复期限为 ${offer.until}，须在此前申请`, `The reply is due by ${offer.until}; ask before then`)}</Typography.Paragraph>
              <Form.Item name="months" label={t(`延长月数（至多 ${offer.maxMonths} 个月）`, `Months (at most ${offer.maxMonths})`)} rules={[{ required: true, message: t('请填写月数', 'Give the months') }]}>
                <InputNumber min={1} max={offer.maxMonths} />
              </Form.Item>
              <Form.Item name="reason" label={t('延期理由', 'Why')} rules={required(t('请说明理由', 'Give the reason'))}>
                <Input.TextArea rows={2} />
              </Form.Item>
            </ActionForm>
          </Card>
        );
      case 'decidePublication':
        return (
          <Card key={key} size="small" title={t('答复公开', 'Publishing the reply')}>
            <ActionForm<{ decision: string; summary?: string; reason?: string }>
              {...common}
              path="/proposals/{id}/publication"
              submitLabel={t('确定', 'Decide')}
              initialValues={{ decision: 'full' }}
              toBody={(v) => ({ publication: v.decision === 'full' ? { decision: 'full' } : v.decision === 'summary' ? { decision: 'summary', summary: v.summary } : { decision: 'withheld', reason: v.reason } })}
            >
              <Form.Item name="decision" label={t('公开方式', 'Publication')}>
                <Radio.Group options={[{ value: 'full', label: t('全文公开', 'In full') }, { value: 'summary', label: t('摘要公开', 'As a summary') }, { value: 'withheld', label: t('不予公开', 'Not published') }]} />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {({ getFieldValue }) =>
                  getFieldValue('decision') === 'summary' ? (
                    <Form.Item name="summary" label={t('公开摘要', 'Summary')} rules={required(t('请填写摘要', 'Write the summary'))}>
                      <Input.TextArea rows={3} />
                    </Form.Item>
                  ) : getFieldValue('decision') === 'withheld' ? (
                    <Form.Item name="reason" label={t('不予公开的理由', 'Why not')} rules={required(t('请说明理由（涉及国家秘密、商业秘密或个人隐私）', 'Say why (state or commercial secrets, privacy)'))}>
                      <Input.TextArea rows={2} />
                    </Form.Item>
                  ) : null
                }
              </Form.Item>
            </ActionForm>
          </Card>
        );
      case 'submitHandlingPlan':
        return <TextAction key={key} {...common} title={t('重点提案办理方案', 'Handling plan of the key proposal')} path="/proposals/{id}/handling-plans" submitLabel={t('报送办理方案', 'Send the plan')} field="text" label={t('办理方案', 'Plan')} missing={t('请填写办理方案', 'Write the plan')} rows={5} />;
      case 'submitOpinion':
        return <TextAction key={key} {...common} title={t('会办意见', 'Opinion')} path="/proposals/{id}/opinions" submitLabel={t('报送会办意见', 'Send the opinion')} field="text" label={t('意见', 'Opinion')} missing={t('请填写意见', 'Write the opinion')} rows={4} />;
      case 'recordContact':
        return (
          <Card key={key} size="small" title={t('与提案人沟通', 'Contact with the proposers')}>
            <ActionForm<{ form: string; phase: string; occurredAt: Dayjs; participants: string[]; summary: string }>
              {...common}
              path="/proposals/{id}/contacts"
              submitLabel={t('记录沟通', 'Record the contact')}
              initialValues={{ form: 'faceToFace', phase: owesFirstContact ? 'beforeHandling' : 'duringHandling' }}
              toBody={(v) => ({ contact: { form: v.form, phase: v.phase, occurredAt: v.occurredAt.toISOString(), participants: v.participants, summary: v.summary } })}
            >
              <Form.Item name="form" label={t('方式', 'Form')}>
                <Radio.Group options={[{ value: 'faceToFace', label: t('当面', 'Face to face') }, { value: 'phone', label: t('电话', 'Phone') }, { value: 'written', label: t('书面', 'Written') }, { value: 'siteVisit', label: t('实地走访', 'Site visit') }]} />
              </Form.Item>
              <Form.Item name="phase" label={t('阶段', 'Phase')}>
                <Radio.Group options={[{ value: 'beforeHandling', label: t('办前面商', 'Before') }, { value: 'duringHandling', label: t('办中沟通', 'During') }, { value: 'afterReply', label: t('办后回访', 'After') }]} />
              </Form.Item>
              <Form.Item name="occurredAt" label={t('时间', 'When')} rules={[{ required: true, message: t('请选择时间', 'Pick the time') }]}>
                <DatePicker showTime />
              </Form.Item>
              <Form.Item name="participants" label={t('参加人员', 'Participants')} rules={[{ required: true, message: t('请填写参加人员', 'Name the participants') }]}>
                <Select mode="tags" open={false} />
              </Form.Item>
              <Form.Item name="summary" label={t('沟通情况', 'Summary')} rules={required(t('请填写沟通情况', 'Write a summary'))}>
                <Input.TextArea rows={3} />
              </Form.Item>
            </ActionForm>
          </Card>
        );
      case 'draftReply':
        return <ReplyEditor key={key} proposalId={proposalId} classes={offer.classes ?? []} coIssuers={offer.coIssuers ?? []} defaults={{ titleLine, salutation: `尊敬的${(offer.recipients ?? []).join('、')}委员：` }} onDone={onDone} />;
      case 'countersign':
        return (
          <Card key={key} size="small" title={t('会签', 'Countersign')}>
            <Space direction="vertical" style={{ width: '100%' }}>
              {offer.signerLevels ? (
                // 联合答复: the draft names this unit a co-issuer, so its signer signs as it countersigns.
                <ActionForm<Signer> {...common} path="/proposals/{id}/countersign" submitLabel={t('会签并签发', 'Countersign and sign')} initialValues={{ level: offer.signerLevels[0] }} toBody={(signer) => ({ signer })}>
                  <Typography.Paragraph>{t('本单位为联合答复单位，会签时由负责人签发', 'Your unit issues the reply jointly: its head signs as it countersigns')}</Typography.Paragraph>
                  <SignerFields levels={offer.signerLevels} />
                </ActionForm>
              ) : (
                <ActionForm<object> {...common} path="/proposals/{id}/countersign" submitLabel={t('同意会签', 'Countersign')} toBody={() => ({})}>
                  {null}
                </ActionForm>
              )}
              {offered('requestChanges') && (
                <ActionForm<{ comments: string }> {...common} path="/proposals/{id}/change-requests" submitLabel={t('退回修改', 'Ask for changes')} toBody={(v) => v}>
                  <Form.Item name="comments" label={t('修改意见', 'What to change')} rules={required(t('请说明修改意见', 'Say what to change'))}>
                    <Input.TextArea rows={3} />
                  </Form.Item>
                </ActionForm>
              )}
            </Space>
          </Card>
        );
      case 'submitReply':
        return (
          <Card key={key} size="small" title={t('送审', 'Submit for review')}>
            <ActionForm<object> {...common} path="/proposals/{id}/reply-submission" submitLabel={t('提交答复送审', 'Submit the reply for review')} toBody={() => ({})}>
              {null}
            </ActionForm>
          </Card>
        );
      case 'issueReply':
        return (
          <Card key={key} size="small" title={t('签发答复', 'Issue the reply')}>
            <ActionForm<Signer> {...common} path="/proposals/{id}/reply" submitLabel={t('签发', 'Issue')} initialValues={{ level: offer.signerLevels?.[0] }} toBody={(signer) => ({ signer })}>
              <SignerFields levels={offer.signerLevels ?? []} />
            </ActionForm>
          </Card>
        );
      case 'reportFollowUp':
        return (
          <Card key={key} size="small" title={`${t('承诺事项跟踪办理', 'Follow-up of commitments')}${of}`}>
            <ActionForm<{ commitmentNo: number; progress: string; done?: boolean }> {...common} path="/proposals/{id}/follow-up-reports" submitLabel={t('报送办理情况', 'Report')} toBody={(v) => ({ ...unit, commitmentNo: v.commitmentNo, progress: v.progress, done: Boolean(v.done) })}>
              <CommitmentField commitments={offer.commitments ?? []} />
              <Form.Item name="progress" label={t('办理情况', 'Progress')} rules={required(t('请填写办理情况', 'Write the progress'))}>
                <Input.TextArea rows={3} />
              </Form.Item>
              <Form.Item name="done" valuePropName="checked">
                <Checkbox>{t('已办结', 'Delivered')}</Checkbox>
              </Form.Item>
            </ActionForm>
          </Card>
        );
      case 'declareUndeliverable':
        return (
          <Card key={key} size="small" title={`${t('承诺事项无法兑现', 'A commitment that cannot be kept')}${of}`}>
            <ActionForm<{ commitmentNo: number; reason: string }> {...common} path="/proposals/{id}/undeliverable-declarations" submitLabel={t('提请认定', 'Ask the committee')} toBody={(v) => ({ ...unit, ...v })}>
              <CommitmentField commitments={offer.commitments ?? []} />
              <Form.Item name="reason" label={t('无法兑现的原因', 'Why')} rules={required(t('请说明原因', 'Say why'))}>
                <Input.TextArea rows={3} />
              </Form.Item>
            </ActionForm>
          </Card>
        );
      case 'submitAnnualSummary':
        return <TextAction key={key} {...common} title={t(`${offer.year}年承诺事项办理情况总结`, `Annual summary of the commitments, ${offer.year}`)} path="/proposals/{id}/annual-summaries" submitLabel={t('报送年度总结', 'Send the summary')} field="text" label={t('总结', 'Summary')} missing={t('请填写总结', 'Write the summary')} rows={5} />;
      default:
        return null;
    }
  };
  return <>{offers.map(card)}</>;
}
