import type { paths } from '../generated/schema';

type JsonBody<R> = R extends { content: { 'application/json': infer T } } ? T : never;
type Operation<P extends keyof paths, M extends 'get' | 'post'> = NonNullable<paths[P][M]>;
type ResponsesOf<P extends keyof paths, M extends 'get' | 'post'> =
  Operation<P, M> extends { responses: infer R } ? R : never;

/** The JSON body of a successful response, read from the generated OpenAPI types. */
export type ResponseOf<P extends keyof paths, M extends 'get' | 'post', S extends number = 200> =
  S extends keyof ResponsesOf<P, M> ? JsonBody<ResponsesOf<P, M>[S]> : never;

export type Me = ResponseOf<'/api/me', 'get'>;
export type CodeRequested = ResponseOf<'/api/auth/codes', 'post', 202>;
export type UserSession = ResponseOf<'/api/auth/verify', 'post'>;
export type AdminSession = ResponseOf<'/api/admin/login', 'post'>;
export type MyReferralsPage = ResponseOf<'/api/me/referrals', 'get'>;
export type CodeReferralsPage = ResponseOf<'/api/referrals/{inviteCode}', 'get'>;
export type AdminUsersPage = ResponseOf<'/api/admin/users', 'get'>;
export type Stats = ResponseOf<'/api/admin/stats', 'get'>;
