"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { requestJson } from "@/components/api-keys/request-json";
import { Button } from "@/components/ui/button";
import { toast } from "@/components/ui/toast";

export function SendAgainButton({ emailId, subject }: { emailId: string; subject: string }) {
  const router = useRouter();
  const [pending, setPending] = useState(false);

  async function sendAgain() {
    setPending(true);
    try {
      await requestJson(`/api/emails/${emailId}/send-again`, { method: "POST" });
      toast.success(`"${subject}" is queued to be sent again.`);
      router.refresh();
    } catch (error) {
      toast.error((error as Error).message);
    } finally {
      setPending(false);
    }
  }

  return (
    <Button size="sm" variant="secondary" loading={pending} onClick={sendAgain}>
      Send again
    </Button>
  );
}
