import { Controller, Get, Query } from '@nestjs/common';
import { Roles } from '../auth/auth.guard';
import { NoticeQuerySchema } from '../contracts';
import { parse } from '../http/parse';
import { NoticesService } from './notices.service';

/** 通知投递: which notices did not reach whom (committee). */
@Controller('notices')
@Roles('committee')
export class NoticesController {
  constructor(private readonly notices: NoticesService) {}

  @Get()
  async list(@Query() query: unknown) {
    return this.notices.list(parse(NoticeQuerySchema, query, 'query'));
  }
}
