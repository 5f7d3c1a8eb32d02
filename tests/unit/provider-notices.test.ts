import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ProviderNotices } from "@/components/billing/provider-notices";

const render = (card: boolean, mobileMoney: boolean, plansWithoutPrice: string[] = []) =>
  renderToStaticMarkup(createElement(ProviderNotices, { state: { card: { configured: card, plansWithoutPrice }, mobileMoney: { configured: mobileMoney } } }));

describe("billing notices for payment providers that are off", () => {
  it("names each provider that is off once, with the variables that turn it on", () => {
    const html = render(false, false);
    expect(html.match(/Card payments \(Stripe\) are off/g)).toHaveLength(1);
    expect(html.match(/Mobile money \(Paynow\) is off/g)).toHaveLength(1);
    for (const name of ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_PRICE_ID_PRO", "PAYNOW_INTEGRATION_ID", "PAYNOW_INTEGRATION_KEY"]) {
      expect(html).toContain(name);
    }
  });

  it("says nothing about a provider that is on", () => {
    const html = render(true, false);
    expect(html).not.toContain("Stripe");
    expect(html).toContain("Mobile money (Paynow) is off");
    expect(render(true, true)).toBe("");
  });

  it("names the card prices that are missing", () => {
    expect(render(true, true, ["Enterprise"])).toContain("STRIPE_PRICE_ID_ENTERPRISE");
  });
});
