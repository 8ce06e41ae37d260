/** 我的待办: the unit's open duties, soonest due first, coloured by urgency, with counts; each with its session and the unit's part (主办, 会办, 协办, 分办); and the yearly summaries it owes. */
import { Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { type Answer, api } from '../api/client';
import { useLive } from '../live';
import { UrgencyTag } from '../components/UrgencyTag';
import { OwedSummaries } from '../components/AnnualSummaries';
import { useNames, useT } from '../i18n';
import { ROLE_NAME_ZH } from '../../../../workflows/domain/chinese-names';

type Tasks = Answer<'/tasks'>['items'];

export default function Inbox() {
  const t = useT();
  const names = useNames();
  const [tasks, setTasks] = useState<Tasks>([]);
  const live = useLive();
  useEffect(() => {
    void api.GET('/tasks').then(({ data }) => setTasks([...(data?.items ?? [])].sort((a, b) => a.dueAt.localeCompare(b.dueAt))));
  }, [live]);
  const count = (u: string) => tasks.filter((x) => x.urgency === u).length;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('我的待办', 'My tasks')}
      </Typography.Title>
      <Space>
        <UrgencyTag urgency="overdue">{t(`逾期 ${count('overdue')}`, `Overdue ${count('overdue')}`)}</UrgencyTag>
        <UrgencyTag urgency="dueSoon">{t(`临期 ${count('dueSoon')}`, `Due soon ${count('dueSoon')}`)}</UrgencyTag>
        <UrgencyTag urgency="onTime">{t(`正常 ${count('onTime')}`, `On time ${count('onTime')}`)}</UrgencyTag>
      </Space>
      <Table
        rowKey={(x) => `${x.proposalId}-${x.kind}-${x.commitmentNo}-${x.dueAt}`}
        dataSource={tasks}
        pagination={false}
        columns={[
          { title: t('提案', 'Proposal'), render: (_, x) => <Link to={`/p/${x.proposalId}`}>{`${x.sessionName} 第${x.number}号 ${x.title}`}</Link> },
          { title: t('承办方式', 'Role'), render: (_, x) => (x.role ? t(ROLE_NAME_ZH[x.role], x.role) : '—') },
          { title: t('事项', 'Duty'), render: (_, x) => names.duty(x.kind) + (x.commitmentNo ? ` #${x.commitmentNo}` : '') },
          { title: t('期限', 'Due'), render: (_, x) => <UrgencyTag urgency={x.urgency}>{x.dueDate}</UrgencyTag> },
        ]}
      />
      <OwedSummaries />
    </Space>
  );
}
