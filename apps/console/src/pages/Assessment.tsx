/**
 * 考核与评选 (committee): the session's units ranked under the assessment policy with each rate and
 * the points it earned, the workbooks and the report to download, and the selection of 优秀提案
 * and 先进承办单位. What may be selected is what the API offers as candidates.
 */
import { Alert, Button, Card, Empty, Form, Input, Select, Space, Table, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { type Answer, type Problem, api } from '../api/client';
import { shanghaiDate, useLang, useT } from '../i18n';
import { problemMessage } from '../problem';
import { YearSummaries } from '../components/AnnualSummaries';
import { useCommitteeSessions } from '../committee-sessions';

type Assessment = Answer<'/supervision/assessment'>;
type Rate = keyof Assessment['policy']['weights'];
const RATES: [Rate, string, string][] = [
  ['onTimeRate', '按时办结率', 'On-time rate'],
  ['satisfactionRate', '满意率', 'Satisfaction'],
  ['meetingRate', '见面率', 'Meeting rate'],
  ['publicationRate', '公开率', 'Publication rate'],
];
const pct = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

export default function AssessmentPage() {
  const t = useT();
  const lang = useLang();
  const { sessions, session, setSession } = useCommitteeSessions();
  const [assessment, setAssessment] = useState<Assessment>();
  const load = useCallback(() => {
    if (session) void api.GET('/supervision/assessment', { params: { query: { session } } }).then(({ data }) => setAssessment(data));
  }, [session]);
  useEffect(load, [load]);

  const file = (path: string, zh: string, en: string) => (
    <Button href={`/supervision/${path}?session=${encodeURIComponent(session ?? '')}`} download>
      {t(zh, en)}
    </Button>
  );
  const w = assessment?.policy.weights;
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space wrap>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('考核与评选', 'Assessment and selection')}
        </Typography.Title>
        <Select aria-label={t('届次', 'Session')} value={session} onChange={setSession} options={sessions.map((s) => ({ value: s.id, label: s.name }))} style={{ minWidth: 200 }} />
        {session && file('assessment.xlsx', '导出考核表', 'Assessment workbook')}
        {session && file('report.docx', '提案工作情况报告（稿）', 'Report to the plenary (draft)')}
        {session && file('handling-notice.docx', '办理情况通报（稿）', "The government's notice (draft)")}
        {session && file('report.xlsx', '办理情况统计表', 'Handling report')}
      </Space>
      {!assessment ? (
        <Empty />
      ) : (
        <>
          <Card size="small" title={t(`${assessment.sessionName}承办单位考核排名`, `Units ranked, ${assessment.sessionName}`)}>
            <Typography.Paragraph type="secondary">
              {t(
                `按《${assessment.policy.name}》：${RATES.map(([k, zh]) => `${zh}${w![k]}分`).join('，')}；某项尚无可计时其分值按比例分给其余各项。每次督办至考核扣${assessment.policy.deductions.escalation}分，每项逾期未兑现承诺扣${assessment.policy.deductions.commitmentOverdue}分，最多扣${assessment.policy.deductions.cap}分。`,
                `Under ${assessment.policy.name}: ${RATES.map(([k, , en]) => `${en} ${w![k]}`).join(', ')}; a rate with nothing to count leaves its weight to the others. Less ${assessment.policy.deductions.escalation} per escalation to the assessment rung and ${assessment.policy.deductions.commitmentOverdue} per overdue commitment, at most ${assessment.policy.deductions.cap}.`,
              )}
            </Typography.Paragraph>
            <Table
              size="small"
              rowKey="unitId"
              pagination={false}
              dataSource={assessment.units}
              columns={[
                { title: t('排名', 'Rank'), dataIndex: 'rank', render: (r: number | null) => r ?? '—' },
                { title: t('承办单位', 'Unit'), dataIndex: 'unitName' },
                { title: t('得分', 'Score'), dataIndex: 'score', render: (s: number | null) => <strong>{s ?? t('未评分', 'Not scored')}</strong> },
                ...RATES.map(([k, zh, en]) => ({
                  title: `${t(zh, en)}（${w![k]}）`,
                  key: k,
                  render: (_: unknown, u: Assessment['units'][number]) => (u.rates[k] === null ? '—' : `${pct(u.rates[k])} · ${u.points[k]!.toFixed(2)}`),
                })),
                {
                  title: t('扣分', 'Deducted'),
                  key: 'deduction',
                  render: (_, u) => (
                    <Tooltip title={t(`督办至考核${u.escalations}次，逾期未兑现承诺${u.commitmentsOverdue}项`, `${u.escalations} escalations, ${u.commitmentsOverdue} overdue commitments`)}>
                      <span tabIndex={0}>{u.deduction > 0 ? `−${u.deduction}` : '0'}</span>
                    </Tooltip>
                  ),
                },
              ]}
            />
          </Card>
          <SelectionForm session={assessment.sessionId} assessment={assessment} onSaved={load} lang={lang} />
        </>
      )}
      <YearSummaries />
    </Space>
  );
}

