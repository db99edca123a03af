import "next-auth";
import "next-auth/jwt";

/** What the session token carries: who, their role, and their organisation's kind, level and region codes. */
type TokenOrg = {
  id: number;
  kind: string;
  level: string | null;
  regionCode: string | null;
  provinceCode: string | null;
  cityCode: string | null;
  countyCode: string | null;
} | null;

declare module "next-auth" {
  interface User {
    sv: number;
    role: string;
    org: TokenOrg;
  }
  interface Session {
    uid?: number;
    role?: string;
    org?: TokenOrg;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: number;
    sv?: number;
    role?: string;
    org?: TokenOrg;
    /** Sign-in time (seconds): the session ends SESSION_MAX_HOURS after it, however often it is refreshed. */
    authAt?: number;
  }
}
