import { applyDecorators, ExecutionContext, Injectable, SetMetadata, UseGuards, type CanActivate } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { RateLimitedError } from '@app/common';
import { RateLimitStore } from './rate-limit.store';

const LIMIT = 'rate-limit:per-ip';
const WINDOW_MS = 60_000;

interface PerIpLimit {
  name: string;
  perMinute: number;
}

/** Answers 429 `rate_limited` (with Retry-After) once a client IP exceeds the route's limit. */
@Injectable()
export class IpRateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly store: RateLimitStore,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const limit = this.reflector.get<PerIpLimit | undefined>(LIMIT, context.getHandler());
    if (!limit) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const { count, resetInMs } = await this.store.hit(`${limit.name}:${request.ip}`, WINDOW_MS);
    if (count > limit.perMinute) {
      throw new RateLimitedError('Too many attempts from your network. Wait a minute.', Math.ceil(resetInMs / 1000));
    }
    return true;
  }
}

/**
 * At most `perMinute` requests per client IP per minute to this route; routes sharing a `name`
 * share the budget. A coarse line against guessing secrets, beside the per-phone rules.
 */
export const LimitPerIp = (name: string, perMinute: number) =>
  applyDecorators(SetMetadata(LIMIT, { name, perMinute } satisfies PerIpLimit), UseGuards(IpRateLimitGuard));
