/** The API process: listens on HOST:PORT (127.0.0.1:3000 by default) and shuts down gracefully on SIGTERM/SIGINT. */
// First: tracing instruments `http` and `pg` as they load.
import './tracing';
import { createApi } from './app';
import { readApiConfig } from './config';
import { logger } from './http/logging';

async function main() {
  const config = readApiConfig();
  const app = await createApi(config);
  await app.listen(config.PORT, config.HOST);
  logger.info({ url: await app.getUrl() }, 'api listening');
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
