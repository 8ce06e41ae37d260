/** 通知投递 (committee): the email and SMS notices that did not reach their people, those waiting, and those delivered. */
import { Segmented, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api/client';
import { useOlderPages } from '../components/OlderPages';
import { shanghaiTime, useT } from '../i18n';

type State = 'failing' | 'waiting' | 'delivered';

export default function Delivery() {
  const t = useT();
  const [state, setState] = useState<State>('failing');
  const read = useCallback((before: string | undefined) => api.GET('/notices', { params: { query: { state, before } } }).then(({ data }) => data), [state]);
  const notices = useOlderPages(read);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('通知投递', 'Notice delivery')}
      </Typography.Title>
      <Segmented<State>
        value={state}
        onChange={setState}
        options={[
          { value: 'failing', label: t('未送达', 'Failing') },
          { value: 'waiting', label: t('待发送', 'Waiting') },
          { value: 'delivered', label: t('已送达', 'Delivered') },
        ]}
      />
      <Table
        size="small"
        rowKey="id"
        loading={notices.loading}
        dataSource={notices.items}
        pagination={notices.pagination(20)}
        footer={notices.footer}
        columns={[
          { title: t('生成时间', 'Made'), render: (_, n) => shanghaiTime(n.createdAt) },
          { title: t('收件人', 'To'), render: (_, n) => `${n.recipientName}（${n.address}）` },
          { title: t('方式', 'Channel'), render: (_, n) => <Tag>{n.channel === 'email' ? t('邮件', 'Email') : t('短信', 'SMS')}</Tag> },
          {
            title: t('内容', 'Notice'),
            render: (_, n) => (
              <Space>
                {n.urgent && <Tag color="#a8071a">{t('督办', 'Escalation')}</Tag>}
                {n.proposalId ? <Link to={`/p/${n.proposalId}`}>{n.subject}</Link> : n.subject}
              </Space>
            ),
          },
          { title: t('尝试次数', 'Attempts'), dataIndex: 'attempts' },
          state === 'delivered'
            ? { title: t('送达时间', 'Delivered'), render: (_, n) => shanghaiTime(n.deliveredAt) }
            : { title: t('下次尝试', 'Next attempt'), render: (_, n) => shanghaiTime(n.nextAttemptAt) },
          { title: t('最近错误', 'Last error'), render: (_, n) => n.lastError ?? '—' },
        ]}
      />
    </Space>
  );
}
