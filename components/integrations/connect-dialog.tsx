"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { fieldErrorsFrom, requestJson } from "@/components/api-keys/request-json";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogFooter } from "@/components/ui/dialog";
import { FormError } from "@/components/ui/form-error";
import { Field, Input, Select } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { integrationsQueryKey, type IntegrationView } from "./integration-types";

interface ConnectDialogProps {
  integration: IntegrationView | null;
  onOpenChange: (open: boolean) => void;
}

// Connect or reconfigure: the provider's own fields; secrets are typed again to replace them (never shown back).
export function ConnectDialog({ integration, onOpenChange }: ConnectDialogProps) {
  const queryClient = useQueryClient();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const fieldKeys = integration?.fields.map((f) => f.key) ?? [];

  const connect = useMutation({
    mutationFn: (body: Record<string, unknown>) => requestJson<{ integration: IntegrationView }>("/api/integrations/connect", { method: "POST", body }),
    onSuccess: async ({ integration: saved }) => {
      toast.success(`${saved.name} connected. A first sync is on its way.`);
      await queryClient.invalidateQueries({ queryKey: integrationsQueryKey });
      close(false);
    },
    onError: (error) => {
      const byField = fieldErrorsFrom(error.message.replace(/^credentials\./, ""), fieldKeys);
      setErrors(byField);
      setFormError(Object.keys(byField).length > 0 ? null : error.message);
    },
  });

  function close(next: boolean) {
    onOpenChange(next);
    if (!next) {
      setErrors({});
      setFormError(null);
      connect.reset();
    }
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!integration) return;
    const form = new FormData(event.currentTarget);
    const credentials: Record<string, string> = {};
    const missing: Record<string, string> = {};
    for (const field of integration.fields) {
      const value = String(form.get(field.key) ?? "").trim();
      if (value) credentials[field.key] = value;
      else if (!field.optional) missing[field.key] = `Enter the ${field.label.toLowerCase()}.`;
    }
    setErrors(missing);
    setFormError(null);
    if (Object.keys(missing).length === 0) connect.mutate({ provider: integration.provider, credentials });
  }

  const reconfiguring = integration?.connected ?? false;
  return (
    <Dialog open={integration !== null} onOpenChange={(next) => !connect.isPending && close(next)}>
      {integration && (
        <DialogContent
          title={`${reconfiguring ? "Reconfigure" : "Connect"} ${integration.name}`}
          description="Paste a token or key from your account; OAuth consent (signing in to the provider from here) is not supported yet."
        >
          <form onSubmit={onSubmit} className="space-y-4" noValidate>
            <p className="rounded-md bg-zinc-50 px-3 py-2 text-zinc-700">{integration.job}</p>
            {integration.fields.map((field) => {
              const id = `integration-${field.key}`;
              const current = integration.credentials[field.key];
              const hint = [field.help, field.secret && current ? `Saved: ${current}. Enter it again to replace it.` : null].filter(Boolean).join(" ");
              return (
                <Field key={field.key} label={field.label} htmlFor={id} hint={hint || undefined} error={errors[field.key]}>
                  {field.options ? (
                    <Select id={id} name={field.key} defaultValue={integration.settings[field.key] ?? field.options[0].value}>
                      {field.options.map((option) => (
                        <option key={option.value} value={option.value}>
                          {option.label}
                        </option>
                      ))}
                    </Select>
                  ) : (
                    <Input
                      id={id}
                      name={field.key}
                      type={field.secret ? "password" : "text"}
                      autoComplete="off"
                      spellCheck={false}
                      placeholder={field.placeholder}
                      defaultValue={field.secret ? "" : (integration.settings[field.key] ?? "")}
                    />
                  )}
                </Field>
              );
            })}
            <FormError message={formError} />
            <p className="text-xs text-zinc-500">
              We check these with {integration.name} before saving, store them encrypted, and never show them again.{" "}
              <a href={integration.docsUrl} target="_blank" rel="noreferrer" className="underline underline-offset-2">
                Where to find them
              </a>
            </p>
            <DialogFooter>
              <Button type="button" variant="secondary" disabled={connect.isPending} onClick={() => close(false)}>
                Cancel
              </Button>
              <Button type="submit" loading={connect.isPending}>
                {reconfiguring ? "Save and reconnect" : "Connect"}
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      )}
    </Dialog>
  );
}
