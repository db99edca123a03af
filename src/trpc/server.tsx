import "server-only";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { cache } from "react";
import { appRouter } from "@/server/api/root";
import { createContext } from "@/server/api/trpc";
import { readSessionToken } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { makeQueryClient } from "./query-client";

/** Server components prefetch through the same procedures (and guards) as the browser, then hydrate. */
const createRscContext = cache(async () => {
  const h = await headers();
  const { userId, sessionVersion } = await readSessionToken();
  return createContext({ db: (await getDb()).db, userId, sessionVersion, ip: h.get("x-forwarded-for") ?? null });
});

export const getQueryClient = cache(makeQueryClient);
export const trpc = createTRPCOptionsProxy({ ctx: createRscContext, router: appRouter, queryClient: getQueryClient });
export const serverCaller = async () => appRouter.createCaller(await createRscContext());

export function HydrateClient({ children }: { children: React.ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
