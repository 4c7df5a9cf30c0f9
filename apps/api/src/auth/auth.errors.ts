import { DomainError } from '@app/common';

export class UnauthorizedError extends DomainError {
  readonly code = 'unauthorized';
  readonly status = 401;
  readonly title = 'Unauthorized';

  constructor(detail = 'A valid bearer access token is required.') {
    super(detail);
  }
}

export class ForbiddenError extends DomainError {
  readonly code = 'forbidden';
  readonly status = 403;
  readonly title = 'Forbidden';

  constructor(detail = 'This endpoint is not available to your account.') {
    super(detail);
  }
}

export class CodeInvalidError extends DomainError {
  readonly code = 'code_invalid';
  readonly status = 401;
  readonly title = 'Wrong code';

  constructor(attemptsLeft: number) {
    super(`The code is wrong. Attempts left: ${attemptsLeft}.`);
    this.extensions.attemptsLeft = attemptsLeft;
  }
}

export class CodeExpiredError extends DomainError {
  readonly code = 'code_expired';
  readonly status = 401;
  readonly title = 'Code expired';

  constructor() {
    super('There is no valid code for this phone. Ask for a new one.');
  }
}

export class TooManyAttemptsError extends DomainError {
  readonly code = 'too_many_attempts';
  readonly status = 429;
  readonly title = 'Too many attempts';

  constructor(
    detail: string,
    override readonly retryAfterSeconds?: number,
  ) {
    super(detail);
  }
}

export class InvalidCredentialsError extends DomainError {
  readonly code = 'invalid_credentials';
  readonly status = 401;
  readonly title = 'Invalid credentials';

  constructor() {
    super('The username or password is wrong.');
  }
}

export class RefreshInvalidError extends DomainError {
  readonly code = 'refresh_invalid';
  readonly status = 401;
  readonly title = 'Invalid refresh token';

  constructor() {
    super('The refresh token is unknown, expired or revoked. Sign in again.');
  }
}

export class SmsFailedError extends DomainError {
  readonly code = 'sms_failed';
  readonly status = 502;
  readonly title = 'SMS not sent';

  constructor() {
    super('The SMS provider did not accept the message. Try again.');
  }
}
