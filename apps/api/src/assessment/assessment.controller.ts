import { Body, Controller, Get, Put, Query, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentPrincipal, Roles } from '../auth/auth.guard';
import type { Principal } from '../auth/principals';
import { ReportQuerySchema, SelectionBodySchema } from '../contracts';
import { sendFile } from '../http/files';
import { parse } from '../http/parse';
import { AssessmentService } from './assessment.service';

/** 考核 (committee): the units' yearly scores, as a table or a workbook, and the selection of the best. */
@Controller('supervision')
@Roles('committee')
export class AssessmentController {
  constructor(private readonly assessment: AssessmentService) {}

  @Get('assessment')
  ranked(@Query() query: unknown) {
    return this.assessment.assessment(parse(ReportQuerySchema, query, 'query').session);
  }

  @Get('assessment.xlsx')
  async sheet(@Query() query: unknown, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { file, title } = await this.assessment.sheet(parse(ReportQuerySchema, query, 'query').session);
    return sendFile(res, file, 'xlsx', title, 'assessment');
  }

  @Put('assessment/selection')
  select(@CurrentPrincipal() p: Principal, @Query() query: unknown, @Body() body: unknown) {
    const { session } = parse(ReportQuerySchema, query, 'query');
    return this.assessment.select(p, session, parse(SelectionBodySchema, body ?? {}, 'body'));
  }
}
