/**
 * An action on a proposal as a form: validated before it is sent, applied once however often the
 * same content is sent again (one Idempotency-Key per content: a changed form is a new request),
 * and on refusal the API's reason shown in words while the form keeps what was typed.
 */
import { Alert, Button, Card, Form, type FormProps, Input, Select, Typography } from 'antd';
import { type ReactNode, useId, useRef, useState } from 'react';
import { type Problem, api } from '../api/client';
import type { paths } from '../api/schema';
import type { Answer } from '../api/client';
import { useLang, useT } from '../i18n';
import { problemMessage } from '../problem';

/** Every action the document lists: POST /proposals/{id}/… */
export type ActionPath = { [P in keyof paths]: P extends `/proposals/{id}/${string}` ? (paths[P] extends { post: object } ? P : never) : never }[keyof paths];

export function ActionForm<T extends object>({ proposalId, path, toBody, children, submitLabel, onDone, initialValues, onValuesChange }: { proposalId: string; path: ActionPath; toBody: (values: T) => object; children: ReactNode; submitLabel: string; onDone: () => void; initialValues?: FormProps['initialValues']; onValuesChange?: FormProps<T>['onValuesChange'] }) {
  const t = useT();
  const lang = useLang();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const sent = useRef<{ body: string; key: string }>(undefined);
  // Two forms on a page may share field names (a commitment's number): the form's own name keeps their ids, and so their labels, apart.
  const name = `f${useId().replace(/\W/g, '')}`;
  const submit = async (values: T) => {
    const body = toBody(values);
    if (sent.current?.body !== JSON.stringify(body)) sent.current = { body: JSON.stringify(body), key: crypto.randomUUID() };
    setBusy(true);
    setError(undefined);
    const { data, error: problem } = await api.POST(path, { params: { path: { id: proposalId }, header: { 'Idempotency-Key': sent.current.key } }, body: body as never });
    setBusy(false);
    if (!data) return setError(problemMessage(problem as Problem | undefined, lang));
    sent.current = undefined;
    onDone();
  };
  return (
    <Form<T> name={name} layout="vertical" onFinish={submit} initialValues={initialValues} onValuesChange={onValuesChange}>
      {error && <Alert type="error" showIcon message={t('未能办理', 'Refused')} description={error} style={{ marginBottom: 12 }} role="alert" />}
      {children}
      <Button type="primary" htmlType="submit" loading={busy}>
        {submitLabel}
      </Button>
    </Form>
  );
}

/** An action the rules let the signed-in person take now, with the choices its form may offer. */
export type Offer = Answer<'/proposals/{id}'>['allowedActions'][number];

/** A reply class of the proposal's own scheme, shown with its wording. */
export function ClassPicker({ classes = [], ...props }: { classes?: { code: string; label: string }[]; allowClear?: boolean; id?: string; value?: string; onChange?: (v: string) => void }) {
  return <Select {...props} style={{ minWidth: 80 }} popupMatchSelectWidth={false} options={classes.map((c) => ({ value: c.code, label: c.code, title: c.label }))} optionRender={(o) => `${o.value}：${(o.data as { title: string }).title}`} />;
}

/** A text that must be written, and not only spaces. */
export const required = (message: string) => [{ required: true, whitespace: true, message }];

/** 承诺事项: one of `commitments` picked by its number and title. */
export function CommitmentField({ commitments }: { commitments: { no: number; title: string }[] }) {
  const t = useT();
  return (
    <Form.Item name="commitmentNo" label={t('承诺事项', 'Commitment')} rules={[{ required: true, message: t('请选择承诺事项', 'Pick the commitment') }]}>
      <Select options={commitments.map((c) => ({ value: c.no, label: `${c.no}. ${c.title}` }))} />
    </Form.Item>
  );
}

/** The commonest action: a card with one text to write (a reason, an opinion, a summary), sent as `{ [field]: text }`. */
export function TextAction({ title, hint, field, label, missing, rows = 3, ...form }: { proposalId: string; path: ActionPath; submitLabel: string; onDone: () => void; title: string; hint?: string; field: string; label: string; missing: string; rows?: number }) {
  return (
    <Card size="small" title={title}>
      <ActionForm<Record<string, string>> {...form} toBody={(v) => ({ [field]: v[field] })}>
        {hint && <Typography.Paragraph>{hint}</Typography.Paragraph>}
        <Form.Item name={field} label={label} rules={required(missing)}>
          <Input.TextArea rows={rows} />
        </Form.Item>
      </ActionForm>
    </Card>
  );
}
