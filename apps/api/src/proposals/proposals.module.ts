import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { ProposalsController } from './proposals.controller';
import { ProposalsService } from './proposals.service';

/** Intake, the lifecycle's actions, and reading one proposal or many. */
@Module({ imports: [CalendarModule], controllers: [ProposalsController], providers: [ProposalsService, IdempotencyInterceptor], exports: [ProposalsService] })
export class ProposalsModule {}
