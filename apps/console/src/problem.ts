/** A refusal from the API as a sentence people read: each problem type mapped, the API's detail kept. */
import type { Problem } from './api/client';

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
};

export function problemMessage(p: Problem | undefined): string {
  if (!p) return '请求失败';
  const code = p.type.replace(/^urn:proposals:problem:/, '');
  const fields = p.errors?.map((e) => `${e.path}：${e.message}`).join('；');
  return `${MESSAGES[code] ?? p.title}${p.detail ? `（${p.detail}）` : ''}${fields ? `：${fields}` : ''}`;
}
