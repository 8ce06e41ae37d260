/**
 * 登录: account and password; a refusal is said in words and the form keeps what was typed. As a
 * page when nobody is signed in, and over the page when a session ends, so what was typed in the
 * page's forms is still there after signing in again.
 */
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useContext, useState } from 'react';
import { type Problem, api, setCsrfToken } from '../api/client';
import { useLang, useT } from '../i18n';
import { problemMessage } from '../problem';
import { SessionContext, type Signed } from '../session';

export function SignInForm({ account }: { account?: string }) {
  const t = useT();
  const lang = useLang();
  const { signedIn } = useContext(SessionContext);
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (values: { account: string; password: string }) => {
    // The last attempt's message goes while this one is sent: what shows is always this attempt's answer.
    setError(undefined);
    setBusy(true);
    const { data, error: problem } = await api.POST('/session', { body: values });
    setBusy(false);
    if (!data) return setError(problemMessage(problem as Problem | undefined, lang));
    setCsrfToken(data.csrfToken);
    signedIn({ ...data.principal, temporalWorkflows: data.temporalWorkflows } as Signed);
  };
  return (
    <>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ account }}>
        <Form.Item label={t('账号', 'Account')} name="account" rules={[{ required: true, message: t('请输入账号', 'Enter the account') }]}>
          <Input autoComplete="username" />
        </Form.Item>
        <Form.Item label={t('密码', 'Password')} name="password" rules={[{ required: true, message: t('请输入密码', 'Enter the password') }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('登录', 'Sign in')}
        </Button>
      </Form>
    </>
  );
}

export default function SignIn() {
  const t = useT();
  return (
    <main style={{ display: 'flex', justifyContent: 'center', paddingTop: '12vh' }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={1} style={{ fontSize: 22 }}>
          {t('提案办理工作台', 'Proposal handling')}
        </Typography.Title>
        <SignInForm />
      </Card>
    </main>
  );
}
