import Link from "next/link";
import { ArrowRight } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { navFor, type NavRole } from "@/lib/navigation";
import { INSTITUTION_KIND_LABEL, LEVEL_LABEL, ORG_KIND_LABEL } from "@/lib/words";
import { serverCaller } from "@/trpc/server";

/** A role's home: who we are, the figures that matter, and what can be done from here now. */
export async function RoleHome({ role }: { role: NavRole }) {
  const { user, figures } = await (await serverCaller()).me.home();
  const org = user.org;
  const actions = navFor(role, org ? { kind: org.kind, level: org.level, institutionKind: org.institutionKind } : null).filter(
    (n) => n.href !== `/${role}`,
  );
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-xl font-semibold" data-testid="home-org-name">
          {org?.name ?? "平台管理"}
        </h1>
        <p className="text-sm text-muted-foreground">
          {org
            ? [ORG_KIND_LABEL[org.kind], org.institutionKind ? INSTITUTION_KIND_LABEL[org.institutionKind] : null, org.level ? LEVEL_LABEL[org.level] : null]
                .filter(Boolean)
                .join(" · ")
            : null}
          {org ? " · " : ""}欢迎您，{user.displayName}
        </p>
      </div>
      {figures.length ? (
        <div className="grid grid-cols-2 gap-3 lg:grid-cols-4">
          {figures.map((f) => (
            <Card key={f.label} className="gap-1 py-4">
              <CardContent className="px-4">
                <div className="text-sm text-muted-foreground">{f.label}</div>
                <div className="text-2xl font-semibold tabular-nums">{f.value.toLocaleString("zh-CN")}</div>
              </CardContent>
            </Card>
          ))}
        </div>
      ) : null}
      {actions.length ? (
        <section aria-labelledby="actions-title" className="space-y-3">
          <h2 id="actions-title" className="font-medium">
            现在可以办理
          </h2>
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {actions.map((a) => (
              <Link key={a.href} href={a.href} className="group">
                <Card className="h-full gap-2 py-4 transition-colors group-hover:border-primary/50">
                  <CardHeader className="px-4">
                    <CardTitle className="flex items-center gap-2 text-base">
                      <a.icon className="size-4 text-primary" aria-hidden />
                      {a.label}
                      <ArrowRight className="ml-auto size-4 opacity-0 transition-opacity group-hover:opacity-100" aria-hidden />
                    </CardTitle>
                    <CardDescription>{a.description}</CardDescription>
                  </CardHeader>
                </Card>
              </Link>
            ))}
          </div>
        </section>
      ) : null}
    </div>
  );
}
