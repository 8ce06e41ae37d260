/** Chinese by default, English as a switch; dates and times always in Beijing time. */
import { createContext, useCallback, useContext, useMemo } from 'react';
import { DUTY_NAME_ZH } from '../../../workflows/domain/chinese-names';

export type Lang = 'zh' | 'en';
export const LangContext = createContext<{ lang: Lang; setLang: (l: Lang) => void }>({ lang: 'zh', setLang: () => undefined });

/** The reader's language. */
export const useLang = () => useContext(LangContext).lang;

/** The phrase in the reader's language: `t('提案列表', 'Proposals')`. The same function until the language changes (effects depend on it). */
export function useT() {
  const { lang } = useContext(LangContext);
  return useCallback((zh: string, en: string) => (lang === 'zh' ? zh : en), [lang]);
}

const DATE = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
const TIME = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
export const shanghaiDate = (at: string | null | undefined) => (at ? DATE.format(new Date(at)) : '—');
/** A duty's due date from its instant, which is the start of the day after it. */
export const dueDateOf = (at: string | null | undefined) => (at ? DATE.format(new Date(Date.parse(at) - 1)) : '—');
export const shanghaiTime = (at: string | null | undefined) => (at ? TIME.format(new Date(at)) : '—');

export const STAGE_ZH: Record<string, string> = {
  filed: '已受理',
  registered: '已立案',
  notRegistered: '不予立案',
  merged: '已并案',
  convertedToReport: '转参考',
  drafting: '办理中',
  countersigning: '会签中',
  drafted: '答复待送审',
  underReview: '审核中',
  approved: '待答复',
  replied: '已答复',
  rehandlingDecision: '待定重新办理',
  consultation: '协商中',
  followUp: '跟踪落实',
  done: '承诺已落实',
  closed: '已办结',
  withdrawn: '已撤案',
};
/** Duty names, as the documents and reports write them. */
export const DUTY_ZH: Record<string, string> = DUTY_NAME_ZH;

/** In English the vocabulary's own words read well enough: coHandlerOpinion → co handler opinion. */
const words = (id: string) => id.replace(/([A-Z])/g, ' $1').toLowerCase();

/** A duty's and a stage's name in the reader's language. */
export function useNames() {
  const t = useT();
  return useMemo(() => ({ duty: (kind: string) => t(DUTY_ZH[kind] ?? kind, words(kind)), stage: (stage: string) => t(STAGE_ZH[stage] ?? stage, words(stage)) }), [t]);
}
