"use client";
import { useState, type FormEvent } from "react";
import { fieldErrorsFrom, requestJson } from "@/components/api-keys/request-json";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardFooter, CardHeader } from "@/components/ui/card";
import { Field, Input, Select, Textarea } from "@/components/ui/input";
import { toast } from "@/components/ui/toast";
import { formatDateTime } from "@/lib/format";
import { posConfigSchema, type PosConfig } from "@/lib/pos/schemas";

const currencies = [
  ["USD", "US dollar"],
  ["ZWG", "Zimbabwe Gold"],
  ["ZAR", "South African rand"],
  ["BWP", "Botswana pula"],
  ["EUR", "Euro"],
  ["GBP", "British pound"],
] as const;

const fields = ["currency", "receiptHeader", "receiptFooter", "taxRatePercent", "pricesIncludeTax", "allowRefunds"] as const;

type Draft = Omit<PosConfig, "taxRatePercent"> & { taxRatePercent: string };

const toDraft = (config: PosConfig): Draft => ({ ...config, taxRatePercent: String(config.taxRatePercent) });

interface TerminalSettingsFormProps {
  initialConfig: PosConfig;
  initialLastUpdated: string | null;
  canEdit: boolean;
}

export function TerminalSettingsForm({ initialConfig, initialLastUpdated, canEdit }: TerminalSettingsFormProps) {
  const [saved, setSaved] = useState(() => toDraft(initialConfig));
  const [draft, setDraft] = useState(saved);
  const [lastUpdated, setLastUpdated] = useState(initialLastUpdated);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  const currencyOptions = currencies.some(([code]) => code === saved.currency) ? currencies : [...currencies, [saved.currency, saved.currency] as const];

  function set<K extends keyof Draft>(key: K, value: Draft[K]) {
    setDraft((current) => ({ ...current, [key]: value }));
    setErrors(({ [key]: _cleared, ...rest }) => rest);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const rate = draft.taxRatePercent.trim() === "" ? Number.NaN : Number(draft.taxRatePercent);
    const parsed = posConfigSchema.safeParse({ ...draft, taxRatePercent: rate });
    if (!parsed.success) {
      return setErrors(
        Object.fromEntries(parsed.error.issues.map((issue) => [String(issue.path[0]), issue.path[0] === "taxRatePercent" ? "Enter a rate from 0 to 100, with at most two decimals." : issue.message])),
      );
    }
    setPending(true);
    try {
      const result = await requestJson<{ config: PosConfig; lastUpdated: string }>("/api/business/pos-config", { method: "PUT", body: parsed.data });
      setSaved(toDraft(result.config));
      setDraft(toDraft(result.config));
      setLastUpdated(result.lastUpdated);
      toast.success("Terminal settings saved. Terminals pick them up on their next config read.");
    } catch (error) {
      const message = (error as Error).message;
      const byField = fieldErrorsFrom(message, fields);
      setErrors(byField);
      toast.error(Object.keys(byField).length > 0 ? "Some settings need fixing." : message);
    } finally {
      setPending(false);
    }
  }

  return (
    <Card>
      <CardHeader
        title="Terminal settings"
        description={
          canEdit
            ? "What every terminal uses for receipts and tax. Terminals read them from GET /api/pos/config."
            : "What every terminal uses for receipts and tax. Only owners and admins can change them."
        }
      />
      <form onSubmit={onSubmit} noValidate>
        <fieldset disabled={!canEdit || pending} className="contents">
          <legend className="sr-only">Terminal settings</legend>
          <CardBody className="grid max-w-3xl gap-4 sm:grid-cols-2">
            <Field label="Currency" htmlFor="pos-currency" error={errors.currency}>
              <Select id="pos-currency" value={draft.currency} onChange={(event) => set("currency", event.target.value)}>
                {currencyOptions.map(([code, name]) => (
                  <option key={code} value={code}>
                    {code} — {name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Tax rate (%)" htmlFor="pos-tax-rate" error={errors.taxRatePercent} hint="Applied by terminals to taxable sales.">
              <Input
                id="pos-tax-rate"
                type="number"
                inputMode="decimal"
                min={0}
                max={100}
                step={0.01}
                value={draft.taxRatePercent}
                onChange={(event) => set("taxRatePercent", event.target.value)}
              />
            </Field>
            <Field label="Receipt header" htmlFor="pos-receipt-header" error={errors.receiptHeader} hint="Printed at the top: business name, address, tax number." className="sm:col-span-2">
              <Textarea
                id="pos-receipt-header"
                rows={2}
                maxLength={200}
                value={draft.receiptHeader}
                onChange={(event) => set("receiptHeader", event.target.value)}
              />
            </Field>
            <Field label="Receipt footer" htmlFor="pos-receipt-footer" error={errors.receiptFooter} className="sm:col-span-2">
              <Textarea
                id="pos-receipt-footer"
                rows={2}
                maxLength={200}
                value={draft.receiptFooter}
                onChange={(event) => set("receiptFooter", event.target.value)}
              />
            </Field>
            <Toggle
              id="pos-prices-include-tax"
              label="Prices include tax"
              description="Shelf prices already contain tax; receipts show the tax portion."
              checked={draft.pricesIncludeTax}
              onChange={(checked) => set("pricesIncludeTax", checked)}
            />
            <Toggle
              id="pos-allow-refunds"
              label="Allow refunds"
              description="Terminals may record refunds against earlier sales."
              checked={draft.allowRefunds}
              onChange={(checked) => set("allowRefunds", checked)}
            />
          </CardBody>
          <CardFooter className="justify-between">
            <p className="text-xs text-zinc-600">
              {lastUpdated ? (
                <>
                  Last saved <time dateTime={lastUpdated}>{formatDateTime(lastUpdated)}</time>
                </>
              ) : (
                "Using the defaults; not saved yet."
              )}
            </p>
            {canEdit && (
              <div className="flex gap-2">
                <Button type="button" variant="secondary" disabled={!dirty} onClick={() => (setDraft(saved), setErrors({}))}>
                  Discard
                </Button>
                <Button type="submit" loading={pending} disabled={!dirty}>
                  Save settings
                </Button>
              </div>
            )}
          </CardFooter>
        </fieldset>
      </form>
    </Card>
  );
}

function Toggle(props: { id: string; label: string; description: string; checked: boolean; onChange: (checked: boolean) => void }) {
  return (
    <div className="flex items-start gap-2.5">
      <input
        id={props.id}
        type="checkbox"
        checked={props.checked}
        onChange={(event) => props.onChange(event.target.checked)}
        aria-describedby={`${props.id}-hint`}
        className="mt-0.5 size-4 shrink-0 accent-accent-600"
      />
      <div>
        <label htmlFor={props.id} className="font-medium text-zinc-800">
          {props.label}
        </label>
        <p id={`${props.id}-hint`} className="text-zinc-600">
          {props.description}
        </p>
      </div>
    </div>
  );
}
