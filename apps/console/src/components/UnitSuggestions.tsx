/**
 * 智能交办 beside the assignment form: the lead and co-handling units suggested, each with why
 * (the similar past proposals it finally handled, the words of its responsibilities). Shown,
 * never selected: the committee picks the units.
 */
import { Descriptions, Space, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { type Answer, api } from '../api/client';
import { useT } from '../i18n';

type Suggestions = Answer<'/proposals/{id}/unit-suggestions'>;
type Suggestion = Suggestions['lead'][number];

function Why({ s }: { s: Suggestion }) {
  const t = useT();
  const precedents = s.precedents.map((p) => `${p.sessionName ?? ''}第${p.number}号《${p.title}》`).join('；');
  return (
    <Tooltip title={[precedents && `${t('相似往案：', 'Similar past proposals: ')}${precedents}`, s.responsibilityWords.length > 0 && `${t('职责相符：', 'Responsibilities: ')}${s.responsibilityWords.join('、')}`].filter(Boolean).join('\n')}>
      <Tag>
        {s.unitName} {Math.round(s.score * 100)}%
      </Tag>
    </Tooltip>
  );
}

export function UnitSuggestions({ proposalId }: { proposalId: string }) {
  const t = useT();
  const [suggested, setSuggested] = useState<Suggestions>();
  useEffect(() => void api.GET('/proposals/{id}/unit-suggestions', { params: { path: { id: proposalId } } }).then(({ data }) => setSuggested(data)), [proposalId]);
  if (!suggested) return null;
  const reasons = (list: Suggestion[]) =>
    list.map((s) => (
      <Typography.Paragraph key={s.unitId} type="secondary" style={{ margin: 0 }}>
        {s.unitName}：{s.precedents.length > 0 ? t(`主办过相似提案${s.precedents.map((p) => `第${p.number}号`).join('、')}`, `led ${s.precedents.length} similar`) : t('未主办过相似提案', 'led no similar proposal')}
        {s.responsibilityWords.length > 0 && t(`；职责相符：${s.responsibilityWords.slice(0, 5).join('、')}`, `; responsibilities: ${s.responsibilityWords.slice(0, 5).join(', ')}`)}
      </Typography.Paragraph>
    ));
  return (
    <Descriptions size="small" column={1} bordered style={{ marginBottom: 12 }} aria-label={t('智能交办建议', 'Suggested units')} title={t('智能交办建议（仅供参考，不自动选择）', 'Suggested units (for reference; nothing is selected)')}>
      <Descriptions.Item label={t('建议主办单位', 'Suggested lead')}>
        <Space direction="vertical" size={2}>
          <Space wrap>{suggested.lead.map((s) => <Why key={s.unitId} s={s} />)}</Space>
          {reasons(suggested.lead)}
        </Space>
      </Descriptions.Item>
      <Descriptions.Item label={t('建议会办单位', 'Suggested co-handlers')}>
        <Space wrap>{suggested.coHandlers.map((s) => <Why key={s.unitId} s={s} />)}</Space>
      </Descriptions.Item>
    </Descriptions>
  );
}
