import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Role } from '@ticklegram/domain-models';

/** What the access token proves about the caller; attached to the request by the JWT guard. */
export interface AuthUser {
  id: string;
  email: string;
  role: Role;
}

export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthUser => {
  return context.switchToHttp().getRequest<{ user: AuthUser }>().user;
});
