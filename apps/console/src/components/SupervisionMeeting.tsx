/** 督办: a supervision meeting or visit on a key proposal, recorded by its supervising leader or the committee. */
import { Card, DatePicker, Form, Input, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useT } from '../i18n';
import { ActionForm, required } from './ActionForm';

export function SupervisionMeetingCard({ proposalId, onDone }: { proposalId: string; onDone: () => void }) {
  const t = useT();
  return (
    <Card size="small" title={t('督办记录', 'Supervision meeting')}>
      <ActionForm<{ occurredAt: Dayjs; form: string; participants: string[]; conclusions: string }>
        proposalId={proposalId}
        onDone={onDone}
        path="/proposals/{id}/supervision-meetings"
        submitLabel={t('记录督办', 'Record it')}
        initialValues={{ form: 'meeting' }}
        toBody={(v) => ({ occurredAt: v.occurredAt.toISOString(), form: v.form, participants: v.participants, conclusions: v.conclusions })}
      >
        <Form.Item name="form" label={t('方式', 'Form')}>
          <Radio.Group options={[{ value: 'meeting', label: t('督办协商会', 'Meeting') }, { value: 'siteVisit', label: t('实地视察', 'Site visit') }, { value: 'consultation', label: t('座谈', 'Talk') }]} />
        </Form.Item>
        <Form.Item name="occurredAt" label={t('督办时间', 'When')} rules={[{ required: true, message: t('请选择时间', 'Pick the time') }]}>
          <DatePicker showTime />
        </Form.Item>
        <Form.Item name="participants" label={t('参加人员', 'Participants')} rules={[{ required: true, message: t('请填写参加人员', 'Name the participants') }]}>
          <Select mode="tags" open={false} />
        </Form.Item>
        <Form.Item name="conclusions" label={t('督办意见', 'Conclusions')} rules={required(t('请填写督办意见', 'Write the conclusions'))}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </ActionForm>
    </Card>
  );
}
