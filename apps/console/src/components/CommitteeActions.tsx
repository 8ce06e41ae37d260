/**
 * What the committee does on a proposal, one form for each action the rules offer it now: review
 * (立案, 并案, 不予立案, 转参考), assignment, a reassignment request, an overdue countersign let go,
 * the reply's review, an extension or a withdrawal asked for, the decision on a 不满意 rating and
 * the consultation after a second one, a commitment declared undeliverable, the look back (回头看),
 * a key proposal marked and its supervision meetings.
 */
import { Card, DatePicker, Form, Input, InputNumber, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useT } from '../i18n';
import { UnitPicker, useLeaders, useUnitName } from '../units';
import { SupervisionMeetingCard } from './SupervisionMeeting';
import { SimilarProposals } from './SimilarProposals';
import { UnitSuggestions } from './UnitSuggestions';
import type { Answer } from '../api/client';
import { ActionForm, type ActionPath, ClassPicker, CommitmentField, type Offer, TextAction, required } from './ActionForm';

export interface CommitteeView {
  proposalId: string;
  /** What the rules let the committee do now, with each form's choices. */
  offers: Offer[];
  /** The proposal's state: the requests (交办异议, 延期) shown beside their decisions. */
  state: Answer<'/proposals/{id}'>['state'];
  onDone: () => void;
}

/** 理由: every decision of the committee gives one. */
function ReasonField() {
  const t = useT();
  return (
    <Form.Item name="reason" label={t('理由', 'Reason')} rules={required(t('请填写理由', 'Give the reason'))}>
      <Input.TextArea rows={2} />
    </Form.Item>
  );
}

interface AssignmentValues {
  mode: 'joint' | 'separate';
  lead?: string;
  coHandlers?: string[];
  assisting?: string[];
  units?: string[];
}

/** The assignment the form describes: 主办 with 会办 (and 协办), or units handling separately (分办). */
const assignmentOf = (v: AssignmentValues) =>
  v.mode === 'separate'
    ? { mode: 'separate' as const, units: v.units ?? [] }
    : { mode: 'joint' as const, lead: v.lead ?? '', coHandlers: v.coHandlers ?? [], ...(v.assisting?.length ? { assisting: v.assisting } : {}) };

/**
 * 主办 and 会办 picked by name from the directory (a unit has one role), and 协办 where the rules offer
 * it; or the units that handle it separately.
 */
function UnitFields({ assisting }: { assisting: boolean }) {
  const t = useT();
  return (
    <>
      <Form.Item name="mode" label={t('办理方式', 'Handling')}>
        <Radio.Group options={[{ value: 'joint', label: t('主办、会办', 'Lead and co-handlers') }, { value: 'separate', label: t('分办', 'Separately') }]} />
      </Form.Item>
      <Form.Item noStyle shouldUpdate={(a, b) => a.mode !== b.mode}>
        {({ getFieldValue }) => (getFieldValue('mode') === 'separate' ? <SeparateUnits /> : <JointUnits assisting={assisting} />)}
      </Form.Item>
    </>
  );
}

function SeparateUnits() {
  const t = useT();
  return (
    <Form.Item name="units" label={t('分办单位', 'Units handling separately')} rules={[{ required: true, type: 'array', min: 2, message: t('分办至少选择两个单位', 'Pick at least two units') }]}>
      <UnitPicker multiple />
    </Form.Item>
  );
}

/** A unit chosen in another role of the joint assignment. */
const notIn =
  (fields: string[], message: string) =>
  ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator: (_: unknown, v?: string[]) => {
      const taken = fields.flatMap((f) => [getFieldValue(f)].flat()).filter(Boolean);
      return v?.some((u) => taken.includes(u)) ? Promise.reject(new Error(message)) : Promise.resolve();
    },
  });

function JointUnits({ assisting }: { assisting: boolean }) {
  const t = useT();
  return (
    <>
      <Form.Item name="lead" label={t('主办单位', 'Lead unit')} rules={[{ required: true, message: t('请选择主办单位', 'Pick the lead unit') }]}>
        <UnitPicker />
      </Form.Item>
      <Form.Item
        name="coHandlers"
        label={t('会办单位', 'Co-handling units')}
        dependencies={['lead']}
        rules={[notIn(['lead'], t('主办单位不能同时会办', 'The lead unit cannot also co-handle'))]}
      >
        <UnitPicker multiple />
      </Form.Item>
      {assisting && (
        <Form.Item
          name="assisting"
          label={t('协办单位（只提意见，不会签）', 'Assisting units (an opinion, no countersign)')}
          dependencies={['lead', 'coHandlers']}
          rules={[notIn(['lead', 'coHandlers'], t('协办单位不能同时主办或会办', 'An assisting unit cannot also lead or co-handle'))]}
        >
          <UnitPicker multiple />
        </Form.Item>
      )}
    </>
  );
}

