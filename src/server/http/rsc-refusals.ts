import type { TRPCError } from "@trpc/server";
import { notFound, redirect } from "next/navigation";

/**
 * Server components call procedures directly; an expected refusal there is an answer, not a fault (issue 9
 * #8). Thrown as a TRPCError it would reach Next, which logs it with its stack — on every visit of a role
 * page after the session ended (e.g. right after sign-out). Instead: signed out → the sign-in page; refused,
 * not found or a bad parameter → the 404 page (which reveals nothing). Anything else is left to fail loudly.
 */
export function navigateOnRefusal({ error }: { error: TRPCError }) {
  if (error.code === "UNAUTHORIZED") redirect("/login");
  if (error.code === "FORBIDDEN" || error.code === "NOT_FOUND" || error.code === "BAD_REQUEST") notFound();
}
