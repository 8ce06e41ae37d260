import { Controller, Get, Query } from '@nestjs/common';
import { CurrentPrincipal } from '../auth/auth.guard';
import type { Principal } from '../auth/principals';
import { TaskQuerySchema } from '../contracts';
import { parse } from '../http/parse';
import { TasksService } from './tasks.service';

@Controller('tasks')
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  /** My open tasks with due dates and how close they are, soonest first. */
  @Get()
  list(@CurrentPrincipal() p: Principal, @Query() query: unknown) {
    return this.tasks.list(p, parse(TaskQuerySchema, query, 'query'));
  }
}
