/** 提案详情: the proposal, its units and duties, the reply and its ratings, the history; actions the role allows. */
import { Card, Descriptions, Space, Table, Tag, Timeline, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { type Answer, api } from '../api/client';
import { useLive } from '../live';
import { UrgencyTag } from '../components/UrgencyTag';
import { CommitteeActions } from '../components/CommitteeActions';
import { UnitActions } from '../components/UnitActions';
import { AUDIENCE_NAME_ZH, RATING_NAME_ZH } from '../../../../workflows/domain/chinese-names';
import { DUTY_ZH, STAGE_ZH, shanghaiDate, shanghaiTime, useT } from '../i18n';
import { usePrincipal } from '../session';

interface Proposer {
  id: string;
  name: string;
  leadSigner: boolean;
}
interface Issued {
  documentNumber: string;
  replyClass: string;
  at: string;
  draft: { sections: { heading: string; items: { heading?: string; text: string }[] }[]; commitments: { no: number; title: string; text: string }[] };
}
interface Track {
  unitId: string;
  stage: string;
  issued?: Issued;
  ratings: Record<string, string>;
  commitments: { no: number; title: string; status: string }[];
}
interface State {
  status: string;
  intake: { number: number; title: string; category: string; content: string; session: { id: string; name: string }; proposers: Proposer[] };
  assignment?: { mode: 'joint'; lead: string; coHandlers: string[] } | { mode: 'separate'; units: string[] };
  filedAt: string;
  assignedAt?: string;
  tracks: Record<string, Track>;
  alertsRaised: Record<string, string>;
  reassignmentRequests: Record<string, { reason: string; status: string }>;
}
type View = Answer<'/proposals/{id}'>;
type History = Answer<'/proposals/{id}/history'>;

const ALERT_ZH: Record<string, string> = { warning: '临期提醒', overdue: '逾期提醒', escalation: '督办' };

/** The stretch of time the duties' bands are drawn against: their earliest start to their latest due date, and now. */
function bandSpan(instants: string[], now: string): [number, number] {
  const times = [...instants, now].map((x) => Date.parse(x));
  return [Math.min(...times), Math.max(...times)];
}

/** A duty as a band from when it began to when it is due; the part past due (now beyond it) in red. */
function Band({ from, to, span: [start, end], urgency }: { from: string; to: string; span: [number, number]; urgency: string }) {
  const x = (t: number) => `${(((t - start) / Math.max(end - start, 1)) * 100).toFixed(2)}%`;
  const [a, b] = [Date.parse(from), Date.parse(to)];
  return (
    <div style={{ position: 'relative', height: 10, background: '#f0f0f0' }} aria-hidden>
      <div style={{ position: 'absolute', left: x(a), width: `calc(${x(b)} - ${x(a)})`, height: 10, background: urgency === 'overdue' ? '#ff4d4f' : urgency === 'dueSoon' ? '#faad14' : '#1677ff' }} />
    </div>
  );
}

export default function ProposalDetail() {
  const { id } = useParams() as { id: string };
  const t = useT();
  const principal = usePrincipal();
  const [view, setView] = useState<View | null>();
  const [history, setHistory] = useState<History>();
  const [alerts, setAlerts] = useState<Answer<'/alerts'>['items']>([]);
  const load = useCallback(() => {
    void api.GET('/proposals/{id}', { params: { path: { id } } }).then(({ data }) => setView(data ?? null));
    void api.GET('/proposals/{id}/history', { params: { path: { id }, query: { raw: 'false' } } }).then(({ data }) => setHistory(data));
    void api.GET('/alerts', { params: { query: { proposal: id, limit: 500 } } }).then(({ data }) => setAlerts(data?.items ?? []));
  }, [id]);
  const live = useLive();
  useEffect(load, [load, live]);

  if (view === null) return <Typography.Text type="danger">{t('未找到该提案，或无权查看', 'No such proposal, or not yours to read')}</Typography.Text>;
  if (!view) return null;
  const s = view.state as unknown as State;
  const units = s.assignment ? (s.assignment.mode === 'joint' ? [[s.assignment.lead, '主办'], ...s.assignment.coHandlers.map((u) => [u, '会办'])] : s.assignment.units.map((u) => [u, '分办'])) : [];
  const committee = principal.role === 'committee';
  const span = bandSpan(view.duties.flatMap((d) => [d.startedAt, d.due.at]), view.asOf);

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {`第${s.intake.number}号提案 ${s.intake.title}`} <Tag>{t(STAGE_ZH[view.stage] ?? view.stage, view.stage)}</Tag>
      </Typography.Title>
      <Card size="small" title={t('提案', 'Proposal')} extra={principal.temporalWorkflows && <a href={`${principal.temporalWorkflows}${encodeURIComponent(id)}`} target="_blank" rel="noreferrer">{t('在 Temporal 中查看流程', 'The workflow in Temporal')}</a>}>
        <Descriptions size="small" column={2}>
          <Descriptions.Item label={t('届次', 'Session')}>{s.intake.session.name}</Descriptions.Item>
          <Descriptions.Item label={t('类别', 'Category')}>{s.intake.category}</Descriptions.Item>
          <Descriptions.Item label={t('提案人', 'Proposers')}>{s.intake.proposers.map((p) => `${p.name}${p.leadSigner ? t('（领衔）', ' (lead)') : ''}`).join('、')}</Descriptions.Item>
          <Descriptions.Item label={t('受理 / 交办', 'Filed / assigned')}>{`${shanghaiDate(s.filedAt)} / ${shanghaiDate(s.assignedAt)}`}</Descriptions.Item>
          <Descriptions.Item label={t('承办单位', 'Units')} span={2}>
            {units.length ? units.map(([u, role]) => <Tag key={u}>{`${role} ${u}`}</Tag>) : '—'}
          </Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph style={{ marginTop: 8 }}>{s.intake.content}</Typography.Paragraph>
      </Card>

      {committee && <CommitteeActions proposalId={id} status={s.status} tracks={Object.values(s.tracks)} reassignmentRequests={s.reassignmentRequests} onDone={load} />}
      {principal.role === 'officer' && s.assignment && (
        <UnitActions
          proposalId={id}
          unitId={principal.unitId!}
          owes={view.duties.filter((d) => d.unitId === principal.unitId).map((d) => d.kind)}
          trackStage={s.tracks[principal.unitId!]?.stage}
          commitments={s.tracks[principal.unitId!]?.commitments ?? Object.values(s.tracks).flatMap((tr) => tr.commitments)}
          replyDefaults={{ titleLine: `对${s.intake.session.name}第${s.intake.number}号提案的答复`, salutation: `${s.intake.proposers.map((p) => p.name).join('、')}委员：` }}
          onDone={load}
        />
      )}

      <Card size="small" title={t('办理事项', 'Duties')}>
        <Table
          size="small"
          pagination={false}
          rowKey="key"
          dataSource={view.duties}
          columns={[
            { title: t('事项', 'Duty'), render: (_, d) => t(DUTY_ZH[d.kind] ?? d.kind, d.kind) },
            { title: t('单位 / 提案人', 'Unit / proposer'), render: (_, d) => d.unitId ?? d.proposerId ?? '—' },
            { title: t('期限', 'Due'), render: (_, d) => <UrgencyTag urgency={d.urgency}>{d.due.date}</UrgencyTag> },
            { title: t('时间带', 'Band'), width: '40%', render: (_, d) => <Band from={d.startedAt} to={d.due.at} span={span} urgency={d.urgency} /> },
          ]}
        />
      </Card>

      {Object.values(s.tracks)
        .filter((tr) => tr.issued)
        .map((tr) => (
          <Card key={tr.unitId} size="small" title={`${t('答复', 'Reply')} ${tr.issued!.documentNumber}（${tr.issued!.replyClass}类）`} extra={<a href={`/proposals/${id}/reply.pdf?unit=${tr.unitId}`} target="_blank" rel="noreferrer">{t('公文预览', 'As a document')}</a>}>
            {tr.issued!.draft.sections.map((sec) => (
              <div key={sec.heading}>
                <Typography.Text strong>{sec.heading}</Typography.Text>
                {sec.items.map((it, i) => (
                  <Typography.Paragraph key={i}>{it.heading ? `${it.heading}。${it.text}` : it.text}</Typography.Paragraph>
                ))}
              </div>
            ))}
            <Table
              size="small"
              pagination={false}
              rowKey="no"
              dataSource={tr.commitments}
              columns={[
                { title: t('承诺', 'Commitment'), render: (_, c) => `${c.no}. ${c.title}` },
                { title: t('落实情况', 'Status'), render: (_, c) => <Tag>{c.status}</Tag> },
              ]}
            />
            <Typography.Paragraph style={{ marginTop: 8 }}>
              {t('评价：', 'Ratings: ')}
              {Object.entries(tr.ratings).map(([who, r]) => `${who} ${t((RATING_NAME_ZH as Record<string, string>)[r] ?? r, r)}`).join('；') || '—'}
            </Typography.Paragraph>
          </Card>
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
              { title: t('事项', 'Duty'), render: (_, a) => t(DUTY_ZH[a.dutyKind] ?? a.dutyKind, a.dutyKind) },
              { title: t('对象', 'To'), render: (_, a) => `${a.unitId ?? a.proposerId ?? ''} ${t(AUDIENCE_NAME_ZH[a.audience], a.audience)}` },
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
