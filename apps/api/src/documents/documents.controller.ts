import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentPrincipal } from '../auth/auth.guard';
import type { Principal } from '../auth/principals';
import { ReplyDocumentQuerySchema, ResultNoticeQuerySchema } from '../contracts';
import { sendFile } from '../http/files';
import { parse } from '../http/parse';
import { type DocumentFormat, DocumentsService } from './documents.service';

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

  @Get(':id/result-notice.pdf')
  resultPdf(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() query: unknown, @Res({ passthrough: true }) res: Response) {
    return this.sendResult(p, id, 'pdf', query, res);
  }

  @Get(':id/result-notice.docx')
  resultDocx(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() query: unknown, @Res({ passthrough: true }) res: Response) {
    return this.sendResult(p, id, 'docx', query, res);
  }

  private async sendResult(p: Principal, id: string, format: DocumentFormat, query: unknown, res: Response) {
    const { unit, commitment } = parse(ResultNoticeQuerySchema, query, 'query');
    const { file, title } = await this.documents.resultNotice(p, id, format, commitment, unit);
    return sendFile(res, file, format, title, 'result-notice');
  }

  private async send(p: Principal, id: string, format: DocumentFormat, query: unknown, res: Response) {
    const { unit } = parse(ReplyDocumentQuerySchema, query, 'query');
    const { file, title } = await this.documents.reply(p, id, format, unit);
    return sendFile(res, file, format, title, 'reply');
  }
}

@Controller('alerts')
export class NoticesController {
  constructor(private readonly documents: DocumentsService) {}

  @Get(':id/notice.pdf')
  async notice(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Res({ passthrough: true }) res: Response) {
    const { file, title } = await this.documents.notice(p, id);
    return sendFile(res, file, 'pdf', title, 'notice');
  }
}
