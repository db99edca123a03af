import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/server/db";
import { clientAddress } from "@/server/http/client-address";
import { authSecret } from "./secret";
import { loadSessionUser } from "./session-user";
import { endSessions, SIGN_IN_MESSAGES, signIn } from "./sign-in";
import { nowSeconds, SESSION_IDLE_SECONDS, SessionLifetimeOver, sessionStartedAt, sessionWithinLifetime } from "./lifetime";

/**
 * R-ACC-5: a session lasts 30 minutes from the last activity (the client refreshes it while in use), and ends
 * SESSION_MAX_HOURS (12) after sign-in whatever the activity (src/server/auth/lifetime.ts).
 */
export { SESSION_IDLE_SECONDS };

process.env.NEXTAUTH_URL ??= `http://localhost:${process.env.PORT ?? 3000}`;

export const authOptions: NextAuthOptions = {
  secret: authSecret(),
  session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS },
  jwt: { maxAge: SESSION_IDLE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "用户名密码",
      credentials: { username: { label: "用户名" }, password: { label: "密码", type: "password" } },
      async authorize(credentials, req) {
        const { db } = await getDb();
        const result = await signIn(db, {
          username: credentials?.username,
          password: credentials?.password,
          ip: clientAddress(req?.headers as Record<string, string | undefined> | undefined),
        });
        // next-auth passes a thrown message to the sign-in page as `error`: the Chinese text users read.
        if (!result.ok) throw new Error(result.message);
        const u = await loadSessionUser(db, result.userId, result.sessionVersion);
        if (!u) throw new Error(SIGN_IN_MESSAGES.bad);
        return {
          id: String(u.id),
          name: u.displayName,
          sv: result.sessionVersion,
          role: u.role,
          org: u.org
            ? { id: u.org.id, kind: u.org.kind, level: u.org.level, regionCode: u.org.regionCode, provinceCode: u.org.provinceCode, cityCode: u.org.cityCode, countyCode: u.org.countyCode }
            : null,
        };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = Number(user.id);
        token.sv = user.sv;
        token.role = user.role;
        token.org = user.org;
        token.authAt = nowSeconds();
      }
      // A refresh never extends a session past its absolute lifetime: throwing makes next-auth clear the cookie.
      if (!sessionWithinLifetime(token, nowSeconds())) throw new SessionLifetimeOver();
      token.authAt = sessionStartedAt(token) ?? nowSeconds();
      return token;
    },
    session({ session, token }) {
      // For the browser's convenience only: the server re-reads the user from the database on every request.
      session.uid = token.uid;
      session.role = token.role;
      session.org = token.org;
      return session;
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.uid) await endSessions((await getDb()).db, token.uid);
    },
  },
  logger: {
    // One line per problem, never a stack trace per failed attempt.
    error(code, metadata) {
      if (code === "CREDENTIALS_SIGNIN" || code === "CLIENT_FETCH_ERROR") return;
      if (code === "JWT_SESSION_ERROR" && metadata instanceof SessionLifetimeOver) return;
      console.error(`[auth] ${code}`, metadata instanceof Error ? metadata.message : "");
    },
    warn() {},
    debug() {},
  },
};
