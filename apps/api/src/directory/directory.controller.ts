import { Body, Controller, Get, HttpCode, Param, Put, Query, Req } from '@nestjs/common';
import type { Request } from 'express';
import { CurrentPrincipal, Roles } from '../auth/auth.guard';
import type { Principal } from '../auth/principals';
import { AuditQuerySchema, DirectoryParamSchema, PasswordResetSchema, PersonSchema, SuccessionBodySchema, UnitSchema } from '../contracts';
import { parse } from '../http/parse';
import { DirectoryService } from './directory.service';
import { ReorganisationService } from './reorganisation.service';

/** 人员与单位: the committee keeps the directory. PUT creates or updates, so a retry changes nothing more. */
@Controller('directory')
@Roles('committee')
export class DirectoryController {
  constructor(
    private readonly directory: DirectoryService,
    private readonly reorganisation: ReorganisationService,
  ) {}

  @Get()
  list() {
    return this.directory.list();
  }

  @Get('units')
  @Roles('committee', 'officer', 'proposer', 'leader', 'supervisionOffice')
  units() {
    return this.directory.units();
  }

  @Get('leaders')
  @Roles('committee', 'officer', 'proposer', 'leader', 'supervisionOffice')
  leaders() {
    return this.directory.leaders();
  }

  @Put('units/:id')
  unit(@Param() params: unknown, @Body() body: unknown) {
    return this.directory.putUnit(parse(DirectoryParamSchema, params, 'path').id, parse(UnitSchema, body ?? {}, 'body'));
  }

  @Put('units/:id/successor')
  successor(@CurrentPrincipal() p: Principal, @Param() params: unknown, @Body() body: unknown) {
    return this.reorganisation.succeed(p, parse(DirectoryParamSchema, params, 'path').id, parse(SuccessionBodySchema, body ?? {}, 'body'));
  }

  @Put('people/:id')
  person(@CurrentPrincipal() p: Principal, @Req() req: Request, @Param() params: unknown, @Body() body: unknown) {
    return this.directory.putPerson({ by: p.id, address: req.ip }, parse(DirectoryParamSchema, params, 'path').id, parse(PersonSchema, body ?? {}, 'body'));
  }

  @Put('people/:id/password')
  @HttpCode(204)
  async password(@CurrentPrincipal() p: Principal, @Req() req: Request, @Param() params: unknown, @Body() body: unknown) {
    await this.directory.resetPassword({ by: p.id, address: req.ip }, parse(DirectoryParamSchema, params, 'path').id, parse(PasswordResetSchema, body ?? {}, 'body').password);
  }

  /** 账号审计: sign-ins, failures, lockouts, resets and deactivations, newest first. */
  @Get('audit')
  audit(@Query() query: unknown) {
    const q = parse(AuditQuerySchema, query, 'query');
    return this.directory.auditTrail(q);
  }
}
