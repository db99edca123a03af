import "server-only";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { headers } from "next/headers";
import { cache } from "react";
import { appRouter } from "@/server/api/root";
import { createContext, type Context } from "@/server/api/trpc";
import { readSessionToken } from "@/server/auth/session";
import { getDb } from "@/server/db";
import { clientAddress } from "@/server/http/client-address";
import { navigateOnRefusal } from "@/server/http/rsc-refusals";
import { makeQueryClient } from "./query-client";

/** Server components prefetch through the same procedures (and guards) as the browser, then hydrate. */
const createRscContext = cache(async () => {
  const h = await headers();
  const { userId, sessionVersion } = await readSessionToken();
  return createContext({ db: (await getDb()).db, userId, sessionVersion, ip: clientAddress(h) });
});

export const getQueryClient = cache(makeQueryClient);
export const trpc = createTRPCOptionsProxy({ ctx: createRscContext, router: appRouter, queryClient: getQueryClient });
/** The server components' caller: expected refusals become a redirect or the 404 page, never a logged stack. */
export const rscCaller = (ctx: Context) => appRouter.createCaller(ctx, { onError: navigateOnRefusal });
export const serverCaller = async () => rscCaller(await createRscContext());

export function HydrateClient({ children }: { children: React.ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
