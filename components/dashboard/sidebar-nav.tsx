"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { hasRole, type Role } from "@/lib/auth/roles";
import { cn } from "@/lib/cn";
import { navItems } from "./nav-items";

export function SidebarNav({ role, onNavigate }: { role: Role; onNavigate?: () => void }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Dashboard" className="flex flex-col gap-1">
      {navItems
        .filter((item) => hasRole(role, item.role))
        .map(({ href, label, icon: Icon }) => {
          const active = href === "/dashboard" ? pathname === href : pathname.startsWith(href);
          return (
            <Link
              key={href}
              href={href}
              onClick={onNavigate}
              aria-current={active ? "page" : undefined}
              className={cn(
                "flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900",
                active && "bg-accent-50 text-accent-700 hover:bg-accent-50 hover:text-accent-700",
              )}
            >
              <Icon aria-hidden className="size-4 shrink-0" />
              {label}
            </Link>
          );
        })}
    </nav>
  );
}
