import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ApiErrorBody } from '@ticklegram/domain-models';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { AppException } from '../exceptions/app.exception';
import { RequestValidationException } from '../pipes/validation.pipe';

const HTTP_CODES: Partial<Record<number, string>> = {
  400: 'BAD_REQUEST',
  401: 'AUTH_UNAUTHENTICATED',
  403: 'AUTH_FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

function httpExceptionMessage(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  if (Array.isArray(message)) return message.join('; ');
  return typeof message === 'string' ? message : exception.message;
}

/**
 * Every error leaves the api as an {@link ApiErrorBody}. Unexpected errors are logged with an error id
 * and answered as a generic 500 carrying that id: internals never reach the client.
 */
@Catch()
export class GlobalExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('ExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { id?: string }>();
    const response = http.getResponse<Response>();
    const body = this.toBody(exception, request);
    if (response.headersSent) return;
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, request: Request & { id?: string }): ApiErrorBody {
    const requestId = typeof request.id === 'string' ? request.id : undefined;
    if (exception instanceof AppException) {
      return { statusCode: exception.status, code: exception.code, message: exception.message, requestId };
    }
    if (exception instanceof RequestValidationException) {
      return { statusCode: 400, code: 'VALIDATION_FAILED', message: exception.message, errors: exception.fieldErrors, requestId };
    }
    if (exception instanceof HttpException && exception.getStatus() < 500) {
      const statusCode = exception.getStatus();
      return { statusCode, code: HTTP_CODES[statusCode] ?? 'REQUEST_FAILED', message: httpExceptionMessage(exception), requestId };
    }
    const bodyParserStatus = (exception as { status?: unknown; type?: unknown })?.status;
    if (typeof bodyParserStatus === 'number' && bodyParserStatus >= 400 && bodyParserStatus < 500) {
      // body-parser errors (malformed JSON, body too large) arrive before Nest wraps them
      const message = bodyParserStatus === 413 ? 'The request body is too large.' : 'The request body is not valid JSON.';
      return { statusCode: bodyParserStatus, code: HTTP_CODES[bodyParserStatus] ?? 'BAD_REQUEST', message, requestId };
    }
    const errorId = randomUUID();
    this.logger.error({ err: exception, errorId, requestId, path: request.path, method: request.method }, 'Unhandled error');
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      code: 'INTERNAL_ERROR',
      message: 'Something went wrong on our side. Quote the error id if you contact support.',
      errorId,
      requestId,
    };
  }
}
