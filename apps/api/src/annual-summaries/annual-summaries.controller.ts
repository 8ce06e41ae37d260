import { Body, Controller, Get, HttpCode, Param, Post, Query, Req } from '@nestjs/common';
import { SummaryTextSchema } from '../../../../workflows/domain/annual-summary';
import { CurrentPrincipal, Roles } from '../auth/auth.guard';
import type { Principal } from '../auth/principals';
import { IdempotencyKeySchema, SummaryParamSchema, SummaryRequestSchema, SummaryYearQuerySchema } from '../contracts';
import { parse } from '../http/parse';
import { AnnualSummariesService } from './annual-summaries.service';

/** 办理工作总结: the committee asks for a year's summaries; each unit's officer sends its own. */
@Controller('annual-summaries')
export class AnnualSummariesController {
  constructor(private readonly summaries: AnnualSummariesService) {}

  @Post()
  @HttpCode(200)
  @Roles('committee')
  request(@CurrentPrincipal() p: Principal, @Body() body: unknown) {
    return this.summaries.request(p, parse(SummaryRequestSchema, body ?? {}, 'body').year);
  }

  @Get()
  @Roles('committee', 'officer')
  async list(@CurrentPrincipal() p: Principal, @Query() query: unknown) {
    return { items: await this.summaries.list(p, parse(SummaryYearQuerySchema, query, 'query').year) };
  }

  @Post(':year/:unitId')
  @HttpCode(200)
  @Roles('officer')
  submit(@CurrentPrincipal() p: Principal, @Param() params: unknown, @Body() body: unknown, @Req() req: { headers: Record<string, string | undefined> }) {
    const { year, unitId } = parse(SummaryParamSchema, params, 'path');
    const { text } = parse(SummaryTextSchema, body ?? {}, 'body');
    const key = parse(IdempotencyKeySchema, req.headers['idempotency-key'], 'header');
    return this.summaries.submit(p, year, unitId, text, key);
  }
}
