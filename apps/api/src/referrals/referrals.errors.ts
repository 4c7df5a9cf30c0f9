import { DomainError } from '@app/common';

export class InviteCodeNotFoundError extends DomainError {
  readonly code = 'invite_code_not_found';
  readonly status = 404;
  readonly title = 'Invite code not found';

  constructor() {
    super('No user has this invite code.');
  }
}

export class InviteAlreadyActivatedError extends DomainError {
  readonly code = 'invite_already_activated';
  readonly status = 409;
  readonly title = 'Invite code already activated';

  constructor() {
    super('You have already activated an invite code; it can be done only once.');
  }
}

export class SelfReferralError extends DomainError {
  readonly code = 'self_referral';
  readonly status = 422;
  readonly title = 'Own invite code';

  constructor() {
    super('You cannot activate your own invite code.');
  }
}

export class ReferralCycleError extends DomainError {
  readonly code = 'referral_cycle';
  readonly status = 422;
  readonly title = 'Referral cycle';

  constructor() {
    super('The owner of this code joined through you (directly or through others), so it would close a cycle.');
  }
}
