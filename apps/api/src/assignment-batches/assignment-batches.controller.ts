import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import type { Request } from 'express';
import { CurrentPrincipal, Roles } from '../auth/auth.guard';
import type { Principal } from '../auth/principals';
import { AssignmentBatchRequestSchema, IdempotencyKeySchema } from '../contracts';
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

  @Get(':id')
  @Roles('committee')
  progress(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.batches.progress(p, id);
  }
}
