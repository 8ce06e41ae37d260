import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { type CookieSerializeOptions, serialize } from 'cookie';
import type { Request, Response } from 'express';
import { CurrentPrincipal, Public } from '../auth/auth.guard';
import type { Principal } from '../auth/principals';
import { API_CONFIG, type ApiConfig } from '../config';
import { SignInSchema } from '../contracts';
import { parse } from '../http/parse';
import { ConsoleSessions, SESSION_COOKIE } from './console-sessions';
import { SignInService } from './sign-in.service';

const view = (p: Principal) => ({ id: p.id, name: p.name, role: p.role, ...(p.role === 'officer' ? { unitId: p.unitId } : {}) });

/** The console's session: signing in sets an HttpOnly, SameSite=Strict cookie; API clients keep bearer tokens. */
@Controller('session')
export class SignInController {
  constructor(
    private readonly signIn: SignInService,
    private readonly sessions: ConsoleSessions,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
  ) {}

  private cookie(req: Request, maxAge: number): CookieSerializeOptions {
    return { httpOnly: true, sameSite: 'strict', secure: this.config.COOKIE_SECURE || req.secure, path: '/', maxAge };
  }

  @Post()
  @Public()
  @HttpCode(200)
  async open(@Body() body: unknown, @Req() req: Request, @Res({ passthrough: true }) res: Response) {
    const { account, password } = parse(SignInSchema, body ?? {}, 'body');
    const { principal, session } = await this.signIn.signIn(account, password, req.ip ?? 'unknown');
    res.setHeader('Set-Cookie', serialize(SESSION_COOKIE, session.token, this.cookie(req, this.config.SESSION_MAX_HOURS * 3600)));
    return this.answer(principal, session);
  }

  private answer(p: Principal, session?: { csrfToken: string; expiresAt: string }) {
    const ui = this.config.TEMPORAL_UI_URL;
    const temporalWorkflows = ui && p.role === 'committee' ? `${ui.replace(/\/$/, '')}/namespaces/${this.config.TEMPORAL_NAMESPACE}/workflows/` : undefined;
    return { principal: view(p), csrfToken: session?.csrfToken, expiresAt: session?.expiresAt, temporalWorkflows };
  }

  /** Who is signed in, and the CSRF token the console sends back (a reloaded page asks here). */
  @Get()
  current(@CurrentPrincipal() p: Principal, @Req() req: Request) {
    return this.answer(p, req.consoleSession);
  }

  /** Sign-out: the session ends on the server, and the cookie is cleared. */
  @Delete()
  @HttpCode(204)
  async close(@Req() req: Request, @Res({ passthrough: true }) res: Response) {
    if (req.consoleSession) await this.sessions.close(req.consoleSession.token);
    res.setHeader('Set-Cookie', serialize(SESSION_COOKIE, '', this.cookie(req, 0)));
  }
}
