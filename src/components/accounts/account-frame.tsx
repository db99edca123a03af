import Link from "next/link";
import { AppProviders } from "@/components/layout/app-providers";
import { Brand } from "@/components/layout/brand";
import { SignOutButton } from "@/components/layout/sign-out-button";
import { MessageBell } from "@/components/notify/bell";

/** Frame of the signed-in pages outside a role's sidebar: profile, registration state, personal account, messages (with the bell). */
export function AccountFrame({ back, bell = true, children }: { back?: { href: string; label: string }; bell?: boolean; children: React.ReactNode }) {
  return (
    <AppProviders>
      <div className="mx-auto max-w-3xl space-y-4 p-4 sm:p-6">
        <div className="flex items-center justify-between gap-2">
          <Brand />
          <div className="flex items-center gap-1">
            {bell ? <MessageBell /> : null}
            <SignOutButton />
          </div>
        </div>
        {back ? (
          <Link className="text-sm text-primary underline" href={back.href}>
            ← {back.label}
          </Link>
        ) : null}
        {children}
      </div>
    </AppProviders>
  );
}
