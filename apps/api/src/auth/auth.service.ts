import { Inject, Injectable } from '@nestjs/common';
import { normalizePhone, ValidationFailedError } from '@app/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { MeDto } from '../users/dto/me.dto';
import { UsersService } from '../users/users.service';
import { AdminAccountsService, type AdminAccount } from './admin-accounts.service';
import { RefreshInvalidError } from './auth.errors';
import type { CodeSentDto } from './dto/request-code.dto';
import type { RefreshResponseDto, SessionDto } from './dto/session.dto';
import type { VerifyResponseDto } from './dto/verify-code.dto';
import { isOtpShaped } from './otp';
import { PhoneLoginService } from './phone-login.service';
import { SessionsService } from './sessions.service';

/** The auth endpoints' use cases: input rules first, then phone login, sessions and accounts. */
@Injectable()
export class AuthService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly phoneLogin: PhoneLoginService,
    private readonly sessions: SessionsService,
    private readonly admins: AdminAccountsService,
    private readonly users: UsersService,
  ) {}

  async requestCode(rawPhone: string, clientIp: string): Promise<CodeSentDto> {
    const sent = await this.phoneLogin.requestCode(this.parsePhone(rawPhone), clientIp);
    return { ...sent, expiresAt: sent.expiresAt.toISOString() };
  }

  async verify(rawPhone: string, code: string): Promise<VerifyResponseDto> {
    const phone = this.parsePhone(rawPhone);
    if (!isOtpShaped(code, this.config.otp.length)) {
      throw new ValidationFailedError([{ field: 'code', message: `code must be exactly ${this.config.otp.length} digits` }]);
    }
    const { user, created } = await this.phoneLogin.verify(phone, code);
    const tokens = await this.sessions.start({ id: user.id, role: 'user' });
    return { ...tokens, isNewUser: created, user: MeDto.from(user) };
  }

  async loginAdmin(username: string, password: string): Promise<SessionDto & { admin: AdminAccount }> {
    const admin = await this.admins.authenticate(username, password);
    const tokens = await this.sessions.start({ id: admin.id, role: 'admin' });
    return { ...tokens, admin };
  }

  /** Rotates the refresh token and returns the account it belongs to (user or admin). */
  async refresh(refreshToken: string | undefined): Promise<RefreshResponseDto> {
    if (!refreshToken) throw new RefreshInvalidError();
    const { principal, tokens } = await this.sessions.rotate(refreshToken);
    if (principal.role === 'admin') {
      const admin = await this.admins.findById(principal.id);
      if (!admin) throw new RefreshInvalidError();
      return { ...tokens, admin };
    }
    const user = await this.users.findById(principal.id);
    if (!user) throw new RefreshInvalidError();
    return { ...tokens, user: MeDto.from(user) };
  }

  async logout(refreshToken: string | undefined): Promise<void> {
    if (refreshToken) await this.sessions.revoke(refreshToken);
  }

  private parsePhone(raw: string): string {
    const phone = normalizePhone(raw, this.config.defaultCountry);
    if (!phone) throw new ValidationFailedError([{ field: 'phone', message: 'phone must be a valid phone number' }]);
    return phone;
  }
}
