"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";
import { authClient } from "@/lib/auth/client";

export function AcceptInvitationActions({ invitationId, businessName }: { invitationId: string; businessName: string }) {
  const router = useRouter();
  const [pending, setPending] = useState<"accept" | "reject" | null>(null);

  async function respond(action: "accept" | "reject") {
    setPending(action);
    const { error } =
      action === "accept"
        ? await authClient.organization.acceptInvitation({ invitationId })
        : await authClient.organization.rejectInvitation({ invitationId });
    setPending(null);
    if (error) return toast.error(error.message ?? "Could not answer the invitation.");
    if (action === "reject") {
      toast.success("Invitation declined.");
      return router.push("/dashboard");
    }
    toast.success(`Welcome to ${businessName}.`);
    router.push("/dashboard");
    router.refresh();
  }

  return (
    <div className="flex gap-3">
      <Button onClick={() => respond("accept")} loading={pending === "accept"} disabled={pending !== null}>
        Join {businessName}
      </Button>
      <Button variant="secondary" onClick={() => respond("reject")} loading={pending === "reject"} disabled={pending !== null}>
        Decline
      </Button>
    </div>
  );
}
