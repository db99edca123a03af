import { encode } from "next-auth/jwt";

/**
 * The Cookie header of a signed-in browser (`next-auth.session-token=…`) for user `uid` at session version `sv`,
 * signed with the test file's NEXTAUTH_SECRET (read at call time: each file sets its own before the routes load).
 * For tests that call route handlers the way a browser does.
 */
export async function sessionCookie(uid: number, sv = 1): Promise<string> {
  return `next-auth.session-token=${await encode({ token: { uid, sv }, secret: process.env.NEXTAUTH_SECRET!, maxAge: 600 })}`;
}
