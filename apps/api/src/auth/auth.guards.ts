import { ExecutionContext, Injectable, type CanActivate } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { ForbiddenError, UnauthorizedError } from './auth.errors';
import { IS_PUBLIC, REQUIRED_ROLE, type Principal, type Role } from './auth.decorators';

/** Global: every route needs a valid bearer token unless marked `@Public()`. */
@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override canActivate(context: ExecutionContext) {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    return super.canActivate(context);
  }

  override handleRequest<T>(error: unknown, principal: T): T {
    if (error || !principal) throw new UnauthorizedError();
    return principal;
  }
}

/** Global, after authentication: enforces `@RequireRole()`. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const role = this.reflector.getAllAndOverride<Role | undefined>(REQUIRED_ROLE, [context.getHandler(), context.getClass()]);
    if (!role) return true;
    const principal = context.switchToHttp().getRequest<FastifyRequest & { user?: Principal }>().user;
    if (principal?.role !== role) throw new ForbiddenError();
    return true;
  }
}
