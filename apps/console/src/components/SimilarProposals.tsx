/**
 * 提案查重 where the review is decided: this session's proposals the domain offers as merge
 * candidates (a near copy, or as alike as one matter), each with its score and shared words and
 * a button that makes the review a 并案 into it; then past sessions' proposals most like it, with
 * what became of them. Inside the review's form, which the button fills.
 */
import { Button, Collapse, Form, List, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { type Answer, api } from '../api/client';
import { useT } from '../i18n';

type Similar = Answer<'/proposals/{id}/similar'>;
type Item = Similar['thisSession'][number];

function Likeness({ item }: { item: Item }) {
  const t = useT();
  return (
    <Space size={4} wrap>
      <Tag color={item.nearCopy ? 'red' : 'orange'}>{item.nearCopy ? t('近似全文', 'Near copy') : `${t('相似度', 'Likeness')} ${Math.round(item.score * 100)}%`}</Tag>
      <Typography.Text type="secondary">{t('共同词语：', 'Shared words: ')}{item.sharedWords.slice(0, 8).join('、')}</Typography.Text>
    </Space>
  );
}

export function SimilarProposals({ proposalId }: { proposalId: string }) {
  const t = useT();
  const form = Form.useFormInstance();
  const [similar, setSimilar] = useState<Similar>();
  useEffect(() => void api.GET('/proposals/{id}/similar', { params: { path: { id: proposalId } } }).then(({ data }) => setSimilar(data)), [proposalId]);
  if (!similar) return null;
  const candidates = similar.thisSession.filter((s) => s.mergeCandidate);
  const fate = (p: Item) => (p.mergedInto ? t(`已并入第${p.mergedInto}号`, `merged into No. ${p.mergedInto}`) : p.replyClass ? `${p.status} · ${p.replyClass}` : p.status);
  return (
    <div aria-label={t('提案查重', 'Similar proposals')} style={{ marginBottom: 12 }}>
      <Typography.Text strong>{t('提案查重：可并案的本次会议提案', 'Similar proposals: merge candidates of this session')}</Typography.Text>
      {candidates.length === 0 ? (
        <Typography.Paragraph type="secondary">{t('未发现内容相近的本次会议提案。', 'None of this session is much alike.')}</Typography.Paragraph>
      ) : (
        <List
          size="small"
          dataSource={candidates}
          renderItem={(c) => (
            <List.Item
              actions={[
                <Button key="merge" size="small" onClick={() => form.setFieldsValue({ outcome: 'merge', intoNumber: String(c.number) })}>
                  {t('并入此案', 'Merge into it')}
                </Button>,
              ]}
            >
              <List.Item.Meta title={`第${c.number}号 ${c.title}`} description={<Likeness item={c} />} />
            </List.Item>
          )}
        />
      )}
      {similar.pastSessions.length > 0 && (
        <Collapse
          size="small"
          items={[
            {
              key: 'past',
              label: t(`往届相似提案（${similar.pastSessions.length}件）`, `Past sessions (${similar.pastSessions.length})`),
              children: (
                <List
                  size="small"
                  dataSource={similar.pastSessions}
                  renderItem={(p) => (
                    <List.Item>
                      <List.Item.Meta title={`${p.sessionName ?? p.sessionId} 第${p.number}号 ${p.title}（${fate(p)}）`} description={<Likeness item={p} />} />
                    </List.Item>
                  )}
                />
              ),
            },
          ]}
        />
      )}
    </div>
  );
}
