/** 人员与单位: the committee adds, edits and deactivates units and people, sets how each is reached and resets passwords. */
import { Alert, Button, Form, Input, Modal, Radio, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { type Answer, type Problem, api } from '../api/client';
import { shanghaiTime, useLang, useT } from '../i18n';
import { problemMessage } from '../problem';
import { reloadUnits } from '../units';
import { useOlderPages } from '../components/OlderPages';
import { type Contact, ContactFields, type ContactValues, fromValues, toValues } from '../components/ContactFields';

type Directory = Answer<'/directory'>;
type Head = Directory['units'][number]['head'];
type Editing =
  | { what: 'unit'; id?: string; values?: { name: string; kind: string; head?: Head | null; responsibilities?: string | null } }
  | { what: 'person'; id?: string; values?: { name: string; role: string; unitId?: string | null; active: boolean; contact?: Contact } }
  | { what: 'password'; id: string };

const ROLE_ZH: Record<string, string> = { committee: '提案委员会', officer: '承办单位经办人', proposer: '政协委员', leader: '领衔督办领导', supervisionOffice: '政府督查室' };

export default function People() {
  const t = useT();
  const lang = useLang();
  const [directory, setDirectory] = useState<Directory>();
  const [editing, setEditing] = useState<Editing>();
  const [error, setError] = useState<string>();
  const load = useCallback(() => void api.GET('/directory').then(({ data }) => setDirectory(data)), []);
  useEffect(load, [load]);

  const save = async (values: Record<string, unknown>) => {
    if (!editing) return;
    const id = (editing.id ?? values.id) as string;
    const { error: problem, response } =
      editing.what === 'unit'
        ? await api.PUT('/directory/units/{id}', { params: { path: { id } }, body: { name: values.name as string, kind: values.kind as 'bureau', head: headOf(values.head as Record<string, string> | undefined), responsibilities: (values.responsibilities as string | undefined)?.trim() || null } })
        : editing.what === 'person'
          ? await api.PUT('/directory/people/{id}', {
              params: { path: { id } },
              body: { ...(values.role === 'officer' ? { role: 'officer', name: values.name, unitId: values.unitId } : { role: values.role, name: values.name }), active: values.active, contact: fromValues(values.contact as ContactValues) } as never,
            })
          : await api.PUT('/directory/people/{id}/password', { params: { path: { id } }, body: { password: values.password as string } });
    if (!response.ok) return setError(problemMessage(problem as Problem | undefined, lang));
    setEditing(undefined);
    setError(undefined);
    if (editing.what === 'unit') void reloadUnits();
    load();
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('人员与单位', 'People and units')}
      </Typography.Title>
      <Table
        size="small"
        rowKey="id"
        title={() => (
          <Space>
            <Typography.Text strong>{t('单位', 'Units')}</Typography.Text>
            <Button size="small" onClick={() => setEditing({ what: 'unit' })}>
              {t('新增单位', 'Add a unit')}
            </Button>
          </Space>
        )}
        dataSource={directory?.units}
        pagination={false}
        columns={[
          { title: t('编号', 'ID'), dataIndex: 'id' },
          { title: t('名称', 'Name'), dataIndex: 'name' },
          { title: t('主要负责人', 'Head'), render: (_, u) => (u.head ? [u.head.name, u.head.email, u.head.mobile].filter(Boolean).join('，') : '—') },
          { title: t('职责', 'Responsibilities'), render: (_, u) => (u.responsibilities ? <Typography.Text ellipsis={{ tooltip: u.responsibilities }} style={{ maxWidth: 280 }}>{u.responsibilities}</Typography.Text> : '—') },
          {
            title: t('机构改革', 'Reorganisation'),
            render: (_, u) => (u.successorId ? <Tag>{t(`由 ${directory?.units.find((x) => x.id === u.successorId)?.name ?? u.successorId} 承继`, `succeeded by ${u.successorId}`)}</Tag> : '—'),
          },
          { title: '', render: (_, u) => <Button size="small" onClick={() => setEditing({ what: 'unit', id: u.id, values: u })}>{t('编辑', 'Edit')}</Button> },
        ]}
      />
      <Table
        size="small"
        rowKey="id"
        title={() => (
          <Space>
            <Typography.Text strong>{t('人员', 'People')}</Typography.Text>
            <Button size="small" onClick={() => setEditing({ what: 'person' })}>
              {t('新增人员', 'Add a person')}
            </Button>
          </Space>
        )}
        dataSource={directory?.people}
        pagination={false}
        columns={[
          { title: t('账号', 'Account'), dataIndex: 'id' },
          { title: t('姓名', 'Name'), dataIndex: 'name' },
          { title: t('角色', 'Role'), render: (_, p) => t(ROLE_ZH[p.role] ?? p.role, p.role) },
          { title: t('单位', 'Unit'), render: (_, p) => p.unitId ?? '—' },
          { title: t('联系方式', 'Reached by'), render: (_, p) => [p.contact.channels.includes('email') && p.contact.email, p.contact.channels.includes('sms') && p.contact.mobile].filter(Boolean).join('；') || '—' },
          { title: t('状态', 'Status'), render: (_, p) => <Space>{p.active ? <Tag>{t('在用', 'Active')}</Tag> : <Tag color="#434343">{t('已停用', 'Deactivated')}</Tag>}{p.locked && <Tag color="#a8071a">{t('已锁定', 'Locked')}</Tag>}{!p.hasPassword && <Tag>{t('未设密码', 'No password')}</Tag>}</Space> },
          {
            title: '',
            render: (_, p) => (
              <Space>
                <Button size="small" onClick={() => setEditing({ what: 'person', id: p.id, values: p })}>{t('编辑', 'Edit')}</Button>
                <Button size="small" onClick={() => setEditing({ what: 'password', id: p.id })}>{t('重置密码', 'Reset password')}</Button>
              </Space>
            ),
          },
        ]}
      />
      <AuditTrail />
      <Modal open={Boolean(editing)} title={editing && { unit: t('单位', 'Unit'), person: t('人员', 'Person'), password: t(`重置 ${editing.id} 的密码`, `New password for ${editing.id}`) }[editing.what]} footer={null} onCancel={() => (setEditing(undefined), setError(undefined))} destroyOnHidden>
        {error && <Alert type="error" showIcon message={error} role="alert" style={{ marginBottom: 12 }} />}
        <Form layout="vertical" onFinish={save} initialValues={initialValues(editing)}>
          {!editing?.id && (
            <Form.Item name="id" label={t('编号（账号）', 'ID (account)')} rules={[{ required: true, pattern: /^[a-z0-9][a-z0-9-]{0,62}$/, message: t('小写字母、数字或连字符', 'Lowercase letters, digits or hyphens') }]}>
              <Input />
            </Form.Item>
          )}
          {editing?.what === 'password' ? (
            <Form.Item name="password" label={t('新密码', 'New password')} rules={[{ required: true, min: 10, message: t('至少 10 个字符', 'At least 10 characters') }]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
          ) : (
            <>
              <Form.Item name="name" label={t('名称 / 姓名', 'Name')} rules={[{ required: true, whitespace: true, message: t('请填写名称', 'Give the name') }]}>
                <Input />
              </Form.Item>
              {editing?.what === 'unit' ? (
                <>
                  <Form.Item name="kind" label={t('类型', 'Kind')}>
                    <Radio.Group options={[{ value: 'bureau', label: t('承办单位', 'Bureau') }, { value: 'committee', label: t('提案委员会', 'Committee') }]} />
                  </Form.Item>
                  <Typography.Text strong>{t('主要负责人（接收催办通知书）', 'Head (receives the supervision notice)')}</Typography.Text>
                  <Space wrap>
                    <Form.Item name={['head', 'name']} label={t('姓名或职务', 'Name or title')}>
                      <Input />
                    </Form.Item>
                    <Form.Item name={['head', 'email']} label={t('电子邮箱', 'Email')} rules={[{ type: 'email', message: t('请填写有效的邮箱地址', 'Give an email address') }]}>
                      <Input />
                    </Form.Item>
                    <Form.Item name={['head', 'mobile']} label={t('手机号码', 'Mobile')} rules={[{ pattern: /^1[3-9]\d{9}$/, message: t('请填写 11 位手机号码', 'Give an 11-digit mobile number') }]}>
                      <Input />
                    </Form.Item>
                  </Space>
                  <Form.Item name="responsibilities" label={t('职责（“三定”规定的主要职能，智能交办据此建议承办单位）', 'Responsibilities (its functions; unit suggestions read them)')} rules={[{ max: 4000, message: t('不超过 4000 字', 'At most 4,000 characters') }]}>
                    <Input.TextArea rows={4} />
                  </Form.Item>
                </>
              ) : (
                <>
                  <Form.Item name="role" label={t('角色', 'Role')}>
                    <Radio.Group options={Object.entries(ROLE_ZH).map(([value, label]) => ({ value, label: t(label, value) }))} />
                  </Form.Item>
                  <Form.Item noStyle shouldUpdate>
                    {({ getFieldValue }) =>
                      getFieldValue('role') === 'officer' && (
                        <Form.Item name="unitId" label={t('单位', 'Unit')} rules={[{ required: true, message: t('请选择单位', 'Pick the unit') }]}>
                          <Select showSearch options={directory?.units.map((u) => ({ value: u.id, label: u.name }))} />
                        </Form.Item>
                      )
                    }
                  </Form.Item>
                  <Form.Item name="active" label={t('在用', 'Active')} valuePropName="checked">
                    <Switch />
                  </Form.Item>
                  <ContactFields name={['contact']} />
                </>
              )}
            </>
          )}
          <Button type="primary" htmlType="submit">
            {t('保存', 'Save')}
          </Button>
        </Form>
      </Modal>
    </Space>
  );
}

/** A head named is set (blank fields as none); no name removes the head. */
const headOf = (h: Record<string, string> | undefined) => (h?.name?.trim() ? { name: h.name.trim(), email: h.email?.trim() || null, mobile: h.mobile?.trim() || null } : null);

function initialValues(editing: Editing | undefined) {
  if (!editing || editing.what === 'password') return {};
  if (editing.what === 'unit') return { kind: 'bureau', ...editing.values, head: editing.values?.head ?? {} };
  return { role: 'officer', active: true, ...editing.values, contact: toValues(editing.values?.contact) };
}

const AUDIT_ZH: Record<string, string> = {
  signedIn: '登录',
  signInFailed: '登录失败',
  accountLocked: '账号锁定',
  signInWhileLocked: '锁定期间尝试登录',
  signInThrottled: '登录过于频繁被拒',
  passwordReset: '重置密码',
  deactivated: '停用',
  reactivated: '恢复使用',
};

/** 账号审计: the latest sign-ins, failures, lockouts, resets and deactivations. */
const readAuditTrail = (before: string | undefined) => api.GET('/directory/audit', { params: { query: { before } } }).then(({ data }) => data);

function AuditTrail() {
  const t = useT();
  const trail = useOlderPages(readAuditTrail);
  return (
    <Table
      size="small"
      rowKey="id"
      title={() => <Typography.Text strong>{t('账号审计', 'Account audit')}</Typography.Text>}
      loading={trail.loading}
      dataSource={trail.items}
      pagination={trail.pagination(10)}
      footer={trail.footer}
      columns={[
        { title: t('时间', 'When'), render: (_, e) => shanghaiTime(e.at) },
        { title: t('事项', 'What'), render: (_, e) => t(AUDIT_ZH[e.kind] ?? e.kind, e.kind) },
        { title: t('账号', 'Account'), dataIndex: 'account' },
        { title: t('操作人', 'By'), render: (_, e) => e.actor ?? '—' },
        { title: t('地址', 'Address'), render: (_, e) => e.address ?? '—' },
      ]}
    />
  );
}
