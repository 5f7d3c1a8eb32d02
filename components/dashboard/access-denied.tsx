import { ShieldAlert } from "lucide-react";
import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import type { Role } from "@/lib/auth/roles";

export function AccessDenied({ required }: { required: Role }) {
  return (
    <EmptyState
      icon={ShieldAlert}
      title="You don't have access to this page"
      description={`It needs the ${required} role in this business. Ask an owner if you need it.`}
      action={
        <Link href="/dashboard" className={buttonClasses({ variant: "secondary" })}>
          Back to the overview
        </Link>
      }
    />
  );
}
