import { Controller, Get, Param, Query } from '@nestjs/common';
import { Roles } from '../auth/auth.guard';
import { SimilarQuerySchema } from '../contracts';
import { parse } from '../http/parse';
import { SimilarProposalsService } from './similar-proposals.service';

/** The committee's 查重: at the review (merge candidates) and beside past sessions. */
@Controller('proposals')
@Roles('committee')
export class SimilarProposalsController {
  constructor(private readonly similar: SimilarProposalsService) {}

  @Get(':id/similar')
  find(@Param('id') id: string, @Query() query: unknown) {
    return this.similar.similar(id, parse(SimilarQuerySchema, query, 'query').limit);
  }
}
