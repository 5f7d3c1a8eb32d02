"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "@/components/ui/toast";
import { authClient } from "@/lib/auth/client";

interface Membership {
  role: string;
  business: { id: string; name: string };
}

export function BusinessSwitcher({ memberships, activeId }: { memberships: Membership[]; activeId: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);

  async function switchTo(businessId: string) {
    setPending(true);
    const { error } = await authClient.organization.setActive({ organizationId: businessId });
    setPending(false);
    if (error) return toast.error(error.message ?? "Could not switch business.");
    const name = memberships.find((m) => m.business.id === businessId)?.business.name;
    toast.success(`Switched to ${name}.`);
    router.push("/dashboard");
    router.refresh();
  }

  return (
    <div className="flex min-w-0 items-center gap-2">
      <label htmlFor="business-switcher" className="sr-only">
        Business
      </label>
      <select
        id="business-switcher"
        value={activeId}
        disabled={pending}
        onChange={(event) => switchTo(event.target.value)}
        className="h-9 min-w-0 max-w-56 truncate rounded-md border border-zinc-300 bg-white px-2 text-sm font-medium"
      >
        {memberships.map(({ business, role }) => (
          <option key={business.id} value={business.id}>
            {business.name} ({role})
          </option>
        ))}
      </select>
      <Link href="/onboarding" className="hidden text-sm text-accent-700 hover:underline sm:inline">
        New business
      </Link>
    </div>
  );
}
