import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

/** Open duties: a unit's tasks, a member's ratings to give; supervision lists the overdue ones. */
@Module({ imports: [CalendarModule], controllers: [TasksController], providers: [TasksService], exports: [TasksService] })
export class TasksModule {}
