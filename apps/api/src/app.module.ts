import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AlertsModule } from './alerts/alerts.module';
import { AnnualSummariesModule } from './annual-summaries/annual-summaries.module';
import { AssessmentModule } from './assessment/assessment.module';
import { AssignmentBatchesModule } from './assignment-batches/assignment-batches.module';
import { AuthGuard } from './auth/auth.guard';
import { CalendarModule } from './calendar/calendar.module';
import { API_CONFIG, type ApiConfig } from './config';
import { ConnectionsModule } from './connections';
import { HealthModule } from './health/health.module';
import { ProblemFilter } from './http/problem';
import { ProposalsModule } from './proposals/proposals.module';
import { ReadYourWritesInterceptor } from './read-model/read-your-writes.interceptor';
import { PublicationModule } from './publication/publication.module';
import { DocumentsModule } from './documents/documents.module';
import { SessionImportModule } from './session-import/session-import.module';
import { SupervisionModule } from './supervision/supervision.module';
import { SimilarProposalsModule } from './similar-proposals/similar-proposals.module';
import { UnitSuggestionsModule } from './unit-suggestions/unit-suggestions.module';
import { TasksModule } from './tasks/tasks.module';
import { SignInModule } from './sign-in/sign-in.module';
import { DirectoryModule } from './directory/directory.module';
import { NoticesModule } from './notices/notices.module';

/** One module per area; authentication, problem+json and read-your-writes apply to every route. */
@Module({})
export class AppModule {
  static forConfig(config: ApiConfig): DynamicModule {
    const configModule: DynamicModule = { module: class ConfigModule {}, global: true, providers: [{ provide: API_CONFIG, useValue: config }], exports: [API_CONFIG] };
    return {
      module: AppModule,
      imports: [configModule, ConnectionsModule, SignInModule, ProposalsModule, SimilarProposalsModule, UnitSuggestionsModule, DocumentsModule, PublicationModule, SessionImportModule, AssignmentBatchesModule, TasksModule, SupervisionModule, AssessmentModule, AnnualSummariesModule, AlertsModule, CalendarModule, DirectoryModule, NoticesModule, HealthModule],
      providers: [{ provide: APP_GUARD, useClass: AuthGuard }, { provide: APP_FILTER, useClass: ProblemFilter }, { provide: APP_INTERCEPTOR, useClass: ReadYourWritesInterceptor }],
    };
  }
}
