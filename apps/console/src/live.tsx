/**
 * Live pages: one EventSource on `GET /alerts/stream` (the session cookie goes with it) for the
 * whole console; each alert is announced, and every page that shows data reloads it.
 */
import { App } from 'antd';
import { createContext, useContext, useEffect, useState } from 'react';
import { useNames, useT } from './i18n';

interface StreamedAlert {
  kind: 'warning' | 'overdue' | 'escalation';
  dutyKind: string;
  unitId: string | null;
  dueDate: string;
}

const LiveContext = createContext(0);
/** A number that changes whenever an alert arrives: put it in a loading effect's dependencies. */
export const useLive = () => useContext(LiveContext);

/** `session` changes when someone signs in again: the stream the ended session had is closed by then. */
export function LiveProvider({ session, children }: { session: number; children: React.ReactNode }) {
  const t = useT();
  const names = useNames();
  const { notification } = App.useApp();
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const source = new EventSource('/alerts/stream');
    source.addEventListener('alert', (e) => {
      const a = JSON.parse((e as MessageEvent<string>).data) as StreamedAlert;
      const what = { warning: t('临期提醒', 'Due soon'), overdue: t('逾期提醒', 'Overdue'), escalation: t('督办升级', 'Escalated') }[a.kind];
      notification.warning({ message: what, description: `${names.duty(a.dutyKind)} ${a.unitId ?? ''} ${t('期限', 'due')} ${a.dueDate}`, placement: 'bottomRight' });
      setTick((n) => n + 1);
    });
    return () => source.close();
  }, [notification, t, names, session]);
  return <LiveContext.Provider value={tick}>{children}</LiveContext.Provider>;
}
