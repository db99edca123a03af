import { Toaster } from "@/components/ui/toast";
import { TRPCReactProvider } from "@/trpc/react";

/**
 * tRPC/react-query and the toasts, mounted only where they are used: the workbenches (RoleShell), the account
 * pages (AccountFrame) and the self-service forms (registration, password recovery). Not in the root layout:
 * there every public page would load ~480 KiB of client code it never runs (issue 11 #7).
 * The browser's QueryClient is one per tab (src/trpc/react.tsx), so moving between frames keeps its cache.
 */
export function AppProviders({ children }: { children: React.ReactNode }) {
  return (
    <TRPCReactProvider>
      {children}
      <Toaster />
    </TRPCReactProvider>
  );
}
