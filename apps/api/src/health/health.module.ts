import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { OpenApiController } from '../openapi/openapi.controller';
import { HealthController } from './health.controller';

/** What operators and clients ask before anything else: is it up, is it ready, what does it offer. */
@Module({ imports: [CalendarModule], controllers: [HealthController, OpenApiController] })
export class HealthModule {}
