import type { Metadata } from "next";
import { RegistrationReview } from "@/components/accounts/registration-review";

export const metadata: Metadata = { title: "注册审核" };

/** R-ACC-3: enterprise registrations of this city (legal city institutions). */
export default function Page() {
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-semibold">注册审核</h1>
      <RegistrationReview />
    </div>
  );
}
