import { INestApplication, RequestMethod } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import { raw } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import { GlobalExceptionFilter } from './common/filters/global-exception.filter';
import { jsonDepthLimit } from './common/http/json-depth.middleware';
import { createValidationPipe } from './common/pipes/validation.pipe';
import { AppConfig } from './config/app-config';
import { RealtimeIoAdapter } from './modules/realtime/realtime-io.adapter';

const WEBHOOK_PATHS = ['webhooks/instagram', 'webhooks/facebook', 'webhook'];

/** Builds the fully configured api (shared by `main.ts` and the integration tests). */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { rawBody: true, bufferLogs: true });
  app.useLogger(app.get(Logger));
  // only the configured proxies (the web server) may name the client IP; anyone else's X-Forwarded-For is ignored
  app.set('trust proxy', config.http.trustedProxies);
  // Meta's callbacks live outside /api (the URLs typed into the App Dashboard)
  app.setGlobalPrefix('api', { exclude: WEBHOOK_PATHS.flatMap((path) => [{ path, method: RequestMethod.GET }, { path, method: RequestMethod.POST }]) });
  app.use(helmet({ contentSecurityPolicy: config.mode === 'production' ? undefined : false }));
  app.use(cookieParser());
  app.enableCors({ origin: config.http.webOrigins, credentials: true });
  // webhook bodies stay raw bytes (the signature covers them) and may be 1000-entry batches; 413 above the limit
  app.use(WEBHOOK_PATHS.map((path) => `/${path}`), raw({ type: () => true, limit: config.webhooks.bodyLimitBytes }));
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
