/**
 * 我的待办: the unit's open duties grouped by proposal, the proposal with the soonest due duty
 * first, paged on the server; filtered by duty and urgency, with the counts by urgency; each with
 * its session and the unit's part (主办, 会办, 协办, 分办); and the yearly summaries it owes.
 */
import { Radio, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { type Answer, api } from '../api/client';
import { useLive } from '../live';
import { UrgencyTag } from '../components/UrgencyTag';
import { OwedSummaries } from '../components/AnnualSummaries';
import { useNames, useT } from '../i18n';
import { DUTY_NAME_ZH, ROLE_NAME_ZH } from '../../../../workflows/domain/chinese-names';

type TaskList = Answer<'/tasks'>;
type Task = TaskList['items'][number];
type Urgency = Task['urgency'];

const PAGE_SIZE = 20;

/** The page's duties, one row per proposal, in the order the server gave them. */
function byProposal(tasks: Task[]): { proposalId: string; tasks: Task[] }[] {
  const groups = new Map<string, Task[]>();
  for (const task of tasks) groups.set(task.proposalId, [...(groups.get(task.proposalId) ?? []), task]);
  return [...groups].map(([proposalId, tasks]) => ({ proposalId, tasks }));
}

export default function Inbox() {
  const t = useT();
  const names = useNames();
  const [list, setList] = useState<TaskList>();
  const [page, setPage] = useState(1);
  const [kind, setKind] = useState<Task['kind']>();
  const [urgency, setUrgency] = useState<Urgency>();
  const live = useLive();
  useEffect(() => {
    void api.GET('/tasks', { params: { query: { page, pageSize: PAGE_SIZE, kind, urgency } } }).then(({ data }) => setList(data));
  }, [live, page, kind, urgency]);
  const counts = list?.counts;
  const filter = (set: () => void) => {
    set();
    setPage(1);
  };
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('我的待办', 'My tasks')}
      </Typography.Title>
      <Space wrap>
        <Space>
          <UrgencyTag urgency="overdue">{t(`逾期 ${counts?.overdue ?? 0}`, `Overdue ${counts?.overdue ?? 0}`)}</UrgencyTag>
          <UrgencyTag urgency="dueSoon">{t(`临期 ${counts?.dueSoon ?? 0}`, `Due soon ${counts?.dueSoon ?? 0}`)}</UrgencyTag>
          <UrgencyTag urgency="onTime">{t(`正常 ${counts?.onTime ?? 0}`, `On time ${counts?.onTime ?? 0}`)}</UrgencyTag>
        </Space>
        <Radio.Group value={urgency ?? 'all'} onChange={(e) => filter(() => setUrgency(e.target.value === 'all' ? undefined : e.target.value))} optionType="button" size="small" aria-label={t('紧急程度', 'Urgency')}>
          <Radio.Button value="all">{t('全部', 'All')}</Radio.Button>
          <Radio.Button value="overdue">{t('逾期', 'Overdue')}</Radio.Button>
          <Radio.Button value="dueSoon">{t('临期', 'Due soon')}</Radio.Button>
          <Radio.Button value="onTime">{t('正常', 'On time')}</Radio.Button>
        </Radio.Group>
        <Select
          allowClear
          size="small"
          style={{ minWidth: 160 }}
          placeholder={t('全部事项', 'Every duty')}
          aria-label={t('事项', 'Duty')}
          value={kind}
          onChange={(v) => filter(() => setKind(v))}
          options={Object.keys(DUTY_NAME_ZH).map((k) => ({ value: k, label: names.duty(k) }))}
        />
      </Space>
      <Table
        rowKey="proposalId"
        dataSource={byProposal(list?.items ?? [])}
        loading={!list}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: list?.totalProposals ?? 0, showSizeChanger: false, onChange: setPage, showTotal: (n) => t(`${n} 件提案，${list?.totalTasks ?? 0} 项待办`, `${n} proposals, ${list?.totalTasks ?? 0} tasks`) }}
        columns={[
          {
            title: t('提案', 'Proposal'),
            render: (_, g) => <Link to={`/p/${g.proposalId}`}>{`${g.tasks[0]!.sessionName} 第${g.tasks[0]!.number}号 ${g.tasks[0]!.title}`}</Link>,
          },
          { title: t('承办方式', 'Role'), render: (_, g) => (g.tasks[0]!.role ? t(ROLE_NAME_ZH[g.tasks[0]!.role], g.tasks[0]!.role) : '—') },
          {
            title: t('事项与期限', 'Duties and due dates'),
            render: (_, g) => (
              <Space direction="vertical" size={2}>
                {g.tasks.map((x) => (
                  <span key={`${x.kind}-${x.unitId}-${x.proposerId}-${x.commitmentNo}-${x.dueAt}`}>
                    {names.duty(x.kind) + (x.commitmentNo ? ` #${x.commitmentNo}` : '')} <UrgencyTag urgency={x.urgency}>{x.dueDate}</UrgencyTag>
                  </span>
                ))}
              </Space>
            ),
          },
        ]}
      />
      <OwedSummaries />
    </Space>
  );
}
