import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { APP_CONFIG, type AppConfig } from '@app/config';
import type { Principal, Role } from './auth.decorators';

interface AccessTokenClaims {
  sub: string;
  role: Role;
  jti: string;
}

/** Bearer access tokens: HS256 only (so `alg: none` and key-confusion tricks fail), not expired. */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: config.jwtSecret,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  validate(claims: AccessTokenClaims): Principal | false {
    if (typeof claims.sub !== 'string' || (claims.role !== 'user' && claims.role !== 'admin')) return false;
    return { id: claims.sub, role: claims.role };
  }
}
