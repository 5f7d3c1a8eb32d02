"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { fieldErrorsFrom, requestJson } from "@/components/api-keys/request-json";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { Field, Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { webhookEventCatalog, webhookEventTypes } from "@/lib/webhooks-out/event-types";
import { SecretPanel } from "./secret-panel";
import { endpointsQueryKey, type EndpointRow } from "./webhook-rows";

const fields = ["url", "events", "description"] as const;

// Adds an endpoint (then shows its secret once) or edits one (URL, description, events).
export function EndpointFormDialog({ endpoint, open, onClose }: { endpoint: EndpointRow | null; open: boolean; onClose: () => void }) {
  const queryClient = useQueryClient();
  const [secret, setSecret] = useState<{ secret: string; url: string } | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const editing = endpoint !== null;

  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      editing
        ? requestJson<{ endpoint: EndpointRow }>(`/api/webhook-endpoints/${encodeURIComponent(endpoint.id)}`, { method: "PATCH", body })
        : requestJson<{ endpoint: EndpointRow; secret: string }>("/api/webhook-endpoints", { method: "POST", body }),
    onSuccess: (result) => {
      if ("secret" in result) {
        setSecret({ secret: result.secret as string, url: result.endpoint.url });
        toast.success("Endpoint added.");
      } else {
        toast.success("Endpoint saved.");
        close();
      }
      return queryClient.invalidateQueries({ queryKey: endpointsQueryKey });
    },
    onError: (error) => {
      const byField = fieldErrorsFrom(error.message, fields);
      setErrors(byField);
      setFormError(Object.keys(byField).length > 0 ? null : error.message);
    },
  });

  function close() {
    onClose();
    setSecret(null);
    setErrors({});
    setFormError(null);
    save.reset();
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const url = String(form.get("url") ?? "").trim();
    const events = form.getAll("events").map(String);
    const missing = {
      ...(url ? {} : { url: "Enter the URL that should receive events." }),
      ...(events.length > 0 ? {} : { events: "Choose at least one event." }),
    };
    setErrors(missing);
    setFormError(null);
    if (Object.keys(missing).length > 0) return;
    const description = String(form.get("description") ?? "").trim();
    // Editing with an empty description clears it; creating without one sends none.
    save.mutate({ url, events, description: description || (editing ? null : undefined) });
  }

  return (
    <Dialog open={open} onOpenChange={(next) => !next && !save.isPending && close()}>
      <DialogContent
        title={secret ? "Endpoint added" : editing ? "Edit endpoint" : "Add a webhook endpoint"}
        description={secret || editing ? undefined : "Tangabiz POSTs signed JSON to this URL when the events you choose happen."}
        className="max-w-lg"
        onInteractOutside={(event) => secret && event.preventDefault()}
      >
        {secret ? (
          <SecretPanel secret={secret.secret} url={secret.url} onDone={close} />
        ) : (
          <form onSubmit={onSubmit} noValidate className="space-y-5">
            <Field label="Endpoint URL" htmlFor="webhook-url" error={errors.url} hint="https://… — your server, or a Zapier/Make catch hook.">
              <Input id="webhook-url" name="url" type="url" required defaultValue={endpoint?.url} autoComplete="off" placeholder="https://example.com/webhooks/tangabiz" />
            </Field>
            <Field label="Description (optional)" htmlFor="webhook-description" error={errors.description}>
              <Input id="webhook-description" name="description" maxLength={200} defaultValue={endpoint?.description ?? ""} autoComplete="off" placeholder="Accounting sync" />
            </Field>
            <fieldset aria-describedby={errors.events ? "webhook-events-error" : undefined}>
              <legend className="text-sm font-medium text-zinc-800">Events</legend>
              <div className="mt-2 grid gap-2 sm:grid-cols-2">
                {webhookEventTypes.map((type) => (
                  <label key={type} className="flex items-start gap-2.5">
                    <input
                      type="checkbox"
                      name="events"
                      value={type}
                      defaultChecked={endpoint ? endpoint.events.includes(type) : false}
                      className="mt-0.5 size-4 shrink-0 accent-accent-600"
                    />
                    <span>
                      <span className="font-mono text-xs font-medium text-zinc-900">{type}</span>
                      <span className="block text-xs text-zinc-600">{webhookEventCatalog[type].description}</span>
                    </span>
                  </label>
                ))}
              </div>
              {errors.events && (
                <p id="webhook-events-error" role="alert" className="mt-1.5 text-sm text-red-700">
                  {errors.events}
                </p>
              )}
            </fieldset>
            {formError && <FormError message={formError} />}
            <DialogFooter>
              <Button type="button" variant="secondary" disabled={save.isPending} onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={save.isPending}>
                {editing ? "Save" : "Add endpoint"}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