type SelectionBody = { excellentProposals: { proposalId: string; reason: string }[]; advancedUnits: { unitId: string; reason: string }[] };

function SelectionForm({ session, assessment, onSaved, lang }: { session: string; assessment: Assessment; onSaved: () => void; lang: 'zh' | 'en' }) {
  const t = useT();
  const [form] = Form.useForm<SelectionBody>();
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const { selection, candidates } = assessment;
  useEffect(() => {
    form.setFieldsValue({
      excellentProposals: selection?.excellentProposals.map(({ proposalId, reason }) => ({ proposalId, reason })) ?? [],
      advancedUnits: selection?.advancedUnits.map(({ unitId, reason }) => ({ unitId, reason })) ?? [],
    });
  }, [form, selection]);
  const save = async (values: SelectionBody) => {
    setSaving(true);
    setError(undefined);
    const { data, error: problem } = await api.PUT('/supervision/assessment/selection', { params: { query: { session } }, body: values });
    setSaving(false);
    if (!data) return setError(problemMessage(problem as Problem | undefined, lang));
    onSaved();
  };
  const rows = (name: 'excellentProposals' | 'advancedUnits', pick: { value: string; label: string }[], zh: string, en: string) => (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text strong>{t(zh, en)}</Typography.Text>
          {fields.map((f) => (
            <Space key={f.key} align="start" wrap>
              <Form.Item name={[f.name, name === 'excellentProposals' ? 'proposalId' : 'unitId']} rules={[{ required: true, message: t('请选择', 'Choose one') }]} style={{ marginBottom: 0 }}>
                <Select showSearch optionFilterProp="label" aria-label={t(zh, en)} options={pick} style={{ width: 360 }} />
              </Form.Item>
              <Form.Item name={[f.name, 'reason']} rules={[{ required: true, whitespace: true, message: t('请填写评选理由', 'Give the reason') }]} style={{ marginBottom: 0 }}>
                <Input aria-label={t('评选理由', 'Reason')} placeholder={t('评选理由', 'Reason')} style={{ width: 320 }} />
              </Form.Item>
              <Button onClick={() => remove(f.name)}>{t('移除', 'Remove')}</Button>
            </Space>
          ))}
          <Button type="dashed" onClick={() => add({ reason: '' })}>
            {t(`添加${zh}`, `Add ${en.toLowerCase()}`)}
          </Button>
        </Space>
      )}
    </Form.List>
  );
  return (
    <Card size="small" title={t('评选优秀提案和先进承办单位', 'Select excellent proposals and advanced units')}>
      <Form form={form} onFinish={save} layout="vertical">
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          {rows('excellentProposals', candidates.excellentProposals.map((p) => ({ value: p.proposalId, label: `第${p.number}号 ${p.title}` })), '优秀提案', 'Excellent proposals')}
          {rows('advancedUnits', candidates.advancedUnits.map((u) => ({ value: u.unitId, label: u.unitName })), '先进承办单位', 'Advanced units')}
          {error && <Alert type="error" message={error} />}
          <Space>
            <Button type="primary" htmlType="submit" loading={saving}>
              {t('保存评选结果', 'Save the selection')}
            </Button>
            {selection && (
              <Typography.Text type="secondary">
                {t(`第${selection.version}版，${selection.recordedBy} 记录于 ${shanghaiDate(selection.recordedAt)}`, `Version ${selection.version}, recorded by ${selection.recordedBy} on ${shanghaiDate(selection.recordedAt)}`)}
              </Typography.Text>
            )}
          </Space>
        </Space>
      </Form>
    </Card>
  );
}
