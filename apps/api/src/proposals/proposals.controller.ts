import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { z } from 'zod';
import { CurrentPrincipal } from '../auth/auth.guard';
import type { Principal } from '../auth/principals';
import { IdempotencyKeySchema, IntakeQuerySchema, ListQuerySchema } from '../contracts';
import { parse } from '../http/parse';
import { ProposalsService } from './proposals.service';

const KeyHeader = z.object({ 'Idempotency-Key': IdempotencyKeySchema });
const keyOf = (key: string | undefined) => parse(KeyHeader, { 'Idempotency-Key': key }, 'header')['Idempotency-Key'];

@Controller('proposals')
export class ProposalsController {
  constructor(private readonly proposals: ProposalsService) {}

  @Post()
  async file(@CurrentPrincipal() p: Principal, @Body() body: unknown, @Query() query: unknown, @Headers('idempotency-key') key: string | undefined, @Res({ passthrough: true }) res: Response) {
    const { policy } = parse(IntakeQuerySchema, query, 'query');
    const outcome = await this.proposals.file(p, body ?? {}, keyOf(key), policy);
    res.status(outcome.status);
    return outcome.body;
  }

  @Get()
  list(@CurrentPrincipal() p: Principal, @Query() query: unknown) {
    return this.proposals.list(p, parse(ListQuerySchema, query, 'query'));
  }

  @Get(':id')
  view(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.proposals.view(p, id);
  }

  @Get(':id/history')
  history(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.proposals.history(p, id);
  }

  @Post(':id/:action')
  @HttpCode(200)
  act(@CurrentPrincipal() p: Principal, @Param('id') id: string, @Param('action') action: string, @Body() body: unknown, @Headers('idempotency-key') key: string | undefined, @Req() req: Request) {
    return this.proposals.act(p, id, action, body ?? {}, keyOf(key), req.id);
  }
}
