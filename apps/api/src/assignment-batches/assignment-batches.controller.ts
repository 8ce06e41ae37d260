import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, Res, type StreamableFile } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CurrentPrincipal, Roles } from '../auth/auth.guard';
import type { Principal } from '../auth/principals';
import { AssignmentBatchRequestSchema, IdempotencyKeySchema, ReportQuerySchema } from '../contracts';
import { sendFile } from '../http/files';
import { parse } from '../http/parse';
import { AssignmentBatchesService } from './assignment-batches.service';

@Controller('batches')
export class AssignmentBatchesController {
  constructor(private readonly batches: AssignmentBatchesService) {}

  @Post()
  @HttpCode(202)
  @Roles('committee')
  start(@CurrentPrincipal() p: Principal, @Body() body: unknown, @Req() req: Request) {
    const key = parse(IdempotencyKeySchema, req.header('idempotency-key'), 'header');
    return this.batches.start(p, parse(AssignmentBatchRequestSchema, body ?? {}, 'body'), key);
  }

  @Get('plan.xlsx')
  @Roles('committee')
  async plan(@Query() query: unknown, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { session } = parse(ReportQuerySchema, query, 'query');
    const { file, title } = await this.batches.planDraft(session);
    return sendFile(res, file, 'xlsx', title, 'assignment-plan');
  }

  @Get(':id')
  @Roles('committee')
  progress(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.batches.progress(p, id);
  }
}
