/**
 * The console, served by the API on the same origin: its built files, and index.html for the
 * client's own routes (a reload or a link to /p/proposal-… opens the page, not a 404). The client
 * routes are named apart from the API's paths, so neither shadows the other.
 */
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { projectRoot } from '../../../common/project-root';

export const CONSOLE_DIR = path.join(projectRoot(__dirname), 'dist/console');
/** The console's routes (see apps/console/src/main.tsx). */
const CLIENT_ROUTES = /^\/(?:$|sign-in$|overview$|list$|inbox$|mine$|people$|assessment$|delivery$|settings$|published$|p\/[^/]+$)/;

export function serveConsole(app: Express, dir = CONSOLE_DIR): boolean {
  const index = path.join(dir, 'index.html');
  if (!fs.existsSync(index)) return false;
  app.use('/assets', express.static(path.join(dir, 'assets'), { index: false, immutable: true, maxAge: '365d', fallthrough: false }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method === 'GET' || req.method === 'HEAD') && CLIENT_ROUTES.test(req.path)) {
      res.setHeader('Cache-Control', 'no-cache');
      return res.sendFile(index);
    }
    next();
  });
  return true;
}
