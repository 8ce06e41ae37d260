/**
 * The API's two connections, as Nest providers built by factories and closed on shutdown:
 * the Temporal client (workflows, Updates, Queries, history) and the PostgreSQL pool (read model,
 * principals, idempotency records).
 */
import { Global, Inject, Injectable, Module, type OnApplicationShutdown } from '@nestjs/common';
import { Client, Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';
import type { Pool } from 'pg';
import { createPool } from '../../common/database';
import { API_CONFIG, type ApiConfig } from './config';
import { tracing } from './tracing';

export const TEMPORAL = Symbol('TEMPORAL');
export const PG_POOL = Symbol('PG_POOL');

@Injectable()
class ConnectionsLifecycle implements OnApplicationShutdown {
  constructor(
    @Inject(TEMPORAL) private readonly temporal: Client,
    @Inject(PG_POOL) private readonly pool: Pool,
  ) {}
  async onApplicationShutdown() {
    await this.temporal.connection.close();
    await this.pool.end();
    // The spans still batched leave before the process does.
    await tracing.shutdown();
  }
}

@Global()
@Module({
  providers: [
    {
      provide: TEMPORAL,
      inject: [API_CONFIG],
      useFactory: async (config: ApiConfig) => {
        // A few quick retries, not the default's ten over several seconds: every request has its
        // own deadline and answers 503 with Retry-After, so the caller retries, not a timer left behind.
        const retry = makeGrpcRetryInterceptor(defaultGrpcRetryOptions({ maxAttempts: 4 }));
        const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS, interceptors: [retry] });
        return new Client({ connection, namespace: config.TEMPORAL_NAMESPACE, interceptors: { workflow: tracing.clientInterceptors } });
      },
    },
    { provide: PG_POOL, inject: [API_CONFIG], useFactory: (config: ApiConfig) => createPool(config.DATABASE_URL) },
    ConnectionsLifecycle,
  ],
  exports: [TEMPORAL, PG_POOL],
})
export class ConnectionsModule {}
