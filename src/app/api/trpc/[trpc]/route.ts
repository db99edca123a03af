import { TRPCError } from "@trpc/server";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { readSessionToken } from "@/server/auth/session";
import { getDb } from "@/server/db";
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
      return createContext({ db: (await getDb()).db, userId, sessionVersion, ip: clientAddress(req.headers) });
    },
  });
}

export { handler as GET, handler as POST };
