/** 我的提案: a member's proposals, each reply as it was issued, and the rating form with the window's end. */
import { Card, Collapse, Empty, Form, Input, Radio, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { type Answer, api } from '../api/client';
import { useLive } from '../live';
import { ActionForm } from '../components/ActionForm';
import { IssuedReplyView } from '../components/DocumentView';
import type { IssuedReply } from '../../../../workflows/domain/state';
import { useNames, useT } from '../i18n';

type Item = Answer<'/proposals'>['items'][number];
type Tasks = Answer<'/tasks'>['items'];

/** The replies issued on a proposal, each as the document the member received. */
function Replies({ proposalId }: { proposalId: string }) {
  const [tracks, setTracks] = useState<{ unitId: string; issued?: IssuedReply }[]>();
  useEffect(() => {
    void api.GET('/proposals/{id}', { params: { path: { id: proposalId } } }).then(({ data }) => setTracks(Object.values((data?.state as { tracks?: Record<string, { unitId: string; issued?: IssuedReply }> } | undefined)?.tracks ?? {})));
  }, [proposalId]);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {tracks
        ?.filter((tr) => tr.issued)
        .map((tr) => (
          <IssuedReplyView key={tr.unitId} proposalId={proposalId} unitId={tr.unitId} reply={tr.issued!} title={`${tr.issued!.documentNumber}（${tr.issued!.replyClass}类）`} />
        ))}
    </Space>
  );
}

export default function MyProposals() {
  const t = useT();
  const names = useNames();
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
          <Card key={p.id} size="small" title={<Link to={`/p/${p.id}`}>{`第${p.number}号 ${p.title}`}</Link>} extra={<Tag>{names.stage(p.stage)}</Tag>}>
            {p.repliedAt && <Collapse key={rating ? 'to-rate' : 'rated'} size="small" defaultActiveKey={rating ? ['reply'] : []} items={[{ key: 'reply', label: t('答复（公文）', 'The reply (document)'), children: <Replies proposalId={p.id} /> }]} style={{ marginBottom: 12 }} />}
            {rating && (
              <ActionForm<{ rating: string; comments?: string }>
                proposalId={p.id}
                path="/proposals/{id}/evaluation"
                submitLabel={t('提交评价', 'Rate')}
                toBody={(v) => ({ rating: v.rating, ...(v.comments?.trim() ? { comments: v.comments } : {}), ...(rating.unitId ? { unitId: rating.unitId } : {}) })}
                onDone={load}
              >
                <Typography.Paragraph>{t(`请在 ${rating.dueDate} 前评价答复`, `Rate the reply by ${rating.dueDate}`)}</Typography.Paragraph>
                <Form.Item name="rating" label={t('评价', 'Rating')} rules={[{ required: true, message: t('请选择评价', 'Choose a rating') }]}>
                  <Radio.Group options={[{ value: 'satisfied', label: t('满意', 'Satisfied') }, { value: 'basicallySatisfied', label: t('基本满意', 'Basically satisfied') }, { value: 'unsatisfied', label: t('不满意', 'Unsatisfied') }]} />
                </Form.Item>
                <Form.Item name="comments" label={t('意见和建议', 'Comments')}>
                  <Input.TextArea rows={2} />
                </Form.Item>
              </ActionForm>
            )}
          </Card>
        );
      })}
    </Space>
  );
}
