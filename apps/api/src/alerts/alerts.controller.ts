import { Controller, Get, HttpCode, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { CurrentPrincipal } from '../auth/auth.guard';
import type { Principal } from '../auth/principals';
import { AlertQuerySchema } from '../contracts';
import { parse } from '../http/parse';
import { AlertsService } from './alerts.service';

@Controller('alerts')
export class AlertsController {
  constructor(private readonly alerts: AlertsService) {}

  /** My unit's (or my, or for the committee every) deadline alert, newest first. */
  @Get()
  async list(@CurrentPrincipal() p: Principal, @Query() query: unknown) {
    const q = parse(AlertQuerySchema, query, 'query');
    return { items: await this.alerts.list(p, q.unread, q.limit, q.proposal) };
  }

  @Post(':id/read')
  @HttpCode(200)
  read(@CurrentPrincipal() p: Principal, @Param('id') id: string) {
    return this.alerts.markRead(p, id);
  }

  /** Server-Sent Events: each new alert this principal may see, as it is raised, for dashboards. */
  @Get('stream')
  stream(@CurrentPrincipal() p: Principal, @Req() req: Request, @Res() res: Response) {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive', 'x-accel-buffering': 'no' });
    res.write(': connected\n\n');
    const subscription = this.alerts.raised.subscribe({
      next: (id) => {
        void this.alerts.get(p, id).then((alert) => {
          if (alert) res.write(`id: ${alert.id}\nevent: alert\ndata: ${JSON.stringify(alert)}\n\n`);
        });
      },
      // The API is shutting down: the stream ends (a browser's EventSource reconnects to the next one).
      complete: () => res.end(),
    });
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
    req.on('close', () => {
      clearInterval(heartbeat);
      subscription.unsubscribe();
    });
  }
}
