/** 提案列表: filters in the address (so a filtered list can be shared), server-side paging. */
import { Button, Checkbox, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { type Answer, api } from '../api/client';
import { UrgencyTag } from '../components/UrgencyTag';
import { STAGE_ZH, dueDateOf, shanghaiDate, useNames, useT } from '../i18n';
import { UnitPicker, useUnitName } from '../units';

type Page = Answer<'/proposals'>;

export default function ProposalList() {
  const unitName = useUnitName();
  const t = useT();
  const names = useNames();
  const [params, setParams] = useSearchParams();
  const [page, setPage] = useState<Page>();
  const [loading, setLoading] = useState(false);
  const query = Object.fromEntries(params.entries()) as Record<string, string>;

  useEffect(() => {
    setLoading(true);
    const { page: p, pageSize, overdue, ...rest } = Object.fromEntries(params.entries()) as Record<string, string>;
    void api
      .GET('/proposals', { params: { query: { ...rest, sort: rest.sort === 'due' ? 'due' : 'number', ...(overdue ? { overdue: 'true' as const } : {}), page: Number(p ?? 1), pageSize: Number(pageSize ?? 20) } } })
      .then(({ data }) => {
        setPage(data);
        setLoading(false);
      });
    // The address is the query: a new address, a new page.
  }, [params]);

  const filter = (values: Record<string, unknown>) => {
    const next = new URLSearchParams();
    for (const [k, v] of Object.entries(values)) if (v !== undefined && v !== '' && v !== false) next.set(k, v === true ? 'true' : String(v));
    setParams(next);
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={1} style={{ fontSize: 22, margin: 0 }}>
        {t('提案列表', 'Proposals')}
      </Typography.Title>
      <Form layout="inline" initialValues={{ ...query, overdue: query.overdue === 'true' }} onFinish={filter}>
        <Form.Item name="session" label={t('届次', 'Session')}>
          <Input style={{ width: 120 }} />
        </Form.Item>
        <Form.Item name="unit" label={t('承办单位', 'Unit')}>
          <UnitPicker style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="stage" label={t('环节', 'Stage')}>
          <Select allowClear style={{ width: 130 }} options={Object.keys(STAGE_ZH).map((value) => ({ value, label: names.stage(value) }))} />
        </Form.Item>
        <Form.Item name="class" label={t('答复类别', 'Class')}>
          <Select allowClear style={{ width: 80 }} options={['A', 'B', 'C'].map((c) => ({ value: c, label: c }))} />
        </Form.Item>
        <Form.Item name="q" label={t('关键词', 'Text')}>
          <Input style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="sort" label={t('排序', 'Order')}>
          <Select style={{ width: 120 }} options={[{ value: 'number', label: t('按提案号', 'By number') }, { value: 'due', label: t('按到期日', 'By due date') }]} />
        </Form.Item>
        <Form.Item name="overdue" valuePropName="checked">
          <Checkbox>{t('仅看逾期', 'Overdue only')}</Checkbox>
        </Form.Item>
        <Button type="primary" htmlType="submit">
          {t('查询', 'Search')}
        </Button>
      </Form>
      <Table
        rowKey="id"
        loading={loading}
        dataSource={page?.items}
        pagination={{
          current: page?.page,
          pageSize: page?.pageSize,
          total: page?.total,
          showTotal: (n) => (page?.totalIsAtLeast ? t(`${n} 件以上，请缩小查询范围`, `more than ${n}: narrow the search`) : t(`共 ${n} 件`, `${n} in all`)),
          onChange: (p, size) => {
            const next = new URLSearchParams(params);
            next.set('page', String(p));
            next.set('pageSize', String(size));
            setParams(next);
          },
        }}
        columns={[
          { title: t('提案号', 'No.'), dataIndex: 'number', width: 80 },
          { title: t('案由', 'Title'), render: (_, p) => <Link to={`/p/${p.id}`}>{p.title}</Link> },
          { title: t('环节', 'Stage'), render: (_, p) => <Tag>{names.stage(p.stage)}</Tag>, width: 110 },
          // 分办 has no lead unit: the units that handle it separately stand in its place.
          { title: t('主办单位', 'Lead unit'), render: (_, p) => (p.leadUnitId ? unitName(p.leadUnitId) : p.unitIds.map((u) => `${unitName(u)}${t('（分办）', ' (separately)')}`).join('、')), width: 180 },
          { title: t('类别', 'Category'), dataIndex: 'category', width: 100 },
          { title: t('答复类别', 'Class'), dataIndex: 'replyClass', width: 90 },
          { title: t('逾期事项', 'Overdue'), render: (_, p) => (p.overdueDuties > 0 ? <UrgencyTag urgency="overdue">{p.overdueDuties}</UrgencyTag> : '—'), width: 90 },
          { title: t('交办日期', 'Assigned'), render: (_, p) => shanghaiDate(p.assignedAt), width: 120 },
          { title: t('最近到期', 'Next due'), render: (_, p) => dueDateOf(p.nextDueAt), width: 120 },
        ]}
      />
    </Space>
  );
}
