/**
 * An action on a proposal as a form: validated before it is sent, sent once per submission (its
 * Idempotency-Key kept for retries of that submission), and on refusal the API's reason shown in
 * words while the form keeps what was typed.
 */
import { Alert, Button, Form, type FormProps } from 'antd';
import { type ReactNode, useRef, useState } from 'react';
import { type Problem, api } from '../api/client';
import { useT } from '../i18n';
import { problemMessage } from '../problem';

type ActionPath = '/proposals/{id}/registration' | '/proposals/{id}/assignment' | '/proposals/{id}/evaluation' | '/proposals/{id}/countersign' | '/proposals/{id}/opinions';

export function ActionForm<T extends object>({ proposalId, path, toBody, children, submitLabel, onDone, initialValues }: { proposalId: string; path: ActionPath; toBody: (values: T) => object; children: ReactNode; submitLabel: string; onDone: () => void; initialValues?: FormProps['initialValues'] }) {
  const t = useT();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const key = useRef(crypto.randomUUID());
  const submit = async (values: T) => {
    setBusy(true);
    setError(undefined);
    const { data, error: problem } = await api.POST(path, { params: { path: { id: proposalId }, header: { 'Idempotency-Key': key.current } }, body: toBody(values) as never });
    setBusy(false);
    if (!data) return setError(problemMessage(problem as Problem | undefined));
    key.current = crypto.randomUUID();
    onDone();
  };
  return (
    <Form<T> layout="vertical" onFinish={submit} initialValues={initialValues}>
      {error && <Alert type="error" showIcon message={t('未能办理', 'Refused')} description={error} style={{ marginBottom: 12 }} role="alert" />}
      {children}
      <Button type="primary" htmlType="submit" loading={busy}>
        {submitLabel}
      </Button>
    </Form>
  );
}
