/**
 * A reply as the document people receive: the same block model the Word and PDF files are drawn
 * from (GB/T 9704-2012 layout), drawn in the page: the editor's preview and an issued reply alike.
 */
import { Card } from 'antd';
import type { ReactNode } from 'react';
import type { Block } from '../../../api/src/documents/official-document';
import { replyDocument } from '../../../api/src/documents/reply-document';
import type { IssuedReply } from '../../../../workflows/domain/state';
import { useT } from '../i18n';
import { useUnitName } from '../units';

const STYLE: Record<Block['kind'], React.CSSProperties> = {
  issuer: { color: '#c00000', fontWeight: 700, fontSize: 20, textAlign: 'center' },
  number: { textAlign: 'center', borderBottom: '2px solid #c00000', paddingBottom: 6 },
  title: { fontWeight: 700, fontSize: 19, textAlign: 'center', margin: '12px 0' },
  salutation: {},
  body: { textIndent: '2em' },
  heading: { textIndent: '2em', fontFamily: 'sans-serif' },
  signature: { textAlign: 'right' },
  note: {},
  copies: { borderTop: '1px solid #000', fontSize: 13 },
  imprint: { borderTop: '1px solid #000', borderBottom: '1px solid #000', fontSize: 13, display: 'flex', justifyContent: 'space-between' },
};

export function DocumentView({ blocks, title, extra }: { blocks: Block[]; title: ReactNode; extra?: ReactNode }) {
  return (
    <Card size="small" title={title} extra={extra} styles={{ body: { fontFamily: '"Noto Serif CJK SC", serif', lineHeight: 1.9 } }}>
      {blocks.map((b, i) => (
        <div key={i} style={STYLE[b.kind]}>
          {b.right === undefined ? b.text : (
            <>
              <span>{b.text}</span>
              <span>{b.right}</span>
            </>
          )}
        </div>
      ))}
    </Card>
  );
}

/** An issued reply, as it was issued, with the PDF the API draws of it. */
export function IssuedReplyView({ proposalId, unitId, reply, title }: { proposalId: string; unitId: string; reply: IssuedReply; title: ReactNode }) {
  const t = useT();
  const unitName = useUnitName();
  const pdf = (
    <a href={`/proposals/${proposalId}/reply.pdf?unit=${unitId}`} target="_blank" rel="noreferrer">
      {t('下载 PDF', 'PDF')}
    </a>
  );
  return <DocumentView blocks={replyDocument(reply, reply.issuedBy ?? unitId, unitName)} title={title} extra={pdf} />;
}
