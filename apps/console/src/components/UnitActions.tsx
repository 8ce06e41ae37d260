/**
 * What a bureau officer does on a proposal, offered by what the unit owes now: its opinion, a
 * contact with the proposers, countersigning or asking for changes, submitting and issuing the
 * reply, follow-up reports on commitments (or why one cannot be kept), the annual summary.
 */
import { Card, Checkbox, DatePicker, Form, Input, Radio, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useT } from '../i18n';
import { ActionForm, CommitmentField, TextAction, required } from './ActionForm';
import { ReplyEditor } from './ReplyEditor';

export interface UnitView {
  proposalId: string;
  unitId: string;
  /** The kinds of the unit's open duties (coHandlerOpinion, countersign, contactBeforeHandling, followUpReport…). */
  owes: string[];
  /** The stage of the unit's own reply, when it writes one. */
  trackStage?: string;
  commitments: { no: number; title: string; status: string }[];
  /** The reply's header as the proposal gives it (title line, salutation), for a new draft. */
  replyDefaults: { titleLine: string; salutation: string };
  onDone: () => void;
}

export default function UnitActions({ proposalId, owes, trackStage, commitments, replyDefaults, onDone }: UnitView) {
  const t = useT();
  const common = { proposalId, onDone };
  const cards = [];
  if (owes.includes('reassignmentWindow')) {
    cards.push(
      <TextAction key="reassignment" {...common} title={t('交办异议', 'Ask to be reassigned')} path="/proposals/{id}/reassignment-requests" submitLabel={t('提出异议', 'Ask')} field="reason" label={t('理由', 'Reason')} missing={t('请说明理由', 'Give the reason')} rows={2} />,
    );
  }
  if (owes.includes('coHandlerOpinion')) {
    cards.push(
      <TextAction key="opinion" {...common} title={t('会办意见', 'Opinion')} path="/proposals/{id}/opinions" submitLabel={t('报送会办意见', 'Send the opinion')} field="text" label={t('意见', 'Opinion')} missing={t('请填写意见', 'Write the opinion')} rows={4} />,
    );
  }
  if (owes.includes('contactBeforeHandling') || trackStage === 'drafting') {
    cards.push(
      <Card key="contact" size="small" title={t('与提案人沟通', 'Contact with the proposers')}>
        <ActionForm<{ form: string; phase: string; occurredAt: Dayjs; participants: string[]; summary: string }>
          {...common}
          path="/proposals/{id}/contacts"
          submitLabel={t('记录沟通', 'Record the contact')}
          initialValues={{ form: 'faceToFace', phase: owes.includes('contactBeforeHandling') ? 'beforeHandling' : 'duringHandling' }}
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
      </Card>,
    );
  }
  if (trackStage === 'drafting') cards.push(<ReplyEditor key="draft" proposalId={proposalId} defaults={replyDefaults} onDone={onDone} />);
  if (owes.includes('countersign')) {
    cards.push(
      <Card key="countersign" size="small" title={t('会签', 'Countersign')}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <ActionForm<object> {...common} path="/proposals/{id}/countersign" submitLabel={t('同意会签', 'Countersign')} toBody={() => ({})}>
            {null}
          </ActionForm>
          <ActionForm<{ comments: string }> {...common} path="/proposals/{id}/change-requests" submitLabel={t('退回修改', 'Ask for changes')} toBody={(v) => v}>
            <Form.Item name="comments" label={t('修改意见', 'What to change')} rules={required(t('请说明修改意见', 'Say what to change'))}>
              <Input.TextArea rows={3} />
            </Form.Item>
          </ActionForm>
        </Space>
      </Card>,
    );
  }
  if (trackStage === 'drafted') {
    cards.push(
      <Card key="submit" size="small" title={t('送审', 'Submit for review')}>
        <ActionForm<object> {...common} path="/proposals/{id}/reply-submission" submitLabel={t('提交答复送审', 'Submit the reply for review')} toBody={() => ({})}>
          {null}
        </ActionForm>
      </Card>,
    );
  }
  if (trackStage === 'approved') {
    cards.push(
      <Card key="issue" size="small" title={t('签发答复', 'Issue the reply')}>
        <ActionForm<{ name: string; title: string; level: string }> {...common} path="/proposals/{id}/reply" submitLabel={t('签发', 'Issue')} initialValues={{ level: 'head' }} toBody={(v) => ({ signer: v })}>
          <Form.Item name="name" label={t('签发人', 'Signer')} rules={required(t('请填写签发人', 'Name the signer'))}>
            <Input />
          </Form.Item>
          <Form.Item name="title" label={t('职务', 'Title')} rules={required(t('请填写职务', 'Give the title'))}>
            <Input />
          </Form.Item>
          <Form.Item name="level" label={t('层级', 'Level')}>
            <Radio.Group options={[{ value: 'head', label: t('主要负责人', 'Head') }, { value: 'deputy', label: t('分管负责人', 'Deputy') }]} />
          </Form.Item>
        </ActionForm>
      </Card>,
    );
  }
  const open = commitments.filter((c) => c.status === 'open');
  if (open.length > 0 && (owes.includes('followUpReport') || trackStage === 'followUp')) {
    cards.push(
      <Card key="follow-up" size="small" title={t('承诺事项跟踪办理', 'Follow-up of commitments')}>
        <ActionForm<{ commitmentNo: number; progress: string; done?: boolean }> {...common} path="/proposals/{id}/follow-up-reports" submitLabel={t('报送办理情况', 'Report')} toBody={(v) => ({ commitmentNo: v.commitmentNo, progress: v.progress, done: Boolean(v.done) })}>
          <CommitmentField commitments={open} />
          <Form.Item name="progress" label={t('办理情况', 'Progress')} rules={required(t('请填写办理情况', 'Write the progress'))}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item name="done" valuePropName="checked">
            <Checkbox>{t('已办结', 'Delivered')}</Checkbox>
          </Form.Item>
        </ActionForm>
      </Card>,
      <Card key="undeliverable" size="small" title={t('承诺事项无法兑现', 'A commitment that cannot be kept')}>
        <ActionForm<{ commitmentNo: number; reason: string }> {...common} path="/proposals/{id}/undeliverable-declarations" submitLabel={t('提请认定', 'Ask the committee')} toBody={(v) => v}>
          <CommitmentField commitments={open} />
          <Form.Item name="reason" label={t('无法兑现的原因', 'Why')} rules={required(t('请说明原因', 'Say why'))}>
            <Input.TextArea rows={3} />
          </Form.Item>
        </ActionForm>
      </Card>,
    );
  }
  if (owes.includes('annualSummary')) {
    cards.push(
      <TextAction key="annual" {...common} title={t('承诺事项年度办理情况总结', 'Annual summary of the commitments')} path="/proposals/{id}/annual-summaries" submitLabel={t('报送年度总结', 'Send the summary')} field="text" label={t('总结', 'Summary')} missing={t('请填写总结', 'Write the summary')} rows={5} />,
    );
  }
  return <>{cards}</>;
}
