import { Module } from '@nestjs/common';
import { TasksModule } from '../tasks/tasks.module';
import { CalendarModule } from '../calendar/calendar.module';
import { SupervisionController } from './supervision.controller';
import { SupervisionService } from './supervision.service';

/** The committee's view: what is overdue, and each unit's figures. */
@Module({ imports: [TasksModule, CalendarModule], controllers: [SupervisionController], providers: [SupervisionService], exports: [SupervisionService] })
export class SupervisionModule {}
