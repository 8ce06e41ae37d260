import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '../auth/auth.guard';
import { PublicRepliesQuerySchema, PublicReplyParamSchema } from '../contracts';
import { DocumentsService } from '../documents/documents.service';
import { sendFile } from '../http/files';
import { parse } from '../http/parse';
import { PublicationService } from './publication.service';

/** 答复公开: what the units published, for anyone, without signing in. */
@Public()
@Controller('public')
export class PublicationController {
  constructor(
    private readonly publication: PublicationService,
    private readonly documents: DocumentsService,
  ) {}

  @Get('sessions')
  sessions() {
    return this.publication.sessions();
  }

  @Get('replies')
  replies(@Query() query: unknown) {
    return this.publication.replies(parse(PublicRepliesQuerySchema, query, 'query'));
  }

  @Get('replies/:id/:unit/reply.pdf')
  async pdf(@Param() params: unknown, @Res({ passthrough: true }) res: Response) {
    const { id, unit } = parse(PublicReplyParamSchema, params, 'path');
    const { file, title } = await this.documents.publishedReply(id, unit);
    return sendFile(res, file, 'pdf', title, 'reply');
  }
}
