/** Builds the API application; `main.ts` listens with it, the tests do the same on a free port. */
import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import * as path from 'node:path';
import { AppModule } from './app.module';
import type { ApiConfig } from './config';
import { bodyErrors, jsonBody, jsonOnly } from './http/body';
import { logger, requestContext } from './http/logging';
import { serveConsole } from './http/console';
import { requestMetrics } from './http/metrics';

export async function createApi(config: ApiConfig): Promise<INestApplication> {
  logger.level = config.LOG_LEVEL;
  // Nest's own body parser is off: ours answers malformed and oversized bodies with problem+json.
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forConfig(config), { bodyParser: false, logger: ['error', 'warn'] });
  app.use(requestContext);
  app.use(requestMetrics);
  app.use(jsonOnly);
  app.use(jsonBody(config.BODY_LIMIT));
  app.use(bodyErrors);
  // Where the console was built (`npm run build`), the API serves it at `/`.
  serveConsole(app.getHttpAdapter().getInstance());
  app.use('/docs/assets', express.static(path.dirname(require.resolve('swagger-ui-dist/package.json')), { index: false }));
  app.enableShutdownHooks();
  return app;
}
