/** The committee's session picker: the sessions there are proposals of, the latest chosen until another is picked. */
import { useEffect, useState } from 'react';
import { type Answer, api } from './api/client';

export function useCommitteeSessions() {
  const [sessions, setSessions] = useState<Answer<'/supervision/sessions'>>([]);
  const [session, setSession] = useState<string>();
  useEffect(() => {
    void api.GET('/supervision/sessions').then(({ data }) => {
      setSessions(data ?? []);
      setSession((chosen) => chosen ?? data?.[0]?.id);
    });
  }, []);
  return { sessions, session, setSession };
}
