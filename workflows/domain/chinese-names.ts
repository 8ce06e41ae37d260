/**
 * The Chinese names of duties, ratings and audiences, as the timeline, the committee's documents
 * and reports and the console write them: apart from the vocabulary's schemas so a browser bundle
 * can take the names without zod.
 */
import type { AlertKind, Audience, CommitmentStatus, DutyKind, Rating } from './vocabulary';

export const DUTY_NAME_ZH: Record<DutyKind, string> = {
  reassignmentWindow: '交办异议',
  coHandlerOpinion: '会办意见',
  contactBeforeHandling: '办前面商',
  countersign: '会签',
  reply: '答复',
  evaluation: '答复评价',
  rehandlingDecision: '重新办理决定',
  consultation: '当面协商',
  handlingPlan: '重点提案办理方案',
  publicationDecision: '答复公开',
  followUpReport: '承诺事项跟踪办理情况报告',
  annualSummary: '承诺事项年度办理情况总结',
  commitmentDelivery: '承诺事项兑现',
  lookBack: '回头看',
  reviewObjection: '不立案异议',
  objectionReview: '不立案异议复核',
};

/** A unit's part in an assignment (`unitRole`). */
export const ROLE_NAME_ZH = { lead: '主办', coHandler: '会办', assisting: '协办', separate: '分办' } as const;

export const RATING_NAME_ZH: Record<Rating, string> = { satisfied: '满意', basicallySatisfied: '基本满意', unsatisfied: '不满意' };

export const AUDIENCE_NAME_ZH: Record<Audience, string> = { officer: '经办人', proposer: '提案人', unitHead: '单位负责人', committee: '提案委员会', assessment: '年度考核' };

export const ALERT_KIND_ZH: Record<AlertKind, string> = { warning: '临期提醒', overdue: '逾期提醒', escalation: '督办升级' };

export const COMMITMENT_STATUS_ZH: Record<CommitmentStatus, string> = { open: '跟踪办理中', delivered: '已兑现', declaredUndeliverable: '申请认定无法兑现', undeliverable: '认定无法兑现', lapsed: '已终止' };