/** A request someone made that the committee grants or refuses, with a reason: the request shown above its decision. */
function RequestDecision({ title, request, path, yes: [yes, yesLabel], no, extra = {}, ...common }: { proposalId: string; onDone: () => void; title: string; request: string; path: ActionPath; yes: [string, string]; no?: [string, string]; extra?: object }) {
  const t = useT();
  const [noValue, noLabel] = no ?? ['refuse', t('不同意', 'Refuse')];
  return (
    <Card size="small" title={title}>
      <p>{request}</p>
      <ActionForm<{ decision: string; reason: string }> {...common} path={path} submitLabel={t('作出决定', 'Decide')} initialValues={{ decision: yes }} toBody={(v) => ({ ...extra, ...v })}>
        <Form.Item name="decision" label={t('决定', 'Decision')}>
          <Radio.Group options={[{ value: yes, label: yesLabel }, { value: noValue, label: noLabel }]} />
        </Form.Item>
        <ReasonField />
      </ActionForm>
    </Card>
  );
}

export default function CommitteeActions({ proposalId, offers, state, onDone }: CommitteeView) {
  const t = useT();
  const unitName = useUnitName();
  const leaders = useLeaders();
  const common = { proposalId, onDone };
  const card = (offer: Offer) => {
    const unit = offer.unitId ? { unitId: offer.unitId } : {};
    const of = offer.unitId ? `：${unitName(offer.unitId)}` : '';
    const key = `${offer.action}-${offer.unitId ?? ''}`;
    switch (offer.action) {
      case 'review':
        return (
          <Card key={key} size="small" title={t('审查', 'Review')}>
            <ActionForm<{ outcome: string; reason?: string; intoNumber?: number }>
              {...common}
              path="/proposals/{id}/registration"
              submitLabel={t('提交审查结果', 'Submit the review')}
              initialValues={{ outcome: 'register' }}
              toBody={(v) => ({ review: v.outcome === 'register' ? { outcome: 'register' } : v.outcome === 'merge' ? { outcome: 'merge', intoNumber: Number(v.intoNumber), reason: v.reason } : { outcome: v.outcome, reason: v.reason } })}
            >
              <SimilarProposals proposalId={proposalId} />
              <Form.Item name="outcome" label={t('审查结果', 'Outcome')}>
                <Radio.Group options={[{ value: 'register', label: '立案' }, { value: 'merge', label: '并案' }, { value: 'notRegister', label: '不予立案' }, { value: 'convertToReport', label: '转参考' }]} />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {({ getFieldValue }) =>
                  getFieldValue('outcome') !== 'register' && (
                    <>
                      {getFieldValue('outcome') === 'merge' && (
                        <Form.Item name="intoNumber" label={t('并入提案号', 'Merge into No.')} rules={[{ required: true, pattern: /^\d+$/, message: t('请填写提案号', 'Give the number') }]}>
                          <Input />
                        </Form.Item>
                      )}
                      <ReasonField />
                    </>
                  )
                }
              </Form.Item>
            </ActionForm>
          </Card>
        );
      case 'assign':
        return (
          <Card key={key} size="small" title={t('交办', 'Assign')}>
            <ActionForm<AssignmentValues> {...common} path="/proposals/{id}/assignment" submitLabel={t('交办', 'Assign')} initialValues={{ mode: 'joint' }} toBody={(v) => ({ assignment: assignmentOf(v) })}>
              <UnitSuggestions proposalId={proposalId} />
              <UnitFields assisting={offer.assisting ?? false} />
            </ActionForm>
          </Card>
        );
      case 'decideReassignment':
        return (
          <Card key={key} size="small" title={`${t('交办异议', 'Reassignment request')}${of}`}>
            <p>{state.reassignmentRequests[offer.unitId!]?.reason}</p>
            <ActionForm<AssignmentValues & { decision: string; reason: string }>
              {...common}
              path="/proposals/{id}/reassignment-decisions"
              submitLabel={t('作出决定', 'Decide')}
              initialValues={{ decision: 'keep', mode: 'joint' }}
              toBody={(v) => ({ unitId: offer.unitId, decision: v.decision === 'keep' ? { decision: 'keep', reason: v.reason } : { decision: 'reassign', reason: v.reason, assignment: assignmentOf(v) } })}
            >
              <Form.Item name="decision" label={t('决定', 'Decision')}>
                <Radio.Group options={(offer.decisions ?? []).map((d) => ({ value: d, label: d === 'keep' ? t('维持交办', 'Keep') : t('重新交办', 'Reassign') }))} />
              </Form.Item>
              <Form.Item noStyle shouldUpdate>
                {({ getFieldValue }) => getFieldValue('decision') === 'reassign' && <UnitFields assisting={offer.assisting ?? false} />}
              </Form.Item>
              <ReasonField />
            </ActionForm>
          </Card>
        );
      case 'reviewReply':
        return (
          <Card key={key} size="small" title={`${t('答复审核', 'Reply review')}${of}`}>
            <ActionForm<{ decision: string; correctedClass?: string; comments?: string }>
              {...common}
              path="/proposals/{id}/reply-review"
              submitLabel={t('提交审核意见', 'Submit the review')}
              initialValues={{ decision: 'accept' }}
              toBody={(v) => ({ ...unit, review: v.decision === 'accept' ? { decision: 'accept', ...(v.correctedClass ? { correctedClass: v.correctedClass } : {}), ...(v.comments ? { comments: v.comments } : {}) } : { decision: 'return', comments: v.comments } })}
            >
              <Form.Item name="decision" label={t('审核结果', 'Decision')}>
                <Radio.Group options={[{ value: 'accept', label: t('通过', 'Accept') }, { value: 'return', label: t('退回', 'Return') }]} />
              </Form.Item>
              <Form.Item name="correctedClass" label={t('更正答复类别', 'Corrected class')}>
                <ClassPicker classes={offer.classes} allowClear />
              </Form.Item>
              <Form.Item name="comments" label={t('意见', 'Comments')}>
                <Input.TextArea rows={2} />
              </Form.Item>
            </ActionForm>
          </Card>
        );
      case 'extendReplyDeadline':
        return (
          <Card key={key} size="small" title={`${t('延长答复期限', 'Extend the reply deadline')}${of}`}>
            <ActionForm<{ months: number; reason: string }> {...common} path="/proposals/{id}/deadline-extensions" submitLabel={t('延期', 'Extend')} initialValues={{ months: 1 }} toBody={(v) => ({ ...unit, months: v.months, reason: v.reason })}>
              <Form.Item name="months" label={t(`延长月数（至多 ${offer.maxMonths} 个月）`, `Months (at most ${offer.maxMonths})`)} rules={[{ required: true, message: t('请填写月数', 'Give the months') }]}>
                <InputNumber min={1} max={offer.maxMonths} />
              </Form.Item>
              <ReasonField />
            </ActionForm>
          </Card>
        );
      case 'decideExtension': {
        const request = state.tracks[offer.unitId!]?.extensionRequest;
        return (
          <RequestDecision
            key={key}
            {...common}
            title={`${t('延期申请', 'Extension request')}${of}`}
            request={t(`申请延长 ${request?.months} 个月：${request?.reason}`, `${request?.months} more month(s): ${request?.reason}`)}
            path="/proposals/{id}/extension-decisions"
            yes={['grant', t('同意延期', 'Grant')]}
            extra={unit}
          />
        );
      }
      case 'decideWithdrawal':
        return (
          <RequestDecision
            key={key}
            {...common}
            title={t('撤案申请', 'Withdrawal request')}
            request={t(`撤案理由：${state.withdrawalRequest?.reason}`, `Why: ${state.withdrawalRequest?.reason}`)}
            path="/proposals/{id}/withdrawal-decisions"
            yes={['consent', t('同意撤案', 'Consent')]}
          />
        );
      case 'decideObjection':
        return (
          <RequestDecision
            key={key}
            {...common}
            title={t('不立案异议', 'Objection to 不立案')}
            request={t(`提案人异议：${state.objection?.reason}`, `The proposer objects: ${state.objection?.reason}`)}
            path="/proposals/{id}/review-objection-decisions"
            yes={['register', t('复核后予以立案', 'Register it')]}
            no={['keep', t('维持不予立案', 'Keep 不立案')]}
          />
        );
      case 'markKey':
        return (
          <Card key={key} size="small" title={t('列为重点提案', 'Mark as a key proposal')}>
            <ActionForm<{ leaders: string[]; memberInCharge: string; reason: string }> {...common} path="/proposals/{id}/key-proposal" submitLabel={t('列为重点提案', 'Mark it key')} toBody={(v) => v}>
              <Form.Item name="leaders" label={t('领衔督办领导', 'Supervising leaders')} rules={[{ required: true, message: t('请选择领衔督办领导', 'Pick the leaders') }]}>
                <Select mode="multiple" options={leaders.map((l) => ({ value: l.id, label: l.name }))} optionFilterProp="label" />
              </Form.Item>
              <Form.Item name="memberInCharge" label={t('责任委员', 'Member in charge')} rules={required(t('请填写责任委员', 'Name the member in charge'))}>
                <Input />
              </Form.Item>
              <ReasonField />
            </ActionForm>
          </Card>
        );
      case 'recordSupervisionMeeting':
        return <SupervisionMeetingCard key={key} {...common} />;
      case 'releaseCountersign':
        return (
          <Card key={key} size="small" title={`${t('逾期未会签', 'Overdue countersign')}${of}`}>
            <ActionForm<{ reason: string }> {...common} path="/proposals/{id}/countersign-releases" submitLabel={t('免予会签', 'Go on without it')} toBody={(v) => ({ unitId: offer.unitId, reason: v.reason })}>
              <ReasonField />
            </ActionForm>
          </Card>
        );
      case 'decideRehandling':
        return (
          <Card key={key} size="small" title={`${t('不满意答复的处理', 'An unsatisfied rating')}${of}`}>
            <ActionForm<{ decision: string; note: string }> {...common} path="/proposals/{id}/rehandling-decisions" submitLabel={t('作出决定', 'Decide')} initialValues={{ decision: 'sendBack' }} toBody={(v) => ({ ...unit, ...v })}>
              <Form.Item name="decision" label={t('决定', 'Decision')}>
                <Radio.Group options={[{ value: 'sendBack', label: t('退回重新办理', 'Send back for re-handling') }, { value: 'acceptRating', label: t('认可评价，不再重办', 'Accept the rating') }]} />
              </Form.Item>
              <Form.Item name="note" label={t('说明', 'Note')} rules={required(t('请填写说明', 'Write a note'))}>
                <Input.TextArea rows={2} />
              </Form.Item>
            </ActionForm>
          </Card>
        );
      case 'recordConsultation':
        return (
          <Card key={key} size="small" title={`${t('当面协商', 'Consultation')}${of}`}>
            <ActionForm<{ occurredAt: Dayjs; summary: string }> {...common} path="/proposals/{id}/consultation" submitLabel={t('记录协商', 'Record it')} toBody={(v) => ({ ...unit, occurredAt: v.occurredAt.toISOString(), summary: v.summary })}>
              <Form.Item name="occurredAt" label={t('时间', 'When')} rules={[{ required: true, message: t('请选择时间', 'Pick the time') }]}>
                <DatePicker showTime />
              </Form.Item>
              <Form.Item name="summary" label={t('协商情况', 'Summary')} rules={required(t('请填写协商情况', 'Write a summary'))}>
                <Input.TextArea rows={3} />
              </Form.Item>
            </ActionForm>
          </Card>
        );
      case 'closeCommitment':
        return (
          <Card key={key} size="small" title={`${t('承诺无法兑现的认定', 'Undeliverable commitments')}${of}`}>
            <ActionForm<{ commitmentNo: number; decision: string; reason: string }> {...common} path="/proposals/{id}/commitment-closures" submitLabel={t('提交认定', 'Decide')} initialValues={{ decision: 'accept' }} toBody={(v) => ({ ...unit, ...v })}>
              <CommitmentField commitments={offer.commitments ?? []} />
              <Form.Item name="decision" label={t('认定', 'Decision')}>
                <Radio.Group options={[{ value: 'accept', label: t('同意', 'Accept') }, { value: 'reject', label: t('不同意', 'Reject') }]} />
              </Form.Item>
              <ReasonField />
            </ActionForm>
          </Card>
        );
      case 'recordLookBack':
        return <TextAction key={key} {...common} title={t('回头看', 'Look back')} path="/proposals/{id}/look-backs" submitLabel={t('记录回头看', 'Record it')} field="summary" label={t('承诺事项落实情况', 'How the commitments stand')} missing={t('请填写回头看情况', 'Write what was found')} rows={3} />;
      default:
        return null;
    }
  };
  return <>{offers.map(card)}</>;
}
