import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

export type Role = 'user' | 'admin';

/** Who a valid access token speaks for. */
export interface Principal {
  id: string;
  role: Role;
}

export const IS_PUBLIC = 'auth:isPublic';
export const REQUIRED_ROLE = 'auth:role';

/** Opts a route out of the global bearer-token guard. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

/** Only tokens of this role may call the route (others get 403 `forbidden`). */
export const RequireRole = (role: Role) => SetMetadata(REQUIRED_ROLE, role);

/** The authenticated principal of the request. */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext) => context.switchToHttp().getRequest<FastifyRequest & { user: Principal }>().user,
);
