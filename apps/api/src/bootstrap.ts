import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import type { Server } from 'node:http';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { GlobalExceptionFilter } from './common/filters/global-exception.filter';
import { jsonDepthLimit } from './common/http/json-depth.middleware';
import { createValidationPipe } from './common/pipes/validation.pipe';
import { AppConfig } from './config/app-config';
import { RealtimeIoAdapter } from './modules/realtime/realtime-io.adapter';
import { WEBHOOK_PATHS, WebhookIntake } from './modules/webhooks/intake/webhook-intake';
import { routeWebhooksFirst } from './modules/webhooks/intake/webhook-routing';

/** Builds the fully configured api (shared by `main.ts` and the integration tests). */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { rawBody: true, bufferLogs: true });
  app.useLogger(app.get(Logger));
  if (config.role === 'worker') {
    // a worker process applies stored events and runs jobs; over HTTP it only answers health checks
    app.use((req: Request, res: Response, next: NextFunction) =>
      req.path === '/api/health'
        ? next()
        : res.status(404).json({ statusCode: 404, code: 'WORKER_ONLY', message: 'This process is a worker (API_ROLE=worker): it serves only /api/health' }),
    );
  } else {
    // Meta's POSTs first, ahead of Express and every middleware below: the ack is signature + one INSERT (webhook-intake.ts)
    routeWebhooksFirst(app.getHttpServer() as Server, app.get(WebhookIntake));
  }
  // only the configured proxies (the web server) may name the client IP; anyone else's X-Forwarded-For is ignored
  app.set('trust proxy', config.http.trustedProxies);
  // Meta's callbacks live outside /api (the URLs typed into the App Dashboard)
  app.setGlobalPrefix('api', {
    exclude: WEBHOOK_PATHS.flatMap((path) => [
      { path, method: RequestMethod.GET },
      { path, method: RequestMethod.POST },
    ]),
  });
  app.use(helmet({ contentSecurityPolicy: config.mode === 'production' ? undefined : false }));
  app.use(cookieParser());
  app.enableCors({ origin: config.http.webOrigins, credentials: true });
  app.useBodyParser('json', { limit: '1mb' });
  app.use(jsonDepthLimit);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new GlobalExceptionFilter());
  app.useWebSocketAdapter(new RealtimeIoAdapter(app, config));
  app.enableShutdownHooks();

  if (config.http.docs === 'off') return app;
  const openApi = new DocumentBuilder()
    .setTitle('TickleGram Inbox API')
    .setDescription('REST API of the TickleGram team inbox. Errors are always an ApiErrorBody {statusCode, code, message, errors?}.')
    .setVersion(config.version)
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi));
  return app;
}
