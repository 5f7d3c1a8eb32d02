import { render } from "@react-email/components";
import type { ReactElement } from "react";
import { describe, expect, it } from "vitest";
import CardPaymentFailedEmail from "@/emails/card-payment-failed";
import InvitationEmail from "@/emails/invitation";
import PaymentFailedEmail from "@/emails/payment-failed";
import PaymentReceivedEmail from "@/emails/payment-received";
import ResetPasswordEmail from "@/emails/reset-password";
import VerifyEmail from "@/emails/verify-email";
import WelcomeEmail from "@/emails/welcome";

const app = "https://app.tangabiz.co.zw";
const business = "Mbare Hardware & Tools";
const payLink = `${app}/pay/pt_4c0ffee5c0ffee5c0ffee5c0ffee5c0ffee5c0ffee5`;

async function rendered(email: ReactElement) {
  const [html, text] = await Promise.all([render(email), render(email, { plainText: true })]);
  return { html, text };
}

describe("email templates render with realistic data (HTML and plain text)", () => {
  it("welcome", async () => {
    const { html, text } = await rendered(
      WelcomeEmail({
        name: "Tendai Moyo",
        businessName: business,
        registeredAt: new Date("2026-11-28T07:25:00Z"),
        dashboardUrl: `${app}/dashboard`,
        apiKeysUrl: `${app}/dashboard/api-keys`,
        billingUrl: `${app}/dashboard/billing`,
        docsUrl: `${app}/docs/api`,
      }),
    );
    expect(html).toContain("Mbare Hardware &amp; Tools");
    expect(text).toContain("Mbare Hardware & Tools was registered on 28 Nov 2026, 07:25 UTC");
    expect(html).toContain(`href="${app}/dashboard/api-keys"`);
    expect(text).toContain(`${app}/dashboard`);
  });

  it("email verification", async () => {
    const url = `${app}/api/auth/verify-email?token=eyJhbGciOiJIUzI1NiJ9.abc&callbackURL=%2Fdashboard`;
    const { html, text } = await rendered(
      VerifyEmail({ name: "Rudo", email: "rudo@mbare.co.zw", url, expiresAt: new Date("2026-11-29T07:25:00Z"), businessName: business }),
    );
    expect(html).toContain(`href="${url.replaceAll("&", "&amp;")}"`);
    expect(text).toContain("rudo@mbare.co.zw");
    expect(text).toContain("for Mbare Hardware & Tools");
    expect(text).toContain("29 Nov 2026, 07:25 UTC");
  });

  it("password reset, with and without a business", async () => {
    const url = `${app}/api/auth/reset-password/Zx81kQ?callbackURL=%2Freset-password`;
    const withBusiness = await rendered(ResetPasswordEmail({ name: "Tendai", url, expiresAt: new Date("2026-11-28T08:25:00Z"), businessName: business }));
    expect(withBusiness.text).toContain(url);
    expect(withBusiness.text).toContain("(Mbare Hardware & Tools)");
    expect(withBusiness.text).toContain("until 28 Nov 2026, 08:25 UTC");
    const alone = await rendered(ResetPasswordEmail({ name: "Tendai", url, expiresAt: new Date("2026-11-28T08:25:00Z") }));
    expect(alone.text).not.toContain("(");
    expect(alone.html).toContain("Choose a new password");
  });

  it("invitation", async () => {
    const url = `${app}/accept-invitation/inv_01HZX`;
    const { html, text } = await rendered(
      InvitationEmail({ businessName: business, inviterName: "Tendai Moyo", role: "staff", url, expiresAt: new Date("2026-11-30T07:25:00Z") }),
    );
    expect(text).toContain("Tendai Moyo invited you to join Mbare Hardware & Tools on Tangabiz as staff");
    expect(text).toContain("expires on 30 Nov 2026, 07:25 UTC");
    expect(html).toContain(`href="${url}"`);
  });

  it("payment confirmation / receipt, in USD and in ZWG", async () => {
    const base = {
      businessName: business,
      invoiceNumber: "INV-2026-000042",
      method: "EcoCash",
      paidAt: new Date("2026-11-28T09:41:00Z"),
      reference: "PN-88412",
      planName: "Pro",
      periodEnd: new Date("2026-12-28T09:41:00Z"),
      billingUrl: `${app}/dashboard/billing`,
    };
    const usd = await rendered(PaymentReceivedEmail({ ...base, amountCents: 4_999, currency: "USD" }));
    expect(usd.text).toContain("We received $49.99 from Mbare Hardware & Tools by EcoCash");
    expect(usd.text).toContain("28 Nov 2026, 09:41 UTC");
    expect(usd.text).toContain("Your Pro plan is active until 28 Dec 2026, 09:41 UTC");
    expect(usd.text).toContain("PN-88412");
    const zwg = await rendered(PaymentReceivedEmail({ ...base, amountCents: 135_050, currency: "ZWG" }));
    expect(zwg.text).toContain("We received ZWG\u00a01,350.50 from Mbare Hardware & Tools"); // Intl puts a no-break space after the code
    expect(zwg.html).toContain("INV-2026-000042");
  });

  it("mobile-money payment failed, with the pay link", async () => {
    const { html, text } = await rendered(
      PaymentFailedEmail({
        businessName: business,
        invoiceNumber: "INV-2026-000043",
        amountCents: 2_999,
        currency: "USD",
        method: "OneMoney",
        reason: "The payer cancelled the payment.",
        failedAt: new Date("2026-11-28T10:02:00Z"),
        payUrl: payLink,
      }),
    );
    expect(text).toContain("A OneMoney payment of $29.99 for invoice INV-2026-000043 (Mbare Hardware & Tools) did not go through on 28 Nov 2026, 10:02 UTC");
    expect(html).toContain(`href="${payLink}"`);
    const noLink = await rendered(
      PaymentFailedEmail({ businessName: business, invoiceNumber: "X", amountCents: 1, currency: "ZWG", method: "EcoCash", reason: "", failedAt: new Date(), payUrl: null }),
    );
    expect(noLink.html).not.toContain("/pay/");
  });

  it("card payment failed, with Stripe's pay link and the next attempt", async () => {
    const hosted = "https://invoice.stripe.com/i/acct_1/test_YWNjdF8x";
    const { html, text } = await rendered(
      CardPaymentFailedEmail({
        businessName: business,
        amountCents: 9_999,
        currency: "usd",
        invoiceNumber: "A1B2C3-0004",
        payUrl: hosted,
        billingUrl: `${app}/dashboard/billing`,
        nextAttempt: new Date("2026-12-01T06:00:00Z"),
      }),
    );
    expect(text).toContain("We could not take the card payment of $99.99 for invoice A1B2C3-0004 of Mbare Hardware & Tools");
    expect(text).toContain("We will try the card again on 1 Dec 2026, 06:00 UTC");
    expect(html).toContain(`href="${hosted}"`);
  });
});
