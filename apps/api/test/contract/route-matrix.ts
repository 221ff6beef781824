import { Role } from '@ticklegram/domain-models';
import { ContractApp } from './contract-app';

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteRule {
  method: Method;
  path: string;
  /** Roles the route admits; `public` = no token needed. */
  roles: readonly Role[] | 'public';
  /** A body that passes validation (so only the guards decide). */
  body?: object;
}

/**
 * Auth and roles of each route: no token → 401 (unless public), an admitted role gets past the guards
 * (not 401/403), any other role → 403. Answers `[route, role, status]` lines that broke the rule.
 */
export async function roleMatrixViolations(api: ContractApp, rules: readonly RouteRule[]): Promise<string[]> {
  const wrong: string[] = [];
  for (const rule of rules) {
    const call = (role: Role | null) => {
      const req = api.as(role)[rule.method](rule.path);
      return rule.body ? req.send(rule.body) : req;
    };
    const anonymous = (await call(null)).status;
    if (rule.roles === 'public' ? anonymous === 401 || anonymous === 403 : anonymous !== 401)
      wrong.push(`${rule.method.toUpperCase()} ${rule.path} anonymous → ${anonymous}`);
    for (const role of [Role.ADMIN, Role.AGENT]) {
      const status = (await call(role)).status;
      const admitted = rule.roles === 'public' || rule.roles.includes(role);
      if (admitted ? status === 401 || status === 403 : status !== 403) wrong.push(`${rule.method.toUpperCase()} ${rule.path} as ${role} → ${status}`);
    }
  }
  return wrong;
}
