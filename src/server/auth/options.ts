import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "@/server/db";
import { authSecret } from "./secret";
import { loadSessionUser } from "./session-user";
import { endSessions, SIGN_IN_MESSAGES, signIn } from "./sign-in";

/** R-ACC-5: a session lasts 30 minutes from the last activity (the client refreshes it while in use). */
export const SESSION_IDLE_SECONDS = 30 * 60;

process.env.NEXTAUTH_URL ??= `http://localhost:${process.env.PORT ?? 3000}`;

function clientIp(headers: unknown): string | null {
  const h = (headers ?? {}) as Record<string, string | string[] | undefined>;
  const fwd = h["x-forwarded-for"];
  const first = (Array.isArray(fwd) ? fwd[0] : fwd)?.split(",")[0]?.trim();
  return first || (h["x-real-ip"] as string | undefined) || null;
}

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
          ip: clientIp(req?.headers),
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
      }
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
      console.error(`[auth] ${code}`, metadata instanceof Error ? metadata.message : "");
    },
    warn() {},
    debug() {},
  },
};
