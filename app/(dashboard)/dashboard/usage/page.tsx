import { BarChart3 } from "lucide-react";
import type { Metadata } from "next";
import { ComingSoon } from "@/components/dashboard/coming-soon";
import { PageHeader } from "@/components/dashboard/page-header";
import { requireMember } from "@/lib/auth/page-session";

export const metadata: Metadata = { title: "Usage" };

export default async function UsagePage() {
  await requireMember();
  return (
    <>
      <PageHeader title="Usage" description="What your terminals and apps did through the API." />
      <ComingSoon
        icon={BarChart3}
        title="No usage recorded yet"
        description="Once your POS terminals call the API with a key, transactions per day and totals for the period appear here."
      />
    </>
  );
}
