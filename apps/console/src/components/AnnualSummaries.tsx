/**
 * 办理工作总结 in the console: the unit's officer sends each summary its unit owes; the committee
 * asks a year's units and sees who has sent theirs. Who may send is the API's to say: a refusal is
 * shown in words and the form keeps the text.
 */
import { Alert, Button, Card, Form, Input, InputNumber, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type Answer, type Problem, api } from '../api/client';
import { shanghaiDate, useLang, useT } from '../i18n';
import { problemMessage } from '../problem';
import { UrgencyTag } from './UrgencyTag';

type Summary = Answer<'/annual-summaries'>['items'][number];

function useSummaries(year?: number) {
  const [items, setItems] = useState<Summary[]>([]);
  const load = useCallback(() => {
    void api.GET('/annual-summaries', { params: { query: year ? { year } : {} } }).then(({ data }) => setItems(data?.items ?? []));
  }, [year]);
  useEffect(load, [load]);
  return { items, load };
}

/** 我的待办: each yearly summary the officer's unit still owes, with its form. */
export function OwedSummaries() {
  const t = useT();
  const { items, load } = useSummaries();
  const owed = items.filter((s) => s.submittedAt === null);
  if (owed.length === 0) return null;
  return (
    <>
      {owed.map((s) => (
        <Card key={s.year} size="small" title={t(`${s.year}年度提案办理工作总结`, `Summary of ${s.year}`)} extra={<UrgencyTag urgency={s.urgency ?? 'onTime'}>{t(`${s.dueDate} 前报送`, `due ${s.dueDate}`)}</UrgencyTag>}>
          <SummaryForm summary={s} onSent={load} />
        </Card>
      ))}
    </>
  );
}

function SummaryForm({ summary, onSent }: { summary: Summary; onSent: () => void }) {
  const t = useT();
  const lang = useLang();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  // The same text sent again is the same request: a retry after a lost answer is applied once.
  const sent = useRef<{ text: string; key: string }>(undefined);
  const send = async ({ text }: { text: string }) => {
    if (sent.current?.text !== text) sent.current = { text, key: crypto.randomUUID() };
    setBusy(true);
    setError(undefined);
    const { data, error: problem } = await api.POST('/annual-summaries/{year}/{unitId}', {
      params: { path: { year: summary.year, unitId: summary.unitId }, header: { 'Idempotency-Key': sent.current.key } },
      body: { text },
    });
    setBusy(false);
    if (!data) return setError(problemMessage(problem as Problem | undefined, lang));
    onSent();
  };
  return (
    <Form layout="vertical" onFinish={send}>
      {error && <Alert type="error" showIcon message={t('未能报送', 'Refused')} description={error} style={{ marginBottom: 12 }} role="alert" />}
      <Typography.Paragraph type="secondary">{t('总结本单位本年度承办的全部提案：办理情况、沟通协商、承诺落实和下步打算。', 'Cover every proposal the unit handled this year.')}</Typography.Paragraph>
      <Form.Item name="text" label={t('办理工作总结', 'Summary')} rules={[{ required: true, whitespace: true, message: t('请填写总结', 'Write the summary') }]}>
        <Input.TextArea rows={5} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('报送总结', 'Send')}
      </Button>
    </Form>
  );
}

/** 考核与评选: the committee asks a year's units for their summaries and follows who has sent them. */
export function YearSummaries() {
  const t = useT();
  const lang = useLang();
  const [year, setYear] = useState(new Date().getFullYear());
  const { items, load } = useSummaries(year);
  const [error, setError] = useState<string>();
  const ask = async () => {
    setError(undefined);
    const { data, error: problem } = await api.POST('/annual-summaries', { body: { year } });
    if (!data) return setError(problemMessage(problem as Problem | undefined, lang));
    load();
  };
  return (
    <Card
      size="small"
      title={t('年度提案办理工作总结', 'Yearly summaries')}
      extra={
        <Space>
          <InputNumber aria-label={t('年度', 'Year')} min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
          <Button onClick={ask}>{t('通知各承办单位报送', 'Ask the units')}</Button>
        </Space>
      }
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Table
        size="small"
        rowKey="unitId"
        pagination={false}
        dataSource={items}
        locale={{ emptyText: t('尚未通知报送', 'Not asked yet') }}
        columns={[
          { title: t('承办单位', 'Unit'), dataIndex: 'unitName' },
          { title: t('期限', 'Due'), render: (_, s) => (s.urgency ? <UrgencyTag urgency={s.urgency}>{s.dueDate}</UrgencyTag> : s.dueDate) },
          { title: t('报送', 'Sent'), render: (_, s) => (s.submittedAt ? `${shanghaiDate(s.submittedAt)}${s.onTime ? '' : t('（逾期）', ' (late)')}` : t('未报送', 'Not yet')) },
          { title: t('总结', 'Summary'), render: (_, s) => <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ margin: 0 }}>{s.text ?? '—'}</Typography.Paragraph> },
        ]}
      />
    </Card>
  );
}
