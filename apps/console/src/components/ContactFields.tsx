/** How a person is reached (email, mobile, channels, quiet hours), as fields of a form: a person's own settings and the committee's 人员与单位 alike. */
import { Checkbox, Form, Input, Space, Switch } from 'antd';
import type { Answer } from '../api/client';
import { useT } from '../i18n';

export type Contact = Answer<'/me/contact'>;
/** The form's values: quiet hours as a switch and two times. */
export interface ContactValues {
  email?: string;
  mobile?: string;
  channels: ('email' | 'sms')[];
  quiet: boolean;
  quietFrom?: string;
  quietTo?: string;
}

export const toValues = (c: Contact | undefined): ContactValues => ({
  email: c?.email ?? '',
  mobile: c?.mobile ?? '',
  channels: c?.channels ?? ['email'],
  quiet: Boolean(c?.quietHours),
  quietFrom: c?.quietHours?.from ?? '22:00',
  quietTo: c?.quietHours?.to ?? '07:30',
});

export const fromValues = (v: ContactValues): Contact => ({
  email: v.email?.trim() || null,
  mobile: v.mobile?.trim() || null,
  channels: v.channels,
  quietHours: v.quiet ? { from: v.quietFrom!, to: v.quietTo! } : null,
});

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The fields, under `name` in the form (e.g. ['contact']) or at its top. */
export function ContactFields({ name = [] }: { name?: string[] }) {
  const t = useT();
  const at = (field: string) => [...name, field];
  return (
    <>
      <Form.Item name={at('email')} label={t('电子邮箱', 'Email')} rules={[{ type: 'email', message: t('请填写有效的邮箱地址', 'Give an email address') }]}>
        <Input autoComplete="email" />
      </Form.Item>
      <Form.Item name={at('mobile')} label={t('手机号码', 'Mobile')} rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('请填写 11 位手机号码', 'Give an 11-digit mobile number') }]}>
        <Input autoComplete="tel" />
      </Form.Item>
      <Form.Item name={at('channels')} label={t('接收方式', 'Channels')}>
        <Checkbox.Group options={[{ value: 'email', label: t('电子邮件', 'Email') }, { value: 'sms', label: t('短信', 'SMS') }]} />
      </Form.Item>
      <Form.Item name={at('quiet')} label={t('免打扰时段（北京时间，督办升级除外）', 'Quiet hours (Beijing time; escalations still reach you)')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item noStyle shouldUpdate>
        {({ getFieldValue }) =>
          getFieldValue(at('quiet')) && (
            <Space style={{ display: 'flex' }}>
              <Form.Item name={at('quietFrom')} label={t('自', 'From')} rules={[{ required: true, pattern: CLOCK, message: t('时:分，如 22:00', 'HH:MM, e.g. 22:00') }]}>
                <Input style={{ width: 100 }} />
              </Form.Item>
              <Form.Item name={at('quietTo')} label={t('至', 'To')} rules={[{ required: true, pattern: CLOCK, message: t('时:分，如 07:30', 'HH:MM, e.g. 07:30') }]}>
                <Input style={{ width: 100 }} />
              </Form.Item>
            </Space>
          )
        }
      </Form.Item>
    </>
  );
}
