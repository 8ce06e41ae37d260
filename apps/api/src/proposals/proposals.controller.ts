import { Body, Controller, Get, HttpCode, Param, Post, Query, Req, UseInterceptors } from '@nestjs/common';
import type { Request } from 'express';
import { CurrentPrincipal } from '../auth/auth.guard';
import type { Principal } from '../auth/principals';
import { HistoryQuerySchema, IntakeQuerySchema, ListQuerySchema } from '../contracts';
import { parse } from '../http/parse';
import { IdempotencyInterceptor, UpdateKeyInterceptor } from './idempotency.interceptor';
import { ProposalsService } from './proposals.service';

@Controller('proposals')
export class ProposalsController {
  constructor(private readonly proposals: ProposalsService) {}

  @Post()
  @HttpCode(201)
  @UseInterceptors(IdempotencyInterceptor)
  file(@CurrentPrincipal() p: Principal, @Body() body: unknown, @Query() query: unknown, @Req() req: Request) {
    const { policy } = parse(IntakeQuerySchema, query, 'query');
    return this.proposals.file(p, body ?? {}, req.idempotencyKey!, policy);
  }

  @Get()
  list(@CurrentPrincipal() p: Principal, @Query() query: unknown) {
    return this.proposals.list(p, parse(ListQuerySchema, query, 'query'));
  }

  @Get(':id')
  view(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.proposals.viewFor(p, id);
  }

  @Get(':id/history')
  history(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Query() query: unknown) {
    const { raw, version } = parse(HistoryQuerySchema, query, 'query');
    return this.proposals.history(p, id, raw, version);
  }

  @Post(':id/:action')
  @HttpCode(200)
  @UseInterceptors(UpdateKeyInterceptor)
  act(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Param('action') action: string, @Body() body: unknown, @Req() req: Request) {
    return this.proposals.act(p, id, action, body ?? {}, req.idempotencyKey!, req.id);
  }
}
