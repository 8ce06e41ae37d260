/** 我的待办: the unit's open duties, soonest due first, coloured by urgency, with counts. */
import { Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { type Answer, api } from '../api/client';
import { DUTY_ZH, useT } from '../i18n';

type Tasks = Answer<'/tasks'>['items'];
const COLOR: Record<string, string> = { overdue: 'red', dueSoon: 'orange', onTime: 'green' };

export default function Inbox() {
  const t = useT();
  const [tasks, setTasks] = useState<Tasks>([]);
  useEffect(() => {
    void api.GET('/tasks').then(({ data }) => setTasks([...(data?.items ?? [])].sort((a, b) => a.dueAt.localeCompare(b.dueAt))));
  }, []);
  const count = (u: string) => tasks.filter((x) => x.urgency === u).length;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('我的待办', 'My tasks')}
      </Typography.Title>
      <Space>
        <Tag color="red">{t(`逾期 ${count('overdue')}`, `Overdue ${count('overdue')}`)}</Tag>
        <Tag color="orange">{t(`临期 ${count('dueSoon')}`, `Due soon ${count('dueSoon')}`)}</Tag>
        <Tag color="green">{t(`正常 ${count('onTime')}`, `On time ${count('onTime')}`)}</Tag>
      </Space>
      <Table
        rowKey={(x) => `${x.proposalId}-${x.kind}-${x.commitmentNo}-${x.dueAt}`}
        dataSource={tasks}
        pagination={false}
        columns={[
          { title: t('提案', 'Proposal'), render: (_, x) => <Link to={`/p/${x.proposalId}`}>{`${x.number} ${x.title}`}</Link> },
          { title: t('事项', 'Duty'), render: (_, x) => t(DUTY_ZH[x.kind] ?? x.kind, x.kind) + (x.commitmentNo ? ` #${x.commitmentNo}` : '') },
          { title: t('期限', 'Due'), render: (_, x) => <Tag color={COLOR[x.urgency]}>{x.dueDate}</Tag> },
        ]}
      />
    </Space>
  );
}
