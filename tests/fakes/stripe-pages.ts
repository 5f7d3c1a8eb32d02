import type { IncomingMessage, ServerResponse } from "node:http";
import type { Json } from "./stripe-objects";
import { html, redirect, send, type FakeStripe } from "./stripe-server";

// The few pages a browser sees at the fake Stripe: hosted checkout, billing portal, hosted invoice.

const escape = (value: unknown) =>
  String(value ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

const money = (amount: number, currency: string) =>
  new Intl.NumberFormat("en-US", { style: "currency", currency: currency.toUpperCase() }).format(amount / 100);

function page(title: string, body: string) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title><style>
body{font-family:system-ui,sans-serif;background:#f6f9fc;margin:0;padding:48px 16px;color:#1a1f36}
main{max-width:420px;margin:0 auto;background:#fff;border-radius:12px;padding:32px;box-shadow:0 4px 16px rgba(0,0,0,.08)}
button,a.button{display:block;width:100%;box-sizing:border-box;text-align:center;background:#635bff;color:#fff;border:0;border-radius:8px;padding:12px;font-size:16px;text-decoration:none;cursor:pointer}
.muted{color:#697386;font-size:14px}.amount{font-size:32px;font-weight:600;margin:8px 0 24px}
</style></head><body><main>${body}</main></body></html>`;
}

export function checkoutPage(session: Json) {
  const recurring = session.mode === "subscription" ? " per month" : "";
  return page(
    "Fake Stripe Checkout",
    `<p class="muted">Test mode · fake Stripe Checkout</p>
<h1>${escape(session._productName ?? "Payment")}</h1>
<p class="amount">${escape(money(session.amount_total, session.currency))}<span class="muted">${recurring}</span></p>
<p class="muted">Card 4242 4242 4242 4242 · any future date · any CVC</p>
<form method="post"><button type="submit">Pay ${escape(money(session.amount_total, session.currency))}</button></form>
<p><a class="muted" href="/c/cancel/${escape(session.id)}">← Back without paying</a></p>`,
  );
}

export function portalPage(returnUrl: string) {
  return page("Fake billing portal", `<h1>Billing portal</h1><p class="muted">Update the card, see invoices, cancel.</p><a class="button" href="${escape(returnUrl)}">Return to Tangabiz</a>`);
}

export function invoicePage(invoice: Json) {
  return page(
    `Invoice ${invoice.number}`,
    `<p class="muted">Invoice ${escape(invoice.number)}</p><p class="amount">${escape(money(invoice.amount_due, invoice.currency))}</p><p>Status: ${escape(invoice.status)}</p>`,
  );
}

// The browser-facing side of the fake: hosted checkout, portal, invoices, and test controls.
export function servePage(fake: FakeStripe, req: IncomingMessage, res: ServerResponse, url: URL) {
  let match: RegExpMatchArray | null;
  if ((match = url.pathname.match(/^\/c\/(pay|cancel)\/([^/]+)$/))) {
    const session = fake.sessions.get(match[2]);
    if (!session) return html(res, 404, "<h1>This checkout link is not valid</h1>");
    if (match[1] === "cancel") return redirect(res, session.cancel_url);
    if (req.method === "GET") return html(res, 200, checkoutPage(session));
    if (session.status === "open") fake.completeCheckout(session.id);
    return redirect(res, session.success_url.replace("{CHECKOUT_SESSION_ID}", session.id));
  }
  if ((match = url.pathname.match(/^\/p\/session\/([^/]+)$/))) return html(res, 200, portalPage(url.searchParams.get("return") ?? "/"));
  if ((match = url.pathname.match(/^\/i\/([^/]+)(\/pdf)?$/))) {
    const invoice = fake.invoices.get(match[1]);
    if (!invoice) return html(res, 404, "<h1>No such invoice</h1>");
    if (match[2]) {
      res.writeHead(200, { "content-type": "application/pdf" });
      return res.end(`%PDF-1.4\n% fake invoice ${invoice.number}\n%%EOF\n`);
    }
    return html(res, 200, invoicePage(invoice));
  }
  // Test controls for a browser test that runs in another process than the fake.
  if (req.method === "POST" && (match = url.pathname.match(/^\/__fake\/(subscriptions|invoices)\/([^/]+)\/(fail-renewal|pay)$/))) {
    const events = match[3] === "pay" ? fake.payInvoice(match[2]) : fake.failRenewal(match[2]);
    return send(res, 200, { events });
  }
  if (url.pathname === "/__fake/events") {
    const session = url.searchParams.get("session");
    const events = session ? fake.eventsOfSession(session) : fake.events;
    return send(res, 200, { events });
  }
  return html(res, 404, "<h1>Not found</h1>");
}
