"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { toast } from "sonner";
import { requestJson } from "@/components/api-keys/request-json";
import { Button } from "@/components/ui/button";

export function ReapplyCallbackButton({ callbackId }: { callbackId: string }) {
  const router = useRouter();
  const reapply = useMutation({
    mutationFn: () => requestJson<{ outcome: string }>(`/api/operations/callbacks/${encodeURIComponent(callbackId)}/reapply`, { method: "POST" }),
    onSuccess: ({ outcome }) => {
      toast.success(`Callback applied: ${outcome.replace(/_/g, " ")}.`);
      router.refresh();
    },
    onError: (error) => toast.error((error as Error).message),
  });
  return (
    <Button size="sm" variant="secondary" loading={reapply.isPending} onClick={() => reapply.mutate()}>
      Re-apply
    </Button>
  );
}
