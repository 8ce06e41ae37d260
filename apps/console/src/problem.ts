/**
 * A refusal from the API as a sentence people read, in the console's language: in Chinese each
 * problem type's own sentence and the fields at fault; in English the API's title and detail.
 */
import type { Problem } from './api/client';
import type { Lang } from './i18n';

const MESSAGES: Record<string, string> = {
  'sign-in-failed': '账号或密码错误',
  'account-locked': '连续多次登录失败，账号已锁定，请稍后再试或联系提案委员会重置密码',
  'too-many-attempts': '登录尝试过于频繁，请稍后再试',
  'csrf-token': '页面已过期，请刷新后重试',
  unauthorized: '登录已失效，请重新登录',
  forbidden: '当前角色无权进行此操作',
  wrongUnit: '本单位不是该提案的承办单位，无权办理',
  wrongStage: '提案当前所处环节不能进行此操作',
  notReady: '前置环节尚未完成',
  windowClosed: '办理时限已过，不能再提出',
  alreadyDone: '此事项已经办理',
  invalid: '填写的内容不符合办理规则',
  notFound: '未找到相应的内容',
  'proposal-not-found': '未找到该提案，或无权查看',
  'proposal-finished': '该提案已办结',
  'invalid-input': '填写的内容有误',
  'in-progress': '上一次提交仍在处理中，请稍候',
  'temporal-unavailable': '流程服务暂时不可用，请稍后重试',
  'not-completed': '操作尚未完成，请稍后重试',
  'database-unavailable': '数据库暂时不可用，请稍后重试',
  'merge-target': '只能并入本届会议已立案的提案',
  'unknown-unit': '所选单位不在单位名录中',
  'invalid-encoding': '提交的内容编码有误',
  'malformed-json': '提交的内容格式有误',
  'payload-too-large': '提交的内容过大',
  'idempotency-key-reused': '同一请求标识已用于不同的内容，请刷新后重试',
  'unreadable-file': '无法读取上传的文件',
  'person-not-found': '未找到该人员',
  'not-found': '未找到相应的内容',
  'unknown-leader': '所选领导不在人员名录中',
  'invalid-selection': '所选提案未立案或不属本届次，或所选单位未承办本届次提案',
  'no-session': '本届次尚无提案',
  'no-summary-asked': '提案委员会尚未通知报送该年度总结',
};

export function problemMessage(p: Problem | undefined, lang: Lang): string {
  if (!p) return lang === 'zh' ? '请求失败' : 'The request failed';
  const code = p.type.replace(/^urn:proposals:problem:/, '');
  if (lang === 'en') {
    const fields = p.errors?.map((e) => `${e.path}: ${e.message}`).join('; ');
    return `${p.title}${p.detail ? ` (${p.detail})` : ''}${fields ? `: ${fields}` : ''}`;
  }
  const fields = [...new Set(p.errors?.map((e) => e.path).filter(Boolean))].join('、');
  return `${MESSAGES[code] ?? '未能办理，请检查后重试'}${fields ? `（字段：${fields}）` : ''}`;
}
