import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { readSessionToken } from "@/server/auth/session";
import { getDb } from "@/server/db";

export const dynamic = "force-dynamic";

function handler(req: Request) {
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: async () => {
      const { userId, sessionVersion } = await readSessionToken(req);
      const ip = req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? req.headers.get("x-real-ip");
      return createContext({ db: (await getDb()).db, userId, sessionVersion, ip: ip ?? null });
    },
  });
}

export { handler as GET, handler as POST };
