"use client";
import { Menu, X } from "lucide-react";
import Link from "next/link";
import { useState, type ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import type { Role } from "@/lib/auth/roles";
import { BusinessSwitcher } from "./business-switcher";
import { SidebarNav } from "./sidebar-nav";

interface ShellProps {
  role: Role;
  user: { name: string; email: string };
  memberships: { role: string; business: { id: string; name: string } }[];
  activeBusinessId: string;
  banner?: ReactNode;
  children: ReactNode;
}

export function DashboardShell({ role, user, memberships, activeBusinessId, banner, children }: ShellProps) {
  const [drawerOpen, setDrawerOpen] = useState(false);
  const brand = (
    <Link href="/dashboard" className="px-3 text-lg font-bold tracking-tight text-accent-700">
      Tangabiz
    </Link>
  );

  return (
    <div className="min-h-dvh md:pl-60">
      <aside className="fixed inset-y-0 left-0 hidden w-60 flex-col gap-6 border-r border-zinc-200 bg-white px-3 py-5 md:flex">
        {brand}
        <SidebarNav role={role} />
      </aside>

      {drawerOpen && (
        <div className="fixed inset-0 z-40 md:hidden" role="dialog" aria-modal="true" aria-label="Navigation">
          <button aria-label="Close navigation" className="absolute inset-0 bg-zinc-900/40" onClick={() => setDrawerOpen(false)} />
          <div className="absolute inset-y-0 left-0 flex w-64 flex-col gap-6 bg-white px-3 py-5 shadow-xl">
            <div className="flex items-center justify-between">
              {brand}
              <button aria-label="Close navigation" onClick={() => setDrawerOpen(false)} className="rounded-md p-2 hover:bg-zinc-100">
                <X aria-hidden className="size-5" />
              </button>
            </div>
            <SidebarNav role={role} onNavigate={() => setDrawerOpen(false)} />
          </div>
        </div>
      )}

      <header className="sticky top-0 z-30 flex h-14 items-center gap-3 border-b border-zinc-200 bg-white/95 px-4 backdrop-blur">
        <button
          aria-label="Open navigation"
          onClick={() => setDrawerOpen(true)}
          className="-ml-2 rounded-md p-2 hover:bg-zinc-100 md:hidden"
        >
          <Menu aria-hidden className="size-5" />
        </button>
        <BusinessSwitcher memberships={memberships} activeId={activeBusinessId} />
        <div className="ml-auto flex items-center gap-3">
          <div className="hidden text-right text-xs leading-tight sm:block">
            <div className="font-medium text-zinc-900">{user.name}</div>
            <div className="text-zinc-500">
              {user.email} · {role}
            </div>
          </div>
          <SignOutButton />
        </div>
      </header>
      {banner}
      <main className="mx-auto max-w-6xl px-4 py-6 sm:px-6">{children}</main>
    </div>
  );
}
