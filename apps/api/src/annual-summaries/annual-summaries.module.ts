import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { AnnualSummariesController } from './annual-summaries.controller';
import { AnnualSummariesService } from './annual-summaries.service';

/** 办理工作总结: one per unit and year, over all its proposals. */
@Module({ imports: [CalendarModule], controllers: [AnnualSummariesController], providers: [AnnualSummariesService] })
export class AnnualSummariesModule {}
