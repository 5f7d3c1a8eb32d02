import { TriangleAlert } from "lucide-react";
import Link from "next/link";
import { hasRole, type Role } from "@/lib/auth/roles";
import { cn } from "@/lib/cn";

// Shown across the dashboard while the business's payment is overdue or its subscription suspended.
export function BillingBanner({ status, role }: { status: string; role: Role }) {
  if (status !== "past_due" && status !== "suspended") return null;
  const suspended = status === "suspended";
  const canFix = role === "owner";
  return (
    <div
      role="region"
      aria-label="Billing problem"
      className={cn(
        "flex flex-wrap items-center gap-x-4 gap-y-2 border-b px-4 py-3 text-sm sm:px-6",
        suspended ? "border-red-200 bg-red-50 text-red-800" : "border-amber-200 bg-amber-50 text-amber-900",
      )}
    >
      <TriangleAlert aria-hidden className="size-4 shrink-0" />
      <p className="min-w-0 flex-1">
        <strong className="font-semibold">{suspended ? "Subscription suspended." : "Payment past due."}</strong>{" "}
        {suspended
          ? "Card payments failed too many times, so paid features are paused."
          : "The last card payment for your plan failed. Pay the open invoice or update the card to keep your plan."}
        {!canFix && " Ask an owner of this business to fix it."}
      </p>
      {hasRole(role, "admin") && (
        <Link href="/dashboard/billing" className="font-semibold underline underline-offset-2 hover:no-underline">
          {canFix ? "Fix billing" : "See billing"}
        </Link>
      )}
    </div>
  );
}
