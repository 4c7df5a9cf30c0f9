/**
 * PROVISIONAL: hand-written from ../shared/spec/API.md until the server exports
 * src/generated/openapi.json; then `npm run gen:api` overwrites this file.
 */
type Json<T> = { headers: { [name: string]: unknown }; content: { 'application/json': T } };
type Problem = { headers: { [name: string]: unknown }; content: { 'application/problem+json': components['schemas']['Problem'] } };
type NoParams = { query?: never; header?: never; path?: never; cookie?: never };
type Post<Body, Status extends number, Res> = {
  parameters: NoParams;
  requestBody: { content: { 'application/json': Body } };
  responses: { [S in Status]: Json<Res> } & { 400: Problem; 401: Problem; 429: Problem };
};
type Get<Query, Path, Res> = {
  parameters: ([Query] extends [never] ? { query?: never } : { query?: Query }) &
    ([Path] extends [never] ? { path?: never } : { path: Path }) & { header?: never; cookie?: never };
  requestBody?: never;
  responses: { 200: Json<Res>; 400: Problem; 401: Problem; 403: Problem; 404: Problem };
};
type Route<Op extends { get?: unknown; post?: unknown }> = {
  parameters: NoParams;
  get: Op extends { get: infer G } ? G : never;
  put?: never;
  post: Op extends { post: infer P } ? P : never;
  delete?: never;
  options?: never;
  head?: never;
  patch?: never;
  trace?: never;
};
type S = components['schemas'];
type Page = { limit?: number; cursor?: string };

export interface paths {
  '/api/auth/codes': Route<{ post: Post<S['RequestCodeDto'], 202, S['CodeRequestedDto']> }>;
  '/api/auth/verify': Route<{ post: Post<S['VerifyCodeDto'], 200, S['UserSessionDto']> }>;
  '/api/auth/refresh': Route<{ post: Post<S['RefreshDto'], 200, S['RefreshedSessionDto']> }>;
  '/api/auth/logout': Route<{
    post: { parameters: NoParams; requestBody?: { content: { 'application/json': S['RefreshDto'] } }; responses: { 204: { headers: { [name: string]: unknown }; content?: never } } };
  }>;
  '/api/me': Route<{ get: Get<never, never, S['MeDto']> }>;
  '/api/me/invite': Route<{ post: Post<S['ActivateInviteDto'], 200, S['MeDto']> }>;
  '/api/me/referrals': Route<{ get: Get<Page, never, S['MyReferralsPageDto']> }>;
  '/api/admin/login': Route<{ post: Post<S['AdminLoginDto'], 200, S['AdminSessionDto']> }>;
  '/api/referrals/{inviteCode}': Route<{ get: Get<Page, { inviteCode: string }, S['CodeReferralsPageDto']> }>;
  '/api/admin/users': Route<{ get: Get<Page & { search?: string }, never, S['AdminUsersPageDto']> }>;
  '/api/admin/stats': Route<{ get: Get<{ days?: number }, never, S['StatsDto']> }>;
}

export interface components {
  schemas: {
    Problem: {
      type: string;
      title: string;
      status: number;
      code: string;
      detail?: string;
      attemptsLeft?: number;
      errors?: { field: string; message: string }[];
    };
    RequestCodeDto: { phone: string };
    CodeRequestedDto: { phone: string; expiresAt: string; resendAfter: number; devCode?: string };
    VerifyCodeDto: { phone: string; code: string };
    RefreshDto: { refreshToken?: string };
    InvitedByDto: { inviteCode: string; activatedAt: string };
    MeDto: {
      id: string;
      phone: string;
      inviteCode: string;
      invitedBy: S['InvitedByDto'] | null;
      referralsCount: number;
      createdAt: string;
    };
    UserSessionDto: {
      accessToken: string;
      refreshToken: string;
      tokenType: string;
      expiresIn: number;
      isNewUser: boolean;
      user: S['MeDto'];
    };
    RefreshedSessionDto: {
      accessToken: string;
      refreshToken: string;
      tokenType: string;
      expiresIn: number;
      user?: S['MeDto'];
      admin?: S['AdminDto'];
    };
    ActivateInviteDto: { inviteCode: string };
    ReferralDto: { phone: string; activatedAt: string };
    MyReferralsPageDto: { items: S['ReferralDto'][]; nextCursor: string | null; total: number };
    AdminLoginDto: { username: string; password: string };
    AdminDto: { id: string; username: string };
    AdminSessionDto: { accessToken: string; refreshToken: string; tokenType: string; expiresIn: number; admin: S['AdminDto'] };
    CodeOwnerDto: { phone: string; inviteCode: string };
    CodeReferralsPageDto: { owner: S['CodeOwnerDto']; items: S['ReferralDto'][]; nextCursor: string | null; total: number };
    AdminUserDto: {
      id: string;
      phone: string;
      inviteCode: string;
      invitedBy: string | null;
      referralsCount: number;
      createdAt: string;
    };
    AdminUsersPageDto: { items: S['AdminUserDto'][]; nextCursor: string | null; total: number };
    StatsDayDto: { date: string; signups: number; activations: number };
    TopReferrerDto: { inviteCode: string; phone: string; referralsCount: number };
    StatsDto: {
      users: number;
      activatedUsers: number;
      activationRate: number;
      days: S['StatsDayDto'][];
      topReferrers: S['TopReferrerDto'][];
    };
  };
  responses: never;
  parameters: never;
  requestBodies: never;
  headers: never;
  pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
