/** 总览: the session's figures with their definitions, what is overdue, and each unit side by side. */
import { Card, Col, Empty, Row, Select, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { Suspense, lazy, useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { type Answer, api } from '../api/client';
import { useLive } from '../live';
import { UrgencyTag } from '../components/UrgencyTag';
import type { ChartOption } from '../components/Chart';

// ECharts is most of this page's weight: the figures are painted first, and ECharts is loaded and
// run only after that paint (a frame, then a task), so it never holds the first render back.
const EChart = lazy(() => import('../components/Chart'));
function Chart(props: { option: ChartOption; height?: number; label: string }) {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setPainted(true))));
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  const space = <div style={{ height: props.height ?? 320 }} />;
  return painted ? (
    <Suspense fallback={space}>
      <EChart {...props} />
    </Suspense>
  ) : (
    space
  );
}
import { statDefinitions } from '../definitions';
import { useCommitteeSessions } from '../committee-sessions';
import { useNames, useT } from '../i18n';
import { useLeaderName, useUnitName } from '../units';

type Stats = NonNullable<Awaited<ReturnType<typeof loadStats>>>;
const loadStats = async (session: string) => (await api.GET('/supervision/stats', { params: { query: { session } } })).data;
const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`);

export default function Overview() {
  const t = useT();
  const names = useNames();
  const leaderName = useLeaderName();
  const unitName = useUnitName();
  const { sessions, session, setSession } = useCommitteeSessions();
  const [stats, setStats] = useState<Stats>();
  const [overdue, setOverdue] = useState<Answer<'/supervision/overdue'>['items']>([]);
  const [definitions, setDefinitions] = useState<Record<string, string>>({});
  const [glance, setGlance] = useState<Answer<'/supervision/overview'>>();

  const live = useLive();
  // The sessions first (a cheap answer), the latest chosen; then its figures, each request for that session alone.
  useEffect(() => {
    void statDefinitions().then(setDefinitions);
  }, []);
  useEffect(() => {
    if (!session) return;
    void loadStats(session).then(setStats);
    void api.GET('/supervision/overdue', { params: { query: { session } } }).then(({ data }) => setOverdue(data?.items ?? []));
    void api.GET('/supervision/overview', { params: { query: { session } } }).then(({ data }) => setGlance(data));
  }, [session, live]);

  const total = stats?.totals[0];
  const figure = (key: keyof NonNullable<typeof total>, zh: string, en: string, value: string | number) => (
    <Col xs={12} md={8} lg={4} key={key}>
      <Card size="small">
        <Tooltip title={definitions[key]}>
          <Statistic title={<span tabIndex={0}>{t(zh, en)} ⓘ</span>} value={value} />
        </Tooltip>
      </Card>
    </Col>
  );
  const trend = useMemo<ChartOption | undefined>(
    () =>
      glance && {
        tooltip: { trigger: 'axis' },
        legend: { top: 0, data: [t('交办', 'Assigned'), t('答复', 'Replied'), t('办结', 'Closed')] },
        grid: { left: 40, right: 16, top: 36, bottom: 30 },
        xAxis: { type: 'category', data: glance.weekly.map((w) => w.week) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: t('交办', 'Assigned'), type: 'line', data: glance.weekly.map((w) => w.assigned) },
          { name: t('答复', 'Replied'), type: 'line', data: glance.weekly.map((w) => w.replied) },
          { name: t('办结', 'Closed'), type: 'line', data: glance.weekly.map((w) => w.closed) },
        ],
      },
    [glance, t],
  );
  const chart = useMemo<ChartOption | undefined>(
    () =>
      stats && {
        tooltip: { trigger: 'axis', valueFormatter: (v) => `${(Number(v) * 100).toFixed(1)}%` },
        legend: { data: [t('办复率', 'Reply rate'), t('按时办结率', 'On-time rate'), t('满意率', 'Satisfaction')] },
        grid: { left: 40, right: 16, bottom: 80 },
        xAxis: { type: 'category', data: stats.rows.map((r) => `${unitName(r.unitId)}（${r.assigned}）`), axisLabel: { rotate: 40 } },
        yAxis: { type: 'value', max: 1, axisLabel: { formatter: (v: number) => `${v * 100}%` } },
        series: [
          { name: t('办复率', 'Reply rate'), type: 'bar', data: stats.rows.map((r) => r.replyRate ?? 0) },
          { name: t('按时办结率', 'On-time rate'), type: 'bar', data: stats.rows.map((r) => r.onTimeRate ?? 0) },
          { name: t('满意率', 'Satisfaction'), type: 'bar', data: stats.rows.map((r) => r.satisfactionRate ?? 0) },
        ],
      },
    [stats, t, unitName],
  );

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Space>
        <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
          {t('总览', 'Overview')}
        </Typography.Title>
        <Select aria-label={t('届次', 'Session')} value={session} onChange={setSession} options={sessions.map((s) => ({ value: s.id, label: `${s.name}（${s.proposals}件）` }))} style={{ minWidth: 200 }} />
      </Space>
      {!total ? (
        <Empty description={t('本届次尚无交办的提案', 'No proposal assigned in this session yet')} />
      ) : (
        <>
          <Row gutter={[16, 16]}>
            {figure('replyRate', '办复率', 'Reply rate', pct(total.replyRate))}
            {figure('onTimeRate', '按时办结率', 'On-time rate', pct(total.onTimeRate))}
            {figure('satisfactionRate', '满意率', 'Satisfaction', pct(total.satisfactionRate))}
            {figure('meetingRate', '见面率', 'Meeting rate', pct(total.meetingRate))}
            {figure('commitmentsDelivered', '承诺已兑现', 'Commitments delivered', total.commitmentsDelivered)}
            {figure('commitmentsOverdue', '承诺逾期', 'Commitments overdue', total.commitmentsOverdue)}
          </Row>
          {glance && (
            <Row gutter={[16, 16]}>
              <Col xs={12} md={6}>
                <Card size="small">
                  <Statistic title={t('逾期事项', 'Overdue duties')} value={glance.overdue} valueStyle={{ color: '#a8071a' }} />
                </Card>
              </Col>
              <Col xs={12} md={6}>
                <Card size="small">
                  <Statistic title={t('三个工作日内到期', 'Due within 3 working days')} value={glance.dueSoon} valueStyle={{ color: '#ad4e00' }} />
                </Card>
              </Col>
              <Col xs={24} md={12}>
                <Card size="small" title={t('按环节', 'By stage')}>
                  <Space wrap>
                    {glance.byStage.map((x) => (
                      <Tag key={x.stage}>{`${names.stage(x.stage)} ${x.count}`}</Tag>
                    ))}
                  </Space>
                </Card>
              </Col>
            </Row>
          )}
          <Card title={t('各承办单位（括号内为交办件数）', 'By unit (proposals in brackets)')} size="small">
            {chart && <Chart option={chart} label={t('各承办单位办复率、按时办结率、满意率', 'Reply, on-time and satisfaction rates by unit')} />}
          </Card>
        </>
      )}
      {trend && (
        <Card title={t('每周趋势（近十二周）', 'Weekly trend (last twelve weeks)')} size="small">
          <Chart option={trend} height={260} label={t('每周交办、答复、办结件数', 'Proposals assigned, replied and closed each week')} />
        </Card>
      )}
      {glance && glance.keyProposals.length > 0 && (
        <Card size="small" title={t(`重点提案（${glance.keyProposals.length} 件）`, `Key proposals (${glance.keyProposals.length})`)}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={glance.keyProposals}
            columns={[
              { title: t('提案', 'Proposal'), render: (_, k) => <Link to={`/p/${k.id}`}>{`第${k.number}号 ${k.title}`}</Link> },
              { title: t('领衔督办', 'Supervised by'), render: (_, k) => k.leaders.map(leaderName).join('、') },
              { title: t('环节', 'Stage'), render: (_, k) => <Tag>{names.stage(k.stage)}</Tag> },
              { title: t('逾期事项', 'Overdue'), render: (_, k) => (k.overdueDuties > 0 ? <UrgencyTag urgency="overdue">{k.overdueDuties}</UrgencyTag> : '—') },
            ]}
          />
        </Card>
      )}
      {glance && glance.carriedOver.length > 0 && (
        <Card size="small" title={t(`往届结转的跟踪办理（${glance.carriedOver.length} 件）`, `Follow-up carried over from earlier sessions (${glance.carriedOver.length})`)}>
          <Table
            size="small"
            rowKey="id"
            pagination={{ pageSize: 10 }}
            dataSource={glance.carriedOver}
            columns={[
              { title: t('会议', 'Session'), dataIndex: 'sessionName' },
              { title: t('提案', 'Proposal'), render: (_, k) => <Link to={`/p/${k.id}`}>{`第${k.number}号 ${k.title}`}</Link> },
              { title: t('承办单位', 'Units'), render: (_, k) => k.unitIds.map(unitName).join('、') },
              { title: t('未兑现承诺', 'Open commitments'), dataIndex: 'openCommitments' },
              { title: t('逾期事项', 'Overdue'), render: (_, k) => (k.overdueDuties > 0 ? <UrgencyTag urgency="overdue">{k.overdueDuties}</UrgencyTag> : '—') },
            ]}
          />
        </Card>
      )}
      <Card
        size="small"
        title={
          <Space>
            {t('逾期事项', 'Overdue duties')}
            <UrgencyTag urgency="overdue">{overdue.length}</UrgencyTag>
          </Space>
        }
      >
        <Table
          size="small"
          rowKey={(d) => `${d.proposalId}-${d.kind}-${d.unitId}-${d.dueAt}`}
          dataSource={overdue}
          pagination={{ pageSize: 10 }}
          columns={[
            { title: t('提案', 'Proposal'), render: (_, d) => <Link to={`/p/${d.proposalId}`}>{`${d.number} ${d.title}`}</Link> },
            { title: t('事项', 'Duty'), render: (_, d) => names.duty(d.kind) },
            { title: t('单位', 'Unit'), render: (_, d) => unitName(d.unitId) },
            { title: t('期限', 'Due'), render: (_, d) => <UrgencyTag urgency="overdue">{d.dueDate}</UrgencyTag> },
            { title: t('逾期天数', 'Days overdue'), dataIndex: 'daysOverdue' },
          ]}
        />
      </Card>
    </Space>
  );
}
