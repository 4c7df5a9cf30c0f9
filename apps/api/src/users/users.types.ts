/** A user together with the invite code of whoever invited them. */
export interface UserProfile {
  id: string;
  phone: string;
  inviteCode: string;
  referrerId: string | null;
  invitedBy: { inviteCode: string; activatedAt: Date } | null;
  referralsCount: number;
  createdAt: Date;
}

/** One user who activated a code, as lists show them. */
export interface ReferralRecord {
  id: string;
  phone: string;
  activatedAt: Date;
  /** The keyset position of this row (microsecond timestamp text). */
  sortKey: string;
}

export interface UserListRecord {
  id: string;
  phone: string;
  inviteCode: string;
  invitedBy: string | null;
  referralsCount: number;
  createdAt: Date;
  sortKey: string;
}

/** What an admin's search term can mean; `null` lists everyone. */
export type UserSearch = { phoneDigits?: string; inviteCodePrefix?: string } | null;

export interface DailyCount {
  date: string;
  signups: number;
  activations: number;
}

export interface UserStats {
  users: number;
  activatedUsers: number;
  days: DailyCount[];
  topReferrers: { inviteCode: string; phone: string; referralsCount: number }[];
}
