import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { readSessionToken } from "@/server/auth/session";
import { getDb, getReadDb } from "@/server/db";
import { hasPrimaryCookie, primaryCookie } from "@/server/db/replica";
import { config } from "@/server/config";
import { clientAddress } from "@/server/http/client-address";
import { FOREIGN_ORIGIN_MESSAGE, isSameOrigin } from "@/server/http/same-origin";

export const dynamic = "force-dynamic";

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => {
      // Mutations travel as POST (queries as GET): a POST from another site is refused before any procedure
      // runs — defence in depth behind SameSite=Lax cookies and the JSON preflight.
      if (req.method !== "GET" && !isSameOrigin(req.headers)) {
        throw new TRPCError({ code: "FORBIDDEN", message: FOREIGN_ORIGIN_MESSAGE });
      }
      const { userId, sessionVersion } = await readSessionToken(req);
      const db = (await getDb()).db;
      // Read-your-writes across requests: for a few seconds after a write this browser reads from the primary.
      const readDb = config.databaseReplicaUrl && !hasPrimaryCookie(req.headers.get("cookie")) ? await getReadDb() : db;
      return createContext({ db, readDb, userId, sessionVersion, ip: clientAddress(req.headers) });
    },
    responseMeta: ({ type }) => (type === "mutation" && config.databaseReplicaUrl ? { headers: { "set-cookie": primaryCookie() } } : {}),
  });
}

export { handler as GET, handler as POST };
