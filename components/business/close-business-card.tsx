"use client";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { requestJson } from "@/components/api-keys/request-json";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { Input, Label } from "@/components/ui/input";

// Closing needs the business name typed exactly, as the server checks too.
export function CloseBusinessCard({ businessName, closedAt }: { businessName: string; closedAt: string | null }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const close = useMutation({
    mutationFn: () => requestJson<{ closedAt: string }>("/api/business/close", { method: "POST", body: { confirmName: typed } }),
    onSuccess: () => {
      toast.success(`${businessName} is closed. Its records stay available here.`);
      setOpen(false);
      router.refresh();
    },
  });

  if (closedAt) {
    return (
      <Card>
        <CardHeader title="Business closed" description={`Closed on ${new Date(closedAt).toUTCString()}. API keys and billing are stopped; invoices, payments and the audit log are kept.`} />
      </Card>
    );
  }
  return (
    <Card className="border-red-200">
      <CardHeader
        title="Close this business"
        description="Stops card billing at Stripe, revokes every API key and voids open invoices. Invoices, payments and the audit log are kept. This cannot be undone."
      />
      <CardBody>
        <Button variant="danger" onClick={() => setOpen(true)}>
          Close business…
        </Button>
      </CardBody>
      <Dialog open={open} onOpenChange={(next) => !close.isPending && setOpen(next)}>
        <DialogContent title={`Close ${businessName}?`} description="Type the business name to confirm.">
          <form
            onSubmit={(event) => {
              event.preventDefault();
              close.mutate();
            }}
          >
            <Label htmlFor="confirm-business-name">Business name</Label>
            <Input
              id="confirm-business-name"
              className="mt-1"
              autoComplete="off"
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
              placeholder={businessName}
            />
            <div className="mt-2">
              <FormError message={close.error ? (close.error as Error).message : null} />
            </div>
            <DialogFooter>
              <Button type="button" variant="secondary" disabled={close.isPending} onClick={() => setOpen(false)}>
                Keep business
              </Button>
              <Button type="submit" variant="danger" loading={close.isPending} disabled={typed.trim() !== businessName}>
                Close business
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </Card>
  );
}
