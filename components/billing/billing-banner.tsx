import { TriangleAlert } from "lucide-react";
import Link from "next/link";
import { hasRole, type Role } from "@/lib/auth/roles";
import { cn } from "@/lib/cn";

// Shown across the dashboard while the business's payment is overdue or its subscription suspended.
// payUrl: the open invoice to pay (mobile money / CVT), shown to owners as the way out.
export function BillingBanner({ status, role, payUrl = null }: { status: string; role: Role; payUrl?: string | null }) {
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
          ? payUrl
            ? "An invoice is unpaid, so API keys and POS terminals are paused. Your data is kept; paying reactivates everything at once."
            : "Card payments failed too many times, so paid features are paused."
          : payUrl
            ? "An invoice is past its due date. Pay it to keep your plan and avoid suspension."
            : "The last card payment for your plan failed. Pay the open invoice or update the card to keep your plan."}
        {!canFix && " Ask an owner of this business to fix it."}
      </p>
      {canFix && payUrl && (
        <a href={payUrl} className="rounded-md bg-red-700 px-3 py-1.5 font-semibold text-white hover:bg-red-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-red-700">
          Pay now
        </a>
      )}
      {hasRole(role, "admin") && (
        <Link href="/dashboard/billing" className="font-semibold underline underline-offset-2 hover:no-underline">
          {canFix ? "Fix billing" : "See billing"}
        </Link>
      )}
    </div>
  );
}
