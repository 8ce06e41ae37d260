/** 我的提案: a member's proposals page by page, each with its session, the replies as issued, the rating form while the rules take a rating, and the results of the commitments as they are told. */
import { Card, Collapse, Empty, Form, Input, List, Pagination, Radio, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { type Answer, api } from '../api/client';
import { useLive } from '../live';
import { ActionForm } from '../components/ActionForm';
import { IssuedReplyView } from '../components/DocumentView';
import { shanghaiDate, useNames, useT } from '../i18n';
import { useUnitName } from '../units';

type List = Answer<'/proposals'>;
type View = Answer<'/proposals/{id}'>;
const PAGE_SIZE = 20;

/** A replied proposal: each reply as the document the member received, and a rating form for each reply the member may rate now. */
function Replies({ proposalId, live }: { proposalId: string; live: number }) {
  const t = useT();
  const unitName = useUnitName();
  const [view, setView] = useState<View>();
  const load = useCallback(() => {
    void api.GET('/proposals/{id}', { params: { path: { id: proposalId } } }).then(({ data }) => setView(data));
  }, [proposalId]);
  useEffect(load, [load, live]);
  if (!view) return null;
  const tracks = Object.values(view.state.tracks).filter((tr) => tr.issued);
  const ratings = view.allowedActions.filter((a) => a.action === 'evaluate');
  // 办理结果告知: every commitment settled with a result, as the unit's letter to the proposers.
  const results = tracks.flatMap((tr) => tr.commitments.filter((c) => c.result !== undefined).map((c) => ({ unitId: tr.unitId, ...c })));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Collapse
        key={ratings.length > 0 ? 'to-rate' : 'rated'}
        size="small"
        defaultActiveKey={ratings.length > 0 ? ['reply'] : []}
        items={[{ key: 'reply', label: t('答复（公文）', 'The reply (document)'), children: tracks.map((tr) => <IssuedReplyView key={tr.unitId} proposalId={proposalId} unitId={tr.unitId} reply={tr.issued!} title={`${tr.issued!.documentNumber}（${tr.issued!.replyClass}类）`} />) }]}
      />
      {results.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>{t('办理结果告知', 'Results of the commitments')}</Typography.Text>}
          dataSource={results}
          renderItem={(r) => (
            <List.Item
              actions={[
                <a key="pdf" href={`/proposals/${proposalId}/result-notice.pdf?unit=${encodeURIComponent(r.unitId)}&commitment=${r.no}`} target="_blank" rel="noreferrer">
                  {t('告知书（PDF）', 'Notice (PDF)')}
                </a>,
              ]}
            >
              {`${t(`第${r.no}项`, `No. ${r.no}`)} ${r.title}：${r.status === 'delivered' ? t('已兑现', 'delivered') : t('无法兑现', 'undeliverable')}（${shanghaiDate(r.settledAt)}${tracks.length > 1 ? `，${unitName(r.unitId)}` : ''}）`}
            </List.Item>
          )}
        />
      )}
      {ratings.map((offer) => (
        <ActionForm<{ rating: string; comments?: string }>
          key={offer.unitId ?? ''}
          proposalId={proposalId}
          path="/proposals/{id}/evaluation"
          submitLabel={t('提交评价', 'Rate')}
          toBody={(v) => ({ rating: v.rating, ...(v.comments?.trim() ? { comments: v.comments } : {}), ...(offer.unitId ? { unitId: offer.unitId } : {}) })}
          onDone={load}
        >
          <Typography.Paragraph>{t(`请在 ${offer.until} 前评价${ratings.length > 1 ? ` ${unitName(offer.unitId)} 的` : ''}答复`, `Rate the reply${ratings.length > 1 ? ` of ${unitName(offer.unitId)}` : ''} by ${offer.until}`)}</Typography.Paragraph>
          <Form.Item name="rating" label={t('评价', 'Rating')} rules={[{ required: true, message: t('请选择评价', 'Choose a rating') }]}>
            <Radio.Group options={[{ value: 'satisfied', label: t('满意', 'Satisfied') }, { value: 'basicallySatisfied', label: t('基本满意', 'Basically satisfied') }, { value: 'unsatisfied', label: t('不满意', 'Unsatisfied') }]} />
          </Form.Item>
          <Form.Item name="comments" label={t('意见和建议', 'Comments')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </ActionForm>
      ))}
    </Space>
  );
}

export default function MyProposals() {
  const t = useT();
  const names = useNames();
  const [page, setPage] = useState(1);
  const [list, setList] = useState<List>();
  const live = useLive();
  useEffect(() => {
    void api.GET('/proposals', { params: { query: { page, pageSize: PAGE_SIZE } } }).then(({ data }) => setList(data));
  }, [page, live]);
  if (list && list.total === 0) return <Empty description={t('暂无提案', 'No proposals')} />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('我的提案', 'My proposals')}
      </Typography.Title>
      {list?.items.map((p) => (
        <Card key={p.id} size="small" title={<Link to={`/p/${p.id}`}>{`${p.sessionName} 第${p.number}号 ${p.title}`}</Link>} extra={<Tag>{names.stage(p.stage)}</Tag>}>
          {p.repliedAt ? <Replies proposalId={p.id} live={live} /> : <Typography.Text type="secondary">{t('尚未答复', 'Not replied yet')}</Typography.Text>}
        </Card>
      ))}
      {list && list.total > PAGE_SIZE && <Pagination current={page} pageSize={PAGE_SIZE} total={list.total} showSizeChanger={false} onChange={setPage} />}
    </Space>
  );
}
