import { redirect } from "next/navigation";
import { ROLE_HOME } from "@/lib/navigation";
import { getSessionUser } from "@/server/auth/session";

/** After sign-in: each role lands on its own home. */
export default async function HomeRedirect() {
  const user = await getSessionUser();
  redirect(user ? (ROLE_HOME[user.role] ?? "/") : "/login");
}
