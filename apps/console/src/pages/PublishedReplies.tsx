/** 答复公开: the replies a session's units published, for anyone, without signing in; each in full as its document, or as a summary. */
import { Card, Empty, Pagination, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { type Answer, api } from '../api/client';
import { shanghaiDate, useT } from '../i18n';

const PAGE_SIZE = 20;

export default function PublishedReplies() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const [sessions, setSessions] = useState<Answer<'/public/sessions'>>([]);
  const [list, setList] = useState<Answer<'/public/replies'>>();
  const session = params.get('session') ?? sessions[0]?.id;
  const page = Number(params.get('page') ?? 1);
  useEffect(() => {
    void api.GET('/public/sessions').then(({ data }) => setSessions(data ?? []));
  }, []);
  useEffect(() => {
    if (session) void api.GET('/public/replies', { params: { query: { session, page, pageSize: PAGE_SIZE } } }).then(({ data }) => setList(data));
  }, [session, page]);
  return (
    <main style={{ maxWidth: 960, margin: '0 auto', padding: 24 }}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('提案答复公开', 'Published replies to proposals')}
        </Typography.Title>
        <Select aria-label={t('届次', 'Session')} style={{ width: 240 }} value={session} options={sessions.map((s) => ({ value: s.id, label: s.name }))} onChange={(v) => setParams({ session: v })} />
        {list && list.total === 0 && <Empty description={t('本届次尚无公开的答复', 'No reply of this session is published yet')} />}
        {list?.items.map((r) => (
          <Card
            key={`${r.proposalId}-${r.unitId}`}
            size="small"
            title={`第${r.number}号 ${r.title}`}
            extra={r.publication === 'full' ? <a href={`/public/replies/${r.proposalId}/${r.unitId}/reply.pdf`} target="_blank" rel="noreferrer">{t('答复全文（PDF）', 'The reply (PDF)')}</a> : <Tag>{t('摘要公开', 'Summary')}</Tag>}
          >
            <Typography.Paragraph style={{ margin: 0 }}>
              {`${r.unitName} ${r.documentNumber}（${r.replyClass}类），${shanghaiDate(r.issuedAt)}。${t('提案人：', 'Proposers: ')}${r.proposers.join('、')}`}
            </Typography.Paragraph>
            {r.summary && <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>{r.summary}</Typography.Paragraph>}
          </Card>
        ))}
        {list && list.total > PAGE_SIZE && <Pagination current={page} pageSize={PAGE_SIZE} total={list.total} showSizeChanger={false} onChange={(p) => setParams({ ...(session ? { session } : {}), page: String(p) })} />}
      </Space>
    </main>
  );
}
