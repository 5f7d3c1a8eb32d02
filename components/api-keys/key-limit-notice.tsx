import Link from "next/link";

// Shown before anyone fills the create form: why "Create key" is off and the two ways to turn it back on.
export function KeyLimitNotice({ planName, limit, canUpgrade }: { planName: string; limit: number; canUpgrade: boolean }) {
  return (
    <p id="key-limit-reason" role="status" className="mx-5 my-3 rounded-lg border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
      Your {planName} plan allows {limit} active API key{limit === 1 ? "" : "s"}, and all are in use. Revoke a key below to create
      another
      {canUpgrade ? (
        <>
          , or{" "}
          <Link href="/dashboard/billing" className="font-medium underline">
            upgrade the plan
          </Link>
          .
        </>
      ) : (
        ", or ask the owner to upgrade the plan."
      )}
    </p>
  );
}
