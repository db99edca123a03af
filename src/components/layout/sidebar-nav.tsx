"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { Menu } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetHeader, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
import { navFor, type NavOrg, type NavRole } from "@/lib/navigation";
import { cn } from "@/lib/utils";

function NavLinks({ role, org, onNavigate }: { role: NavRole; org: NavOrg; onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <ul className="space-y-1">
      {navFor(role, org).map((item) => {
        const active = item.href === `/${role}` ? pathname === item.href : pathname.startsWith(item.href);
        const Icon = item.icon;
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              onClick={onNavigate}
              aria-current={active ? "page" : undefined}
              className={cn(
                "flex items-center gap-2 rounded-md px-3 py-2 text-sm hover:bg-accent",
                active ? "bg-primary/10 font-medium text-primary" : "text-foreground/80",
              )}
            >
              <Icon className="size-4" aria-hidden />
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

export function SidebarNav({ role, org }: { role: NavRole; org: NavOrg }) {
  return (
    <nav aria-label="功能菜单" className="hidden w-52 shrink-0 border-r bg-muted/30 p-3 md:block print:hidden">
      <NavLinks role={role} org={org} />
    </nav>
  );
}

/** Phone width: the same menu in a side sheet behind a menu button. */
export function MobileNav({ role, org }: { role: NavRole; org: NavOrg }) {
  const [open, setOpen] = useState(false);
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger asChild>
        <Button variant="ghost" size="icon" className="md:hidden" aria-label="打开功能菜单">
          <Menu />
        </Button>
      </SheetTrigger>
      <SheetContent side="left" className="w-64 p-3">
        <SheetHeader>
          <SheetTitle>功能菜单</SheetTitle>
        </SheetHeader>
        <nav aria-label="功能菜单">
          <NavLinks role={role} org={org} onNavigate={() => setOpen(false)} />
        </nav>
      </SheetContent>
    </Sheet>
  );
}
