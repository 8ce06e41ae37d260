import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { AlertsController } from './alerts/alerts.controller';
import { AlertsService } from './alerts/alerts.service';
import { AuthGuard } from './auth/auth.guard';
import { CalendarController } from './calendar/calendar.controller';
import { CalendarService } from './calendar/calendar.service';
import { API_CONFIG, type ApiConfig } from './config';
import { ConnectionsModule } from './connections';
import { HealthController } from './health/health.controller';
import { ProblemFilter } from './http/problem';
import { OpenApiController } from './openapi/openapi.controller';
import { ProposalsController } from './proposals/proposals.controller';
import { ProposalsService } from './proposals/proposals.service';
import { SupervisionController } from './supervision/supervision.controller';
import { TasksController } from './tasks/tasks.controller';
import { TasksService } from './tasks/tasks.service';

@Module({})
export class AppModule {
  static forConfig(config: ApiConfig): DynamicModule {
    const configModule: DynamicModule = { module: class ConfigModule {}, global: true, providers: [{ provide: API_CONFIG, useValue: config }], exports: [API_CONFIG] };
    return {
      module: AppModule,
      imports: [configModule, ConnectionsModule],
      controllers: [ProposalsController, TasksController, SupervisionController, AlertsController, CalendarController, HealthController, OpenApiController],
      providers: [ProposalsService, TasksService, AlertsService, CalendarService, { provide: APP_GUARD, useClass: AuthGuard }, { provide: APP_FILTER, useClass: ProblemFilter }],
    };
  }
}
