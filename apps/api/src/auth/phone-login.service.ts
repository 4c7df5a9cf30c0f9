import { Inject, Injectable, Logger } from '@nestjs/common';
import { RateLimitedError } from '@app/common';
import { APP_CONFIG, type AppConfig } from '@app/config';
import { TransactionHost } from '@app/database';
import { SmsSender } from '@app/sms';
import { UsersService } from '../users/users.service';
import type { UserProfile } from '../users/users.types';
import { CodeExpiredError, CodeInvalidError, SmsFailedError, TooManyAttemptsError } from './auth.errors';
import { LoginCodesRepository } from './login-codes.repository';
import { checkSendPolicy, generateOtp, lockoutRetryAfter, OtpHasher, secondsUntilResend, type SendRefusal } from './otp';

export interface CodeSent {
  phone: string;
  expiresAt: Date;
  resendAfter: number;
  codeLength: number;
  devCode?: string;
}

type IssueOutcome = { kind: 'refused'; refusal: SendRefusal } | { kind: 'issued'; code: { id: string; expiresAt: Date } };

type VerifyOutcome =
  | { kind: 'ok'; user: UserProfile; created: boolean }
  | { kind: 'locked'; retryAfter: number }
  | { kind: 'burned'; retryAfter: number }
  | { kind: 'expired' }
  | { kind: 'wrong'; attemptsLeft: number };

const REFUSAL_DETAIL: Record<SendRefusal['reason'], string> = {
  cooldown: 'A code was just sent to this phone. Wait before asking for another.',
  phone_hourly: 'Too many codes were sent to this phone in the last hour.',
  ip_hourly: 'Too many codes were requested from your network in the last hour.',
};

/**
 * Phone sign-in with one-time codes. Every decision is made inside a transaction holding the
 * phone's advisory lock, with the database's clock, so the limits hold across API processes.
 * Outcomes that must persist (a counted guess) are returned from the transaction and only
 * then turned into errors, because throwing inside would roll the counting back.
 */
@Injectable()
export class PhoneLoginService {
  private readonly logger = new Logger(PhoneLoginService.name);
  private readonly hasher: OtpHasher;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly codes: LoginCodesRepository,
    private readonly users: UsersService,
    private readonly sms: SmsSender,
    private readonly tx: TransactionHost,
  ) {
    this.hasher = new OtpHasher(config.jwtSecret);
  }

  /** Issues a new code (replacing any previous one) and sends it. Same answer for new and known phones. */
  async requestCode(phone: string, clientIp: string): Promise<CodeSent> {
    const policy = this.config.otp;
    const code = generateOtp(policy.length);
    const issued = await this.tx.run(async (): Promise<IssueOutcome> => {
      await this.codes.lockClientIp(clientIp);
      await this.codes.lockPhone(phone);
      const refusal = checkSendPolicy(policy, await this.codes.findSendHistory(phone, clientIp));
      if (refusal) return { kind: 'refused', refusal };
      await this.codes.invalidateLive(phone);
      return { kind: 'issued', code: await this.codes.insert(phone, this.hasher.hash(phone, code), clientIp, policy.ttlSeconds) };
    });
    if (issued.kind === 'refused') throw new RateLimitedError(REFUSAL_DETAIL[issued.refusal.reason], issued.refusal.retryAfterSeconds);

    try {
      await this.sms.send({ to: phone, text: `Код для входа: ${code}. Никому его не сообщайте.` });
    } catch (error) {
      // An undelivered code must neither work nor hold the cooldown.
      await this.codes.delete(issued.code.id);
      this.logger.warn(`SMS via ${this.sms.name} failed: ${(error as Error).message}`);
      throw new SmsFailedError();
    }
    return {
      phone,
      expiresAt: issued.code.expiresAt,
      resendAfter: policy.resendSeconds,
      codeLength: policy.length,
      ...(policy.demo ? { devCode: code } : {}),
    };
  }

  /** Checks a guess; on success consumes the code and returns the (possibly new) account. */
  async verify(phone: string, code: string): Promise<{ user: UserProfile; created: boolean }> {
    const outcome = await this.tx.run(() => this.verifyLocked(phone, code));
    switch (outcome.kind) {
      case 'ok':
        return { user: outcome.user, created: outcome.created };
      case 'locked':
        throw new TooManyAttemptsError('Too many wrong codes for this phone. Try again later.', outcome.retryAfter);
      case 'burned':
        throw new TooManyAttemptsError('This code was blocked after too many wrong guesses. Ask for a new code.', outcome.retryAfter);
      case 'expired':
        throw new CodeExpiredError();
      case 'wrong':
        throw new CodeInvalidError(outcome.attemptsLeft);
    }
  }

  private async verifyLocked(phone: string, code: string): Promise<VerifyOutcome> {
    const { otp } = this.config;
    await this.codes.lockPhone(phone);
    const { now, failures } = await this.codes.findRecentFailures(phone);
    const retryAfter = lockoutRetryAfter(otp.maxFailuresPerPhone, failures, now);
    if (retryAfter !== null) return { kind: 'locked', retryAfter };

    const guessed = await this.codes.countGuess(phone, otp.maxAttempts);
    if (!guessed) {
      const burned = await this.codes.findBurnedCode(phone, otp.maxAttempts);
      // The wait is until a new code may be asked for (the resend delay of the burned one).
      return burned ? { kind: 'burned', retryAfter: secondsUntilResend(burned, otp.resendSeconds) } : { kind: 'expired' };
    }
    if (!this.hasher.matches(guessed.codeHash, phone, code)) {
      await this.codes.recordFailure(phone);
      return { kind: 'wrong', attemptsLeft: otp.maxAttempts - guessed.attempts };
    }
    await this.codes.markConsumed(guessed.id);
    const { user, created } = await this.users.findOrCreateByPhone(phone);
    return { kind: 'ok', user, created };
  }
}
