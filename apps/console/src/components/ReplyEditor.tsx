/**
 * 答复草拟: the lead unit writes the reply — document number, class, salutation, sections,
 * numbered commitments, closing, date, contact person — and sees it beside the form as the
 * official document it becomes, drawn from the same block model as the Word and PDF files.
 */
import { Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { replyDocument } from '../../../api/src/documents/reply-document';
import { useT } from '../i18n';
import { usePrincipal } from '../session';
import { useUnitName } from '../units';
import { ActionForm, ClassPicker, required } from './ActionForm';
import { DocumentView } from './DocumentView';

interface DraftForm {
  coIssuers?: string[];
  documentNumber: string;
  titleLine?: string;
  replyClass: string;
  salutation: string;
  opening: string;
  sections: { heading: string; text: string }[];
  commitmentsHeading?: string;
  commitments?: { title: string; text: string }[];
  closing: string;
  date: Dayjs;
  contactName: string;
  contactPhone: string;
}

const ORDINAL = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

function toDraft(v: Partial<DraftForm>) {
  return {
    ...(v.coIssuers?.length ? { coIssuers: v.coIssuers } : {}),
    documentNumber: v.documentNumber ?? '',
    ...(v.titleLine ? { titleLine: v.titleLine } : {}),
    replyClass: v.replyClass ?? '',
    salutation: v.salutation ?? '',
    opening: v.opening ?? '',
    sections: (v.sections ?? []).filter(Boolean).map((s) => ({ heading: s.heading ?? '', items: s.text ? [{ text: s.text }] : [] })),
    ...(v.commitmentsHeading ? { commitmentsHeading: v.commitmentsHeading } : {}),
    commitments: (v.commitments ?? []).filter(Boolean).map((c, i) => ({ no: i + 1, title: c.title ?? '', text: c.text ?? '' })),
    closing: v.closing ?? '',
    date: (v.date ?? dayjs()).format('YYYY-MM-DD'),
    contactPerson: { name: v.contactName ?? '', phone: v.contactPhone ?? '' },
  };
}

function Preview({ values }: { values: Partial<DraftForm> }) {
  const t = useT();
  const unitName = useUnitName();
  const principal = usePrincipal();
  const draft = toDraft(values);
  const issuer = principal.unitId ?? '';
  const blocks = replyDocument({ draft, documentNumber: draft.documentNumber, replyClass: draft.replyClass, copiedTo: [], recipients: [], at: '', signer: { name: '', title: '', level: 'head' } } as never, issuer, unitName);
  return <DocumentView blocks={blocks} title={t('公文预览', 'As the document')} />;
}

/** `coIssuers`: the co-handlers (会办) the reply may be issued jointly with (联合答复), as the rules offer them. */
export function ReplyEditor({ proposalId, classes, coIssuers, defaults, onDone }: { proposalId: string; classes: { code: string; label: string }[]; coIssuers: string[]; defaults: Partial<DraftForm>; onDone: () => void }) {
  const t = useT();
  const unitName = useUnitName();
  const [values, setValues] = useState<Partial<DraftForm>>(defaults);
  return (
    <Card size="small" title={t('答复草拟', 'Draft the reply')}>
      <Row gutter={16}>
        <Col xs={24} lg={12}>
          <ActionForm<DraftForm>
            proposalId={proposalId}
            path="/proposals/{id}/reply-draft"
            submitLabel={t('保存答复稿', 'Save the draft')}
            initialValues={{ date: dayjs(), sections: [{}], ...defaults }}
            onValuesChange={(_, all) => setValues(all)}
            toBody={(v) => ({ draft: toDraft(v) })}
            onDone={onDone}
          >
            {coIssuers.length > 0 && (
              <Form.Item name="coIssuers" label={t('联合答复单位', 'Issued jointly with')} extra={t('联合答复单位在会签时由其负责人签发', "Each co-issuing unit's head signs as it countersigns")}>
                <Select mode="multiple" options={coIssuers.map((u) => ({ value: u, label: unitName(u) }))} />
              </Form.Item>
            )}
            <Space wrap>
              <Form.Item name="documentNumber" label={t('文号', 'Document number')} rules={required(t('请填写文号', 'Give the number'))}>
                <Input />
              </Form.Item>
              <Form.Item name="replyClass" label={t('答复类别', 'Class')} rules={[{ required: true, message: t('请选择答复类别', 'Pick the class') }]}>
                <ClassPicker classes={classes} />
              </Form.Item>
              <Form.Item name="date" label={t('成文日期', 'Date')} rules={[{ required: true, message: t('请选择日期', 'Pick the date') }]}>
                <DatePicker />
              </Form.Item>
            </Space>
            <Form.Item name="titleLine" label={t('文件标题', 'Title line')}>
              <Input />
            </Form.Item>
            <Form.Item name="salutation" label={t('主送', 'Salutation')} rules={required(t('请填写主送', 'Give the salutation'))}>
              <Input />
            </Form.Item>
            <Form.Item name="opening" label={t('开头', 'Opening')} rules={required(t('请填写开头', 'Write the opening'))}>
              <Input.TextArea rows={3} />
            </Form.Item>
            <Form.List name="sections">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f, i) => (
                    <Card key={f.key} size="small" title={`${ORDINAL[i] ?? i + 1}、`} extra={<Button size="small" onClick={() => remove(f.name)}>{t('删除', 'Remove')}</Button>} style={{ marginBottom: 8 }}>
                      <Form.Item name={[f.name, 'heading']} label={t('小标题', 'Heading')} rules={required(t('请填写小标题', 'Give the heading'))}>
                        <Input />
                      </Form.Item>
                      <Form.Item name={[f.name, 'text']} label={t('内容', 'Text')} rules={required(t('请填写内容', 'Write the text'))}>
                        <Input.TextArea rows={3} />
                      </Form.Item>
                    </Card>
                  ))}
                  <Button onClick={() => add({})} style={{ marginBottom: 16 }}>
                    {t('添加一部分', 'Add a section')}
                  </Button>
                </>
              )}
            </Form.List>
            <Form.Item name="commitmentsHeading" label={t('承诺事项标题', 'Commitments heading')}>
              <Input placeholder="二、下步工作计划" />
            </Form.Item>
            <Form.List name="commitments">
              {(fields, { add, remove }) => (
                <>
                  {fields.map((f, i) => (
                    <Card key={f.key} size="small" title={t(`承诺 ${i + 1}`, `Commitment ${i + 1}`)} extra={<Button size="small" onClick={() => remove(f.name)}>{t('删除', 'Remove')}</Button>} style={{ marginBottom: 8 }}>
                      <Form.Item name={[f.name, 'title']} label={t('事项', 'Title')} rules={required(t('请填写事项', 'Give the title'))}>
                        <Input />
                      </Form.Item>
                      <Form.Item name={[f.name, 'text']} label={t('内容', 'Text')} rules={required(t('请填写内容', 'Write the text'))}>
                        <Input.TextArea rows={2} />
                      </Form.Item>
                    </Card>
                  ))}
                  <Button onClick={() => add({})} style={{ marginBottom: 16 }}>
                    {t('添加承诺事项', 'Add a commitment')}
                  </Button>
                </>
              )}
            </Form.List>
            <Form.Item name="closing" label={t('结尾', 'Closing')} rules={required(t('请填写结尾', 'Write the closing'))}>
              <Input.TextArea rows={2} />
            </Form.Item>
            <Space wrap>
              <Form.Item name="contactName" label={t('联系人', 'Contact person')} rules={required(t('请填写联系人', 'Name the contact'))}>
                <Input />
              </Form.Item>
              <Form.Item name="contactPhone" label={t('联系电话', 'Phone')} rules={[{ required: true, pattern: /^[0-9+\-() ]{5,30}$/, message: t('请填写电话号码', 'Give a phone number') }]}>
                <Input />
              </Form.Item>
            </Space>
          </ActionForm>
        </Col>
        <Col xs={24} lg={12}>
          <Typography.Text type="secondary">{t('按 GB/T 9704-2012 版式预览', 'Previewed in the GB/T 9704-2012 layout')}</Typography.Text>
          <Preview values={values} />
        </Col>
      </Row>
    </Card>
  );
}
