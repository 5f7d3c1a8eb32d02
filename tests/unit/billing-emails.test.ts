import { render } from "@react-email/components";
import { describe, expect, it } from "vitest";
import FinalWarningEmail from "@/emails/final-warning";
import InvoiceIssuedEmail from "@/emails/invoice-issued";
import OverdueNoticeEmail from "@/emails/overdue-notice";
import PaymentReminderEmail from "@/emails/payment-reminder";
import ReactivationConfirmationEmail from "@/emails/reactivation-confirmation";
import SuspensionNoticeEmail from "@/emails/suspension-notice";
import { formatDateTime, formatMoney } from "@/lib/format";

const payUrl = "https://app.tangabiz.test/pay/3q2-7WlGd0f4yW8m3Jk0mJb7Yk1t2x9QeZr5uV6wA8c";
const usd = {
  businessName: "Mbare Hardware & Sons",
  invoiceNumber: "INV-2026-000412",
  planName: "Pro",
  amount: formatMoney(4_999, "USD"),
  dueDate: formatDateTime(new Date("2026-12-01T00:00:00Z")),
  payUrl,
};
const zwg = { ...usd, businessName: "Chitungwiza Pharmacy", amount: formatMoney(135_000, "ZWG"), invoiceNumber: "INV-2026-000413" };

async function both(element: React.ReactElement) {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text };
}

function expectFacts({ html, text }: { html: string; text: string }, facts: typeof usd) {
  for (const output of [html, text]) {
    expect(output).toContain(facts.invoiceNumber);
    expect(output).toContain(facts.amount);
    expect(output).toContain("1 Dec 2026, 00:00 UTC");
    expect(output).toContain(payUrl);
  }
  expect(html).toContain(facts.businessName.replace("&", "&amp;"));
  expect(text).toContain(facts.businessName);
}

describe("billing email templates render HTML and text with the business, money, dates and pay link", () => {
  it("formats the money of each currency", () => {
    expect(usd.amount).toBe("$49.99");
    expect(zwg.amount).toBe("ZWG\u00a01,350.00");
  });

  it("invoice issued (mobile money and CVT)", async () => {
    const manual = await both(InvoiceIssuedEmail({ ...zwg, chargedAutomatically: false }));
    expectFacts(manual, zwg);
    expect(manual.text).toContain("EcoCash, OneMoney, InnBucks or a card");
    const cvt = await both(InvoiceIssuedEmail({ ...usd, chargedAutomatically: true }));
    expectFacts(cvt, usd);
    expect(cvt.text).toContain("charge your CVT billing account automatically");
  });

  it("payment reminder", async () => {
    const out = await both(PaymentReminderEmail({ ...usd, daysUntilDue: 3 }));
    expectFacts(out, usd);
    expect(out.text).toContain("is due in 3 days");
  });

  it("overdue notice", async () => {
    const out = await both(OverdueNoticeEmail({ ...zwg, suspensionDate: "15 Dec 2026, 00:00 UTC" }));
    expectFacts(out, zwg);
    expect(out.text).toContain("if the invoice is still open on 15 Dec 2026, 00:00 UTC");
  });

  it("final warning", async () => {
    const out = await both(FinalWarningEmail({ ...usd, suspensionDate: "15 Dec 2026, 00:00 UTC" }));
    expectFacts(out, usd);
    expect(out.text).toContain("On 15 Dec 2026, 00:00 UTC your subscription will be suspended");
  });

  it("suspension notice", async () => {
    const out = await both(SuspensionNoticeEmail({ ...usd, suspendedAt: "15 Dec 2026, 03:30 UTC" }));
    expectFacts(out, usd);
    expect(out.text).toContain("suspended on 15 Dec 2026, 03:30 UTC");
    expect(out.text).toContain("Nothing was deleted");
  });

  it("reactivation confirmation", async () => {
    const out = await both(
      ReactivationConfirmationEmail({
        businessName: zwg.businessName,
        invoiceNumber: zwg.invoiceNumber,
        amount: zwg.amount,
        planName: "Pro",
        paidUntil: "1 Jan 2027, 00:00 UTC",
        dashboardUrl: "https://app.tangabiz.test/dashboard",
      }),
    );
    for (const output of [out.html, out.text]) {
      expect(output).toContain("Chitungwiza Pharmacy");
      expect(output).toContain("ZWG\u00a01,350.00");
      expect(output).toContain("1 Jan 2027, 00:00 UTC");
      expect(output).toContain("https://app.tangabiz.test/dashboard");
    }
    expect(out.text).toContain("paid until 1 Jan 2027, 00:00 UTC");
  });
});

describe("renderFromTemplate (one React render per email shape in bulk runs)", () => {
  it("gives the same text as a full render, with values escaped in HTML", async () => {
    const { renderFromTemplate } = await import("@/lib/email/render-from-template");
    const props = { ...usd, businessName: `Mbare "Hardware" & <Sons>`, chargedAutomatically: false };
    const direct = await both(InvoiceIssuedEmail(props));
    const fromTemplate = await renderFromTemplate("invoice-issued", InvoiceIssuedEmail, props);
    const again = await renderFromTemplate("invoice-issued", InvoiceIssuedEmail, { ...props, businessName: "Other Shop", amount: "$1.00" });
    const words = (text: string) => text.replace(/[\s\u00a0\u034f\u200b-\u200f\u2060-\u2064\ufeff]+/g, " ").trim();
    expect(words(fromTemplate.text)).toBe(words(direct.text));
    expect(fromTemplate.html).toContain("Mbare &quot;Hardware&quot; &amp; &lt;Sons&gt;");
    expect(fromTemplate.html).not.toContain("<Sons>");
    expect(fromTemplate.html).not.toMatch(/\u2063/);
    expect(again.text).toContain("Other Shop");
    expect(again.text).toContain("$1.00");
    expect(again.text).not.toContain("Sons");
  });
});
