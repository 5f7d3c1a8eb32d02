"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { apiKeyScopes, posScopes, type ApiKeyScope } from "@/lib/api-keys/scopes";
import { apiKeysQueryKey, type IssuedKey } from "./api-key-row";
import { IssuedKeyPanel } from "./issued-key-panel";
import { fieldErrorsFrom, requestJson } from "./request-json";

const scopeDescriptions: Record<ApiKeyScope, string> = {
  "pos:read": "Check status and read terminal settings",
  "pos:write": "Record sales, refunds and voids; send heartbeats",
  "usage:read": "Read usage totals for the business",
  "credits:read": "Read the credit balance",
  "credits:write": "Reserve and spend credits",
  "webhooks:manage": "Subscribe and unsubscribe webhooks (Zapier)",
};

const fields = ["name", "scopes", "environment", "expiresAt"] as const;

function tomorrowUtc() {
  return new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
}

export function CreateApiKeyDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const queryClient = useQueryClient();
  const [issued, setIssued] = useState<IssuedKey | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);

  const create = useMutation({
    mutationFn: (body: Record<string, unknown>) => requestJson<IssuedKey>("/api/api-keys", { method: "POST", body }),
    onSuccess: (result) => {
      setIssued(result);
      toast.success(`Key "${result.apiKey.name}" created.`);
      return queryClient.invalidateQueries({ queryKey: apiKeysQueryKey });
    },
    onError: (error) => {
      const byField = fieldErrorsFrom(error.message, fields);
      setErrors(byField);
      setFormError(Object.keys(byField).length > 0 ? null : error.message);
    },
  });

  function reset(next: boolean) {
    onOpenChange(next);
    if (!next) {
      setIssued(null);
      setErrors({});
      setFormError(null);
      create.reset();
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const scopes = form.getAll("scopes").map(String);
    const expiry = String(form.get("expiresAt") ?? "");
    const name = String(form.get("name") ?? "").trim();
    const missing = {
      ...(name ? {} : { name: "Give the key a name." }),
      ...(scopes.length > 0 ? {} : { scopes: "Choose at least one scope." }),
    };
    setErrors(missing);
    setFormError(null);
    if (Object.keys(missing).length > 0) return;
    create.mutate({
      name,
      scopes,
      environment: form.get("environment"),
      // The key works through the whole chosen day and stops at its end, in UTC.
      ...(expiry ? { expiresAt: `${expiry}T23:59:59Z` } : {}),
    });
  }

  return (
    <Dialog open={open} onOpenChange={(next) => !create.isPending && reset(next)}>
      <DialogContent
        title={issued ? "Your new API key" : "Create an API key"}
        description={issued ? undefined : "Give each terminal or app its own key, so you can revoke one without the others."}
        className="max-w-lg"
        // A stray click outside must not throw away a key that is shown only once.
        onInteractOutside={(event) => issued && event.preventDefault()}
      >
        {issued ? (
          <IssuedKeyPanel issued={issued} onDone={() => reset(false)} />
        ) : (
          <form onSubmit={onSubmit} noValidate className="space-y-5">
            <Field label="Name" htmlFor="api-key-name" error={errors.name} hint="For you: where the key is used, e.g. “Till 2, Avondale”.">
              <Input id="api-key-name" name="name" required maxLength={64} autoComplete="off" placeholder="Front counter POS" />
            </Field>

            <fieldset aria-describedby={errors.scopes ? "api-key-scopes-error" : undefined}>
              <legend className="text-sm font-medium text-zinc-800">Scopes</legend>
              <div className="mt-2 space-y-2">
                {apiKeyScopes.map((scope) => (
                  <label key={scope} className="flex items-start gap-2.5 rounded-md">
                    <input
                      type="checkbox"
                      name="scopes"
                      value={scope}
                      defaultChecked={posScopes.includes(scope)}
                      className="mt-0.5 size-4 shrink-0 accent-accent-600"
                    />
                    <span>
                      <span className="font-mono text-xs font-medium text-zinc-900">{scope}</span>
                      <span className="block text-zinc-600">{scopeDescriptions[scope]}</span>
                    </span>
                  </label>
                ))}
              </div>
              {errors.scopes && (
                <p id="api-key-scopes-error" role="alert" className="mt-1.5 text-sm text-red-700">
                  {errors.scopes}
                </p>
              )}
            </fieldset>

            <fieldset>
              <legend className="text-sm font-medium text-zinc-800">Environment</legend>
              <div className="mt-2 grid gap-2 sm:grid-cols-2">
                {(
                  [
                    ["live", "Live", "Real sales, counted against your plan"],
                    ["test", "Test", "For development and trying things out"],
                  ] as const
                ).map(([value, label, description]) => (
                  <label
                    key={value}
                    className="flex items-start gap-2.5 rounded-lg border border-zinc-200 p-3 has-checked:border-accent-600 has-checked:bg-accent-50"
                  >
                    <input
                      type="radio"
                      name="environment"
                      value={value}
                      defaultChecked={value === "live"}
                      className="mt-0.5 size-4 shrink-0 accent-accent-600"
                    />
                    <span>
                      <span className="font-medium text-zinc-900">{label}</span>
                      <span className="block text-xs text-zinc-600">{description}</span>
                    </span>
                  </label>
                ))}
              </div>
            </fieldset>

            <Field
              label="Expires (optional)"
              htmlFor="api-key-expiry"
              error={errors.expiresAt}
              hint="The key stops working at the end of this day, UTC. Leave empty for a key that does not expire."
            >
              <Input id="api-key-expiry" name="expiresAt" type="date" min={tomorrowUtc()} className="w-48 max-w-full" />
            </Field>

            {formError && (
              <p role="alert" className="rounded-lg border border-red-200 bg-red-50 p-3 text-red-800">
                {formError}
              </p>
            )}

            <DialogFooter className="mt-0">
              <Button type="button" variant="secondary" disabled={create.isPending} onClick={() => reset(false)}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending}>
                Create key
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
