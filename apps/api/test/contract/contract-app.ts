import { INestApplication, Provider, Type } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { Role } from '@ticklegram/domain-models';
import request from 'supertest';
import { GlobalExceptionFilter } from '../../src/common/filters/global-exception.filter';
import { JwtAuthGuard } from '../../src/common/guards/jwt-auth.guard';
import { RolesGuard } from '../../src/common/guards/roles.guard';
import { createValidationPipe } from '../../src/common/pipes/validation.pipe';
import { AccessTokenService } from '../../src/modules/auth/access-token.service';

/** Signed-in users of the contract tier; their tokens are accepted by the stand-in token service. */
export const CONTRACT_USERS = {
  [Role.ADMIN]: { id: '11111111-1111-4111-8111-111111111111', email: 'admin@contract.test', role: Role.ADMIN, token: 'contract-admin-token' },
  [Role.AGENT]: { id: '22222222-2222-4222-8222-222222222222', email: 'agent@contract.test', role: Role.AGENT, token: 'contract-agent-token' },
} as const;

/** A stand-in for a provider: every listed method is a jest mock answering `value` (default: undefined). */
export function mockProvider<T>(token: Type<T>, methods: Partial<Record<keyof T, unknown>> = {}): { provide: Type<T>; useValue: Record<string, jest.Mock> } {
  const useValue: Record<string, jest.Mock> = {};
  for (const [name, value] of Object.entries(methods)) useValue[name] = jest.fn(async () => value);
  // any other method the controller calls answers undefined instead of crashing the contract
  const passive = (name: string | symbol) => typeof name === 'symbol' || name === 'then' || /^(on|before)[A-Z]/.test(name);
  return {
    provide: token,
    useValue: new Proxy(useValue, { get: (target, name) => (passive(name) ? undefined : (target[name as string] ??= jest.fn(async () => undefined))) }),
  };
}

export interface ContractApp {
  app: INestApplication;
  /** `as(role)` signs the request as that user; `as(null)` sends no token. */
  as(role: Role | null): {
    get(path: string): request.Test;
    post(path: string): request.Test;
    put(path: string): request.Test;
    patch(path: string): request.Test;
    delete(path: string): request.Test;
  };
  close(): Promise<void>;
}

/**
 * The controller-contract tier: the real controller(s) behind the app's global guards (JWT + roles,
 * with a stand-in token service), its strict validation pipe, its exception filter and
 * the `/api` prefix — with the services mocked. What it proves: who may call each route, and which
 * bodies and queries are refused with which field errors, before any service runs.
 */
export async function startContractApp(options: { controllers: Type<unknown>[]; providers?: Provider[] }): Promise<ContractApp> {
  const users = Object.values(CONTRACT_USERS);
  const moduleRef = await Test.createTestingModule({
    controllers: options.controllers,
    providers: [
      ...(options.providers ?? []),
      {
        provide: AccessTokenService,
        useValue: {
          authenticate: async (token: string | null | undefined) => {
            const user = users.find((u) => u.token === token);
            return user ? { user: { id: user.id, email: user.email, role: user.role }, expiresAt: new Date(Date.now() + 15 * 60_000) } : null;
          },
        },
      },
      { provide: APP_GUARD, useClass: JwtAuthGuard },
      { provide: APP_GUARD, useClass: RolesGuard },
    ],
  }).compile();
  const app = moduleRef.createNestApplication({ logger: false });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new GlobalExceptionFilter());
  await app.init();
  const server = app.getHttpServer();
  return {
    app,
    as(role) {
      const sign = (test: request.Test) => (role ? test.set('Authorization', `Bearer ${CONTRACT_USERS[role].token}`) : test);
      return {
        get: (path) => sign(request(server).get(path)),
        post: (path) => sign(request(server).post(path)),
        put: (path) => sign(request(server).put(path)),
        patch: (path) => sign(request(server).patch(path)),
        delete: (path) => sign(request(server).delete(path)),
      };
    },
    close: () => app.close(),
  };
}

/** The fields a 400 names (`errors[].field`), sorted. */
export function fieldsOf(body: { errors?: { field: string }[] }): string[] {
  return (body.errors ?? []).map((e) => e.field).sort();
}

export const ANY_ID = '00000000-0000-4000-8000-000000000000';
