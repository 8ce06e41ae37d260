import { Module } from '@nestjs/common';
import { SimilarProposalsController } from './similar-proposals.controller';
import { SimilarProposalsService } from './similar-proposals.service';

/** 提案查重: proposals like a proposal, in its session and in past ones. */
@Module({ controllers: [SimilarProposalsController], providers: [SimilarProposalsService] })
export class SimilarProposalsModule {}
