/** 提案详情: the proposal, its units and duties, the reply and its ratings, the history; actions the role allows. */
import { Card, Descriptions, Space, Table, Tag, Timeline, Typography } from 'antd';
import { Suspense, lazy, useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { type Answer, api } from '../api/client';
import { useLive } from '../live';
import { UrgencyTag } from '../components/UrgencyTag';
import { AUDIENCE_NAME_ZH, COMMITMENT_STATUS_ZH, RATING_NAME_ZH, ROLE_NAME_ZH } from '../../../../workflows/domain/chinese-names';
import { assignedUnits, unitRole } from '../../../../workflows/domain/roles';
import { IssuedReplyView } from '../components/DocumentView';
import { useLeaderName, useUnitName } from '../units';
import { shanghaiDate, shanghaiTime, useNames, useT } from '../i18n';
import { usePrincipal } from '../session';

type View = Answer<'/proposals/{id}'>;
type History = Answer<'/proposals/{id}/history'>;

// The forms (date pickers, the reply editor) load beside the page, not before it shows.
const CommitteeActions = lazy(() => import('../components/CommitteeActions'));
const UnitActions = lazy(() => import('../components/UnitActions'));
const MemberActions = lazy(() => import('../components/MemberActions'));
const SupervisionMeetingCard = lazy(() => import('../components/SupervisionMeeting').then((m) => ({ default: m.SupervisionMeetingCard })));

const MEETING_ZH: Record<string, string> = { meeting: '督办协商会', siteVisit: '实地视察', consultation: '座谈' };

/** 重点提案: who supervises it, the units' handling plans, the supervision meetings held. */
function KeyProposalCard({ keyProposal: k }: { keyProposal: NonNullable<View['state']['key']> }) {
  const t = useT();
  const unitName = useUnitName();
  const leaderName = useLeaderName();
  return (
    <Card size="small" title={t('重点提案', 'Key proposal')}>
      <Descriptions size="small" column={2}>
        <Descriptions.Item label={t('领衔督办', 'Supervised by')}>{k.leaders.map(leaderName).join('、')}</Descriptions.Item>
        <Descriptions.Item label={t('责任委员', 'Member in charge')}>{k.memberInCharge}</Descriptions.Item>
        <Descriptions.Item label={t('遴选时间', 'Selected')}>{shanghaiDate(k.markedAt)}</Descriptions.Item>
        <Descriptions.Item label={t('遴选理由', 'Why')}>{k.reason}</Descriptions.Item>
      </Descriptions>
      {Object.entries(k.plans).map(([unitId, plan]) => (
        <Typography.Paragraph key={unitId}>{`${t('办理方案', 'Handling plan')}（${unitName(unitId)}，${shanghaiDate(plan.at)}）：${plan.text}`}</Typography.Paragraph>
      ))}
      {k.meetings.map((m, i) => (
        <Typography.Paragraph key={i}>{`${t('督办', 'Supervision')} ${shanghaiTime(m.occurredAt)} ${t(MEETING_ZH[m.form] ?? m.form, m.form)}（${m.participants.join('、')}）：${m.conclusions}`}</Typography.Paragraph>
      ))}
    </Card>
  );
}

const ALERT_ZH: Record<string, string> = { warning: '临期提醒', overdue: '逾期提醒', escalation: '督办' };

/** The stretch of time the duties' bands are drawn against: their earliest start to their latest due date, and now. */
function bandSpan(instants: string[], now: string): [number, number] {
  const times = [...instants, now].map((x) => Date.parse(x));
  return [Math.min(...times), Math.max(...times)];
}

/** A duty's row in the chart: owed from `from`, due at `due`, done at `done` (still open: now; let go undone: null). */
interface DutyRow {
  key: string;
  kind: string;
  owner: string | null;
  from: string;
  due: string;
  dueDate: string;
  done: string | null;
  open: boolean;
  urgency: string;
}

/** A duty as a band from when it began to when it is due; the late part, from its due date to when it was done (or now), in red. */
function Band({ row, now, span: [start, end] }: { row: DutyRow; now: string; span: [number, number] }) {
  const x = (t: number) => ((t - start) / Math.max(end - start, 1)) * 100;
  const [a, d] = [Date.parse(row.from), Date.parse(row.due)];
  const finish = Date.parse(row.done ?? now);
  const ontime = row.open ? (row.urgency === 'dueSoon' ? '#faad14' : '#1677ff') : '#52c41a';
  const bar = (from: number, to: number, colour: string) => <div style={{ position: 'absolute', left: `${x(from).toFixed(2)}%`, width: `${Math.max(x(to) - x(from), 0.5).toFixed(2)}%`, height: 10, background: colour }} />;
  return (
    <div style={{ position: 'relative', height: 10, background: '#f0f0f0' }} aria-hidden>
      {bar(a, d, ontime)}
      {finish > d && bar(d, finish, '#ff4d4f')}
      {!row.open && row.done && <div style={{ position: 'absolute', left: `${x(finish).toFixed(2)}%`, top: -3, width: 2, height: 16, background: '#000' }} />}
    </div>
  );
}

export default function ProposalDetail() {
  const { id } = useParams() as { id: string };
  const t = useT();
  const names = useNames();
  const principal = usePrincipal();
  const unitName = useUnitName();
  const [view, setView] = useState<View | null>();
  const [history, setHistory] = useState<History>();
  const [alerts, setAlerts] = useState<Answer<'/alerts'>['items']>([]);
  const load = useCallback(() => {
    void api.GET('/proposals/{id}', { params: { path: { id } } }).then(({ data }) => {
      setView(data ?? null);
      // The history holds at least the version the page shows, however far the read model has come.
      if (data) void api.GET('/proposals/{id}/history', { params: { path: { id }, query: { raw: 'false', version: data.state.version } } }).then((h) => setHistory(h.data));
    });
    void api.GET('/alerts', { params: { query: { proposal: id, limit: 500 } } }).then(({ data }) => setAlerts(data?.items ?? []));
  }, [id]);
  const live = useLive();
  useEffect(load, [load, live]);

  if (view === null) return <Typography.Text type="danger">{t('未找到该提案，或无权查看', 'No such proposal, or not yours to read')}</Typography.Text>;
  if (!view) return null;
  const s = view.state;
  const intake = s.intake!;
  const units = s.assignment ? assignedUnits(s.assignment).map((u) => [u, ROLE_NAME_ZH[unitRole(s.assignment!, u)!]]) : [];
  const committee = principal.role === 'committee';
  const proposerName = new Map(intake.proposers.map((p) => [p.id, p.name]));
  const rows: DutyRow[] = [
    ...view.settled.map((d) => ({ key: d.key, kind: d.kind, owner: d.unitId, from: d.startedAt ?? s.assignedAt ?? s.filedAt ?? d.dueAt, due: d.dueAt, dueDate: shanghaiDate(new Date(Date.parse(d.dueAt) - 1).toISOString()), done: d.doneAt, open: false, urgency: '' })),
    ...view.duties
      .filter((d) => !d.window && !d.optional)
      .map((d) => ({ key: d.key, kind: d.kind, owner: d.unitId ?? (d.proposerId && (proposerName.get(d.proposerId) ?? d.proposerId)), from: d.startedAt, due: d.due.at, dueDate: d.due.date, done: null, open: true, urgency: d.urgency })),
  ];
  const span = bandSpan(rows.flatMap((r) => [r.from, r.due, ...(r.done ? [r.done] : [])]), view.asOf);
  const dutyStatus = (r: DutyRow) =>
    r.open ? <UrgencyTag urgency={r.urgency}>{r.dueDate}</UrgencyTag> : r.done === null ? <UrgencyTag urgency="undone">{`${r.dueDate} ${t('逾期未办', 'not done')}`}</UrgencyTag> : Date.parse(r.done) < Date.parse(r.due) ? <UrgencyTag urgency="done">{`${r.dueDate} ${t('按时办结', 'on time')}`}</UrgencyTag> : <UrgencyTag urgency="late">{`${r.dueDate} ${t('逾期办结', 'done late')}`}</UrgencyTag>;

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {`第${intake.number}号提案 ${intake.title}`} <Tag>{names.stage(view.stage)}</Tag>
      </Typography.Title>
      <Card size="small" title={t('提案', 'Proposal')} extra={principal.temporalWorkflows && <a href={`${principal.temporalWorkflows}${encodeURIComponent(id)}`} target="_blank" rel="noreferrer">{t('在 Temporal 中查看流程', 'The workflow in Temporal')}</a>}>
        <Descriptions size="small" column={2}>
          <Descriptions.Item label={t('届次', 'Session')}>{intake.session.name}</Descriptions.Item>
          <Descriptions.Item label={t('类别', 'Category')}>{intake.category}</Descriptions.Item>
          <Descriptions.Item label={t('提案人', 'Proposers')}>{intake.proposers.map((p) => `${p.name}${p.leadSigner ? t('（领衔）', ' (lead)') : ''}${s.cosigners?.[p.id] === 'pending' ? t('（待确认联名）', ' (to confirm)') : ''}`).join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('受理 / 交办', 'Filed / assigned')}>{`${shanghaiDate(s.filedAt)} / ${shanghaiDate(s.assignedAt)}`}</Descriptions.Item>
          <Descriptions.Item label={t('承办单位', 'Units')} span={2}>
            {units.length ? units.map(([u, role]) => <Tag key={u}>{`${role} ${unitName(u)}`}</Tag>) : '—'}
          </Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph style={{ marginTop: 8 }}>{intake.content}</Typography.Paragraph>
      </Card>

      {s.key && <KeyProposalCard keyProposal={s.key} />}

      <Suspense fallback={null}>
        {(committee || principal.role === 'supervisionOffice') && <CommitteeActions proposalId={id} offers={view.allowedActions} state={s} onDone={load} />}
        {principal.role === 'leader' && view.allowedActions.some((a) => a.action === 'recordSupervisionMeeting') && <SupervisionMeetingCard proposalId={id} onDone={load} />}
        {principal.role === 'proposer' && <MemberActions proposalId={id} offers={view.allowedActions} assigned={Boolean(s.assignment)} onDone={load} />}
        {principal.role === 'officer' && (
          <UnitActions
            proposalId={id}
            offers={view.allowedActions}
            owesFirstContact={view.duties.some((d) => d.kind === 'contactBeforeHandling' && d.unitId === principal.unitId)}
            titleLine={`对${intake.session.name}第${intake.number}号提案的答复`}
            onDone={load}
          />
        )}
      </Suspense>

      <Card size="small" title={t('办理事项', 'Duties')}>
        <Table
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={rows}
          columns={[
            { title: t('事项', 'Duty'), render: (_, r) => names.duty(r.kind) },
            { title: t('单位 / 提案人', 'Unit / proposer'), render: (_, r) => unitName(r.owner) || '—' },
            { title: t('期限', 'Due'), render: (_, r) => dutyStatus(r) },
            { title: t('办结', 'Done'), render: (_, r) => (r.done ? shanghaiTime(r.done) : '—') },
            { title: t('时间带（红：逾期部分）', 'Band (red: late)'), width: '36%', render: (_, r) => <Band row={r} now={view.asOf} span={span} /> },
          ]}
        />
      </Card>

      {Object.values(s.tracks)
        .filter((tr) => tr.issued)
        .map((tr) => (
          <Space key={tr.unitId} direction="vertical" style={{ width: '100%' }}>
            <IssuedReplyView proposalId={id} unitId={tr.unitId} reply={tr.issued!} title={`${unitName(tr.unitId)} ${t('答复', 'Reply')} ${tr.issued!.documentNumber}（${tr.issued!.replyClass}类）`} />
            <Card size="small" title={t('承诺事项与跟踪办理', 'Commitments and their follow-up')}>
              <Table
                size="small"
                pagination={false}
                rowKey="no"
                dataSource={tr.commitments}
                columns={[
                  { title: t('承诺', 'Commitment'), render: (_, c) => `${c.no}. ${c.title}` },
                  { title: t('落实情况', 'Status'), render: (_, c) => <UrgencyTag urgency={c.status === 'delivered' ? 'done' : c.status === 'open' ? 'open' : 'other'}>{t(COMMITMENT_STATUS_ZH[c.status], c.status)}</UrgencyTag> },
                  { title: t('跟踪办理', 'Follow-up'), render: (_, c) => [...c.reportedAt.map((at, i) => `${t(`第${i + 1}次报告`, `report ${i + 1}`)} ${shanghaiDate(at)}`), ...(c.undeliverableReason ? [`${t('无法兑现的理由：', 'why undeliverable: ')}${c.undeliverableReason}`] : []), ...(c.settledAt ? [`${t('办结', 'closed')} ${shanghaiDate(c.settledAt)}`] : [])].join('；') || '—' },
                ]}
              />
              <Typography.Paragraph style={{ marginTop: 8 }}>
                {t('评价：', 'Ratings: ')}
                {Object.entries(tr.ratings).map(([who, r]) => `${proposerName.get(who) ?? who} ${t((RATING_NAME_ZH as Record<string, string>)[r] ?? r, r)}`).join('；') || '—'}
              </Typography.Paragraph>
            </Card>
          </Space>
        ))}

      {alerts.length > 0 && (
        <Card size="small" title={t('提醒与督办', 'Alerts raised')}>
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={alerts}
            columns={[
              { title: t('时间', 'When'), render: (_, a) => shanghaiTime(a.raisedAt) },
              { title: t('类型', 'Kind'), render: (_, a) => t(ALERT_ZH[a.kind] ?? a.kind, a.kind) + (a.level > 0 ? ` ${a.level}` : '') },
              { title: t('事项', 'Duty'), render: (_, a) => names.duty(a.dutyKind) },
              { title: t('对象', 'To'), render: (_, a) => `${unitName(a.unitId) || (a.proposerId ? (proposerName.get(a.proposerId) ?? a.proposerId) : '')} ${t(AUDIENCE_NAME_ZH[a.audience], a.audience)}` },
              { title: t('期限', 'Due'), dataIndex: 'dueDate' },
              {
                title: '',
                render: (_, a) =>
                  a.audience === 'unitHead' && (
                    <a href={`/alerts/${a.id}/notice.pdf`} target="_blank" rel="noreferrer">
                      {t('催办通知书', 'Supervision notice')}
                    </a>
                  ),
              },
            ]}
          />
        </Card>
      )}

      <Card size="small" title={t('办理过程', 'History')}>
        <Timeline items={(history?.timeline ?? []).map((row) => ({ children: `${shanghaiTime(row.time)}  ${t(row.what, row.whatEn)}` }))} />
      </Card>
    </Space>
  );
}
