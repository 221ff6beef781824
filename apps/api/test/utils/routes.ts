import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { Role } from '@ticklegram/domain-models';
import { IS_PUBLIC_KEY } from '../../src/common/decorators/public.decorator';
import { ROLES_KEY } from '../../src/common/decorators/roles.decorator';

/** Paths served outside the `/api` prefix (bootstrap.ts). */
const UNPREFIXED = new Set(['webhooks/instagram', 'webhooks/facebook', 'webhook']);

export interface DiscoveredRoute {
  controller: string;
  handler: string;
  method: string;
  /** Full path as clients call it, with Nest's `:params`. */
  path: string;
  isPublic: boolean;
  /** Roles declared on the handler or its controller; null when none are. */
  roles: Role[] | null;
}

const joinPath = (...parts: string[]) =>
  `/${parts
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/')}`;

/** Every route handler of every controller the app registered, with what it declares about access. */
export function discoverRoutes(app: INestApplication): DiscoveredRoute[] {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const reflector = app.get(Reflector);
  const routes: DiscoveredRoute[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as object | undefined;
    const type = wrapper.metatype as (new (...args: never[]) => unknown) | undefined;
    if (!instance || !type) continue;
    const prefixes = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, type) ?? '');
    for (const name of scanner.getAllMethodNames(Object.getPrototypeOf(instance))) {
      const handler = (instance as Record<string, unknown>)[name] as object;
      const paths = Reflect.getMetadata(PATH_METADATA, handler) as string | string[] | undefined;
      if (paths === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
      const isPublic = reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [handler as never, type]) === true;
      const roles = reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [handler as never, type]) ?? null;
      for (const prefix of prefixes) {
        for (const path of ([] as string[]).concat(paths)) {
          const local = joinPath(prefix, path);
          routes.push({
            controller: type.name,
            handler: name,
            method,
            path: UNPREFIXED.has(local.slice(1)) ? local : joinPath('api', local),
            isPublic,
            roles: roles?.length ? roles : null,
          });
        }
      }
    }
  }
  return routes;
}

/** A concrete URL for a route: uuids for ids, `0` for indexes, a plausible Meta id for mids. */
export function concretePath(path: string): string {
  return path.replace(/:(\w+)/g, (_m, name: string) => (name === 'index' ? '0' : name === 'mid' ? 'm_contract_test' : '00000000-0000-4000-8000-000000000000'));
}
