"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { toast } from "@/components/ui/toast";
import { apiKeysQueryKey, type ApiKeyRow, type IssuedKey } from "./api-key-row";
import { IssuedKeyPanel } from "./issued-key-panel";
import { requestJson } from "./request-json";

const gracePeriods = [
  { seconds: 3600, label: "1 hour", hint: "When you can update every terminal right away" },
  { seconds: 86_400, label: "24 hours", hint: "Recommended: time to update terminals over a day" },
  { seconds: 7 * 86_400, label: "7 days", hint: "For apps that update slowly" },
];

export function RotateApiKeyDialog({ apiKey, onClose }: { apiKey: ApiKeyRow | null; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [issued, setIssued] = useState<IssuedKey | null>(null);

  const rotate = useMutation({
    mutationFn: ({ id, graceSeconds }: { id: string; graceSeconds: number }) =>
      requestJson<IssuedKey>(`/api/api-keys/${encodeURIComponent(id)}/rotate`, { method: "POST", body: { graceSeconds } }),
    onSuccess: (result) => {
      setIssued(result);
      toast.success(`Key "${result.apiKey.name}" rotated.`);
      return queryClient.invalidateQueries({ queryKey: apiKeysQueryKey });
    },
    onError: (error) => toast.error(error.message),
  });

  function close() {
    setIssued(null);
    rotate.reset();
    onClose();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!apiKey) return;
    rotate.mutate({ id: apiKey.id, graceSeconds: Number(new FormData(event.currentTarget).get("grace")) });
  }

  return (
    <Dialog open={apiKey !== null} onOpenChange={(open) => !open && !rotate.isPending && close()}>
      <DialogContent
        title={issued ? "Your new API key" : `Rotate “${apiKey?.name}”?`}
        description={
          issued
            ? undefined
            : "You get a new key with the same name, scopes and expiry. The current key keeps working for a grace period so you can update your terminals, then stops."
        }
        className="max-w-lg"
        onInteractOutside={(event) => issued && event.preventDefault()}
      >
        {issued ? (
          <IssuedKeyPanel issued={issued} onDone={close} />
        ) : (
          <form onSubmit={onSubmit} className="space-y-4">
            <fieldset>
              <legend className="text-sm font-medium text-zinc-800">Keep the current key working for</legend>
              <div className="mt-2 space-y-2">
                {gracePeriods.map(({ seconds, label, hint }) => (
                  <label
                    key={seconds}
                    className="flex items-start gap-2.5 rounded-lg border border-zinc-200 p-3 has-checked:border-accent-600 has-checked:bg-accent-50"
                  >
                    <input
                      type="radio"
                      name="grace"
                      value={seconds}
                      defaultChecked={seconds === 86_400}
                      className="mt-0.5 size-4 shrink-0 accent-accent-600"
                    />
                    <span>
                      <span className="font-medium text-zinc-900">{label}</span>
                      <span className="block text-xs text-zinc-600">{hint}</span>
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>
            <DialogFooter className="mt-2">
              <Button type="button" variant="secondary" disabled={rotate.isPending} onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={rotate.isPending}>
                Rotate key
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
