/** Query keys shared across features, so one feature can refresh what another shows. */
export const queryKeys = {
  me: ['me'] as const,
  myReferrals: ['me', 'referrals'] as const,
  admin: ['admin'] as const,
};
