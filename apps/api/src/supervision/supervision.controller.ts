import { Controller, Get, Query, Res, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentPrincipal, Roles } from '../auth/auth.guard';
import type { Principal } from '../auth/principals';
import { ReportQuerySchema, StatsQuerySchema } from '../contracts';
import { sendFile } from '../http/files';
import { parse } from '../http/parse';
import { TasksService } from '../tasks/tasks.service';
import { SupervisionService } from './supervision.service';

/** For the proposal committee: what is overdue, and how each unit is doing. Read model only. */
@Controller('supervision')
@Roles('committee')
export class SupervisionController {
  constructor(
    private readonly tasks: TasksService,
    private readonly supervision: SupervisionService,
  ) {}

  @Get('sessions')
  sessions() {
    return this.supervision.sessions();
  }

  @Get('overview')
  overview(@Query() query: unknown) {
    return this.supervision.overview(parse(ReportQuerySchema, query, 'query').session);
  }

  @Get('overdue')
  overdue(@CurrentPrincipal() p: Principal, @Query() query: unknown) {
    const q = parse(StatsQuerySchema, query, 'query');
    return this.tasks.list(p, { includeOptional: false, overdueOnly: true, session: q.session, unit: q.unit });
  }

  @Get('stats')
  stats(@Query() query: unknown) {
    const q = parse(StatsQuerySchema, query, 'query');
    return this.supervision.stats(q.session, q.unit);
  }

  @Get('report.xlsx')
  async report(@Query() query: unknown, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { session } = parse(ReportQuerySchema, query, 'query');
    const { file, title } = await this.supervision.report(session);
    return sendFile(res, file, 'xlsx', title);
  }

  @Get('report.docx')
  async workReport(@Query() query: unknown, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { session } = parse(ReportQuerySchema, query, 'query');
    const { file, title } = await this.supervision.workReport(session);
    return sendFile(res, file, 'docx', title, 'work-report');
  }

  @Get('handling-notice.docx')
  async handlingNotice(@Query() query: unknown, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { session } = parse(ReportQuerySchema, query, 'query');
    const { file, title } = await this.supervision.handlingNotice(session);
    return sendFile(res, file, 'docx', title, 'handling-notice');
  }
}
