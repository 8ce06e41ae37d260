import { Controller, Get, Param, Query, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentPrincipal } from '../auth/auth.guard';
import type { Principal } from '../auth/principals';
import { ReplyDocumentQuerySchema } from '../contracts';
import { parse } from '../http/parse';
import { type DocumentFormat, DocumentsService } from './documents.service';

const TYPES: Record<DocumentFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

@Controller('proposals')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Get(':id/reply.pdf')
  pdf(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() query: unknown, @Res({ passthrough: true }) res: Response) {
    return this.send(p, id, 'pdf', query, res);
  }

  @Get(':id/reply.docx')
  docx(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() query: unknown, @Res({ passthrough: true }) res: Response) {
    return this.send(p, id, 'docx', query, res);
  }

  private async send(p: Principal, id: string, format: DocumentFormat, query: unknown, res: Response) {
    const { unit } = parse(ReplyDocumentQuerySchema, query, 'query');
    const { file, title } = await this.documents.reply(p, id, format, unit);
    res.setHeader('Content-Type', TYPES[format]);
    // The PDF opens in the browser (the console's preview); the Word file is saved to be edited.
    res.setHeader('Content-Disposition', `${format === 'pdf' ? 'inline' : 'attachment'}; filename="reply.${format}"; filename*=UTF-8''${encodeURIComponent(`${title}.${format}`)}`);
    return new StreamableFile(file);
  }
}
