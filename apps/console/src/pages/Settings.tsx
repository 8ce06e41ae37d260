/** 通知设置: how I am reached outside the console, set by myself. */
import { Alert, Button, Card, Form, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { type Problem, api } from '../api/client';
import { ContactFields, type ContactValues, fromValues, toValues } from '../components/ContactFields';
import { useLang, useT } from '../i18n';
import { problemMessage } from '../problem';

export default function Settings() {
  const t = useT();
  const lang = useLang();
  const [form] = Form.useForm<ContactValues>();
  const [loaded, setLoaded] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string }>();
  useEffect(() => {
    void api.GET('/me/contact').then(({ data }) => {
      form.setFieldsValue(toValues(data));
      setLoaded(true);
    });
  }, [form]);
  const save = async (values: ContactValues) => {
    const { error, response } = await api.PUT('/me/contact', { body: fromValues(values) });
    setOutcome(response.ok ? { ok: true, text: t('已保存', 'Saved') } : { ok: false, text: problemMessage(error as Problem | undefined, lang) });
  };
  return (
    <Card title={<Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>{t('通知设置', 'Notifications')}</Typography.Title>} style={{ maxWidth: 640 }}>
      <Typography.Paragraph type="secondary">
        {t('临期、逾期提醒和每日待办将按以下方式发送给您；免打扰时段内只发送督办升级通知，其余顺延至时段结束后发送。', 'Due-soon and overdue alerts and the daily digest reach you so; in quiet hours only escalations are sent, the rest wait until they end.')}
      </Typography.Paragraph>
      {outcome && <Alert type={outcome.ok ? 'success' : 'error'} showIcon message={outcome.text} role={outcome.ok ? 'status' : 'alert'} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={save} disabled={!loaded} onValuesChange={() => setOutcome(undefined)}>
        <ContactFields />
        <Button type="primary" htmlType="submit">
          {t('保存', 'Save')}
        </Button>
      </Form>
    </Card>
  );
}
