/** 我的提案: a member's proposals, each issued reply, and the rating form with the window's end. */
import { Card, Empty, Form, Radio, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { type Answer, api } from '../api/client';
import { useLive } from '../live';
import { ActionForm } from '../components/ActionForm';
import { STAGE_ZH, useT } from '../i18n';

type Item = Answer<'/proposals'>['items'][number];
type Tasks = Answer<'/tasks'>['items'];

export default function MyProposals() {
  const t = useT();
  const [items, setItems] = useState<Item[]>();
  const [tasks, setTasks] = useState<Tasks>([]);
  const load = useCallback(() => {
    void api.GET('/proposals', { params: { query: { pageSize: 100 } } }).then(({ data }) => setItems(data?.items ?? []));
    void api.GET('/tasks').then(({ data }) => setTasks(data?.items ?? []));
  }, []);
  const live = useLive();
  useEffect(load, [load, live]);
  if (items && items.length === 0) return <Empty description={t('暂无提案', 'No proposals')} />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('我的提案', 'My proposals')}
      </Typography.Title>
      {items?.map((p) => {
        const rating = tasks.find((x) => x.proposalId === p.id && x.kind === 'evaluation');
        return (
          <Card key={p.id} size="small" title={<Link to={`/p/${p.id}`}>{`第${p.number}号 ${p.title}`}</Link>} extra={<Tag>{t(STAGE_ZH[p.stage] ?? p.stage, p.stage)}</Tag>}>
            {p.repliedAt && (
              <a href={`/proposals/${p.id}/reply.pdf`} target="_blank" rel="noreferrer">
                {t('查看答复（公文）', 'Read the reply (document)')}
              </a>
            )}
            {rating && (
              <ActionForm<{ rating: string }> proposalId={p.id} path="/proposals/{id}/evaluation" submitLabel={t('提交评价', 'Rate')} toBody={(v) => ({ rating: v.rating, ...(rating.unitId ? { unitId: rating.unitId } : {}) })} onDone={load}>
                <Typography.Paragraph>{t(`请在 ${rating.dueDate} 前评价答复`, `Rate the reply by ${rating.dueDate}`)}</Typography.Paragraph>
                <Form.Item name="rating" label={t('评价', 'Rating')} rules={[{ required: true, message: t('请选择评价', 'Choose a rating') }]}>
                  <Radio.Group options={[{ value: 'satisfied', label: t('满意', 'Satisfied') }, { value: 'basicallySatisfied', label: t('基本满意', 'Basically satisfied') }, { value: 'unsatisfied', label: t('不满意', 'Unsatisfied') }]} />
                </Form.Item>
              </ActionForm>
            )}
          </Card>
        );
      })}
    </Space>
  );
}
