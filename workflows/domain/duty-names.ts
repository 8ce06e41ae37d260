/**
 * What each duty is called in Chinese, in the committee's documents, reports and the console:
 * apart from the vocabulary's schemas so a browser bundle can take the names without zod.
 */
import type { DutyKind } from './vocabulary';

export const DUTY_NAME_ZH: Record<DutyKind, string> = {
  reassignmentWindow: '交办异议',
  coHandlerOpinion: '会办意见',
  contactBeforeHandling: '办前面商',
  countersign: '会签',
  reply: '答复',
  evaluation: '答复评价',
  rehandlingDecision: '重新办理决定',
  followUpReport: '承诺事项跟踪办理情况报告',
  annualSummary: '承诺事项年度办理情况总结',
  commitmentDelivery: '承诺事项兑现',
  lookBack: '回头看',
};
