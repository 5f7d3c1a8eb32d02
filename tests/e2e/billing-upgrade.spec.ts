import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import Stripe from "stripe";
import { e2eStripe } from "./stripe-setup";

const shots = "tests/e2e/screenshots";
const unique = randomBytes(3).toString("hex");
const owner = { name: "Tatenda Owner", email: `billing-${unique}@example.test`, password: "owner-password-1" };
const businessName = `Avondale Pharmacy ${unique}`;

type StripeEvent = { id: string; type: string; data: { object: Record<string, any> } };

// What Stripe does after a payment: deliver each event, signed, to the app's webhook.
async function deliver(request: APIRequestContext, events: StripeEvent[]) {
  for (const event of events) {
    const payload = JSON.stringify(event);
    const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret: e2eStripe.webhookSecret });
    const res = await request.post("/api/webhooks/stripe", { data: payload, headers: { "stripe-signature": signature, "content-type": "application/json" } });
    expect(res.status(), `${event.type} → ${await res.text()}`).toBe(200);
  }
}

async function fakeStripe(request: APIRequestContext, path: string, method: "GET" | "POST" = "GET") {
  const res = method === "GET" ? await request.get(`${e2eStripe.url}${path}`) : await request.post(`${e2eStripe.url}${path}`);
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { events: StripeEvent[] }).events;
}

async function registerOwner(page: Page) {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(owner.name);
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password").fill(owner.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByLabel("Business name").fill(businessName);
  await page.getByRole("button", { name: "Create business" }).click();
  await page.getByRole("button", { name: "Continue to dashboard" }).click();
  await expect(page.getByRole("heading", { name: businessName })).toBeVisible();
}

const currentPlan = (page: Page) => page.getByRole("region", { name: "Current plan" });

test("an owner upgrades to Pro through Stripe Checkout, cancels, resumes, and sees a failed renewal", async ({ page, request }) => {
  await registerOwner(page);
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Billing" }).click();
  await expect(page.getByRole("heading", { name: "Billing", level: 1 })).toBeVisible();
  await expect(currentPlan(page).getByText("Free", { exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Invoices and payments" }).getByText("No invoices yet")).toBeVisible();
  await page.screenshot({ path: `${shots}/10-billing-free.png`, fullPage: true });

  await page.getByRole("button", { name: "Upgrade to Pro" }).click();
  const dialog = page.getByRole("dialog", { name: "Upgrade to Pro?" });
  await expect(dialog).toContainText("$49.99 a month");
  await page.screenshot({ path: `${shots}/11-upgrade-dialog.png` });
  await dialog.getByRole("button", { name: "Continue to payment" }).click();

  await page.waitForURL(`${e2eStripe.url}/c/pay/**`);
  await expect(page.getByRole("heading", { name: "Tangabiz Pro" })).toBeVisible();
  await page.screenshot({ path: `${shots}/12-fake-stripe-checkout.png` });
  const sessionId = new URL(page.url()).pathname.split("/").pop()!;
  await page.getByRole("button", { name: "Pay $49.99" }).click();

  await page.waitForURL(/\/dashboard\/billing/);
  await expect(page.getByRole("status").filter({ hasText: "Waiting for Stripe to confirm your Pro plan" })).toBeVisible();
  await deliver(request, await fakeStripe(request, `/__fake/events?session=${sessionId}`));

  await expect(page.getByText("You're now on the Pro plan.")).toBeVisible({ timeout: 15_000 });
  await expect(currentPlan(page).getByText("Pro", { exact: true })).toBeVisible();
  await expect(currentPlan(page).getByText(/Renews on/)).toBeVisible();
  await expect(page.getByRole("progressbar", { name: "API keys" })).toHaveAttribute("aria-valuemax", "10");
  const invoices = page.getByRole("table", { name: "Invoices" });
  await expect(invoices.getByRole("row")).toHaveCount(2);
  await expect(invoices).toContainText("$49.99");
  await expect(invoices).toContainText("Paid");
  await expect(invoices.getByRole("link", { name: /PDF/ })).toHaveAttribute("href", /\/pdf$/);
  await page.screenshot({ path: `${shots}/13-billing-pro.png`, fullPage: true });

  await page.getByRole("button", { name: "Cancel subscription" }).click();
  await page.getByRole("dialog", { name: "Cancel your Pro subscription?" }).getByRole("button", { name: "Cancel subscription" }).click();
  await expect(page.getByText(/Subscription canceled\. You keep your plan until/)).toBeVisible();
  await expect(currentPlan(page).getByText(/^Cancels /)).toBeVisible();
  await page.screenshot({ path: `${shots}/14-billing-cancels.png`, fullPage: true });

  await page.getByRole("button", { name: "Resume subscription" }).click();
  await page.getByRole("dialog", { name: "Keep Pro?" }).getByRole("button", { name: "Resume subscription" }).click();
  await expect(page.getByText("Subscription resumed. It renews as usual.")).toBeVisible();
  await expect(currentPlan(page).getByText(/Renews on/)).toBeVisible();

  const subscriptionId = (await fakeStripe(request, `/__fake/events?session=${sessionId}`)).find((e) => e.type === "customer.subscription.created")!.data.object.id;
  const failed = await fakeStripe(request, `/__fake/subscriptions/${subscriptionId}/fail-renewal`, "POST");
  await deliver(request, failed);
  await page.goto("/dashboard");
  const banner = page.getByRole("region", { name: "Billing problem" });
  await expect(banner).toContainText("Payment past due.");
  await page.screenshot({ path: `${shots}/15-past-due-banner.png`, fullPage: true });
  await banner.getByRole("link", { name: "Fix billing" }).click();
  await expect(page.getByRole("table", { name: "Invoices" }).getByRole("row")).toHaveCount(3);
  await expect(page.getByRole("table", { name: "Invoices" })).toContainText("failed");

  await deliver(request, await fakeStripe(request, `/__fake/invoices/${failed[0].data.object.id}/pay`, "POST"));
  await page.reload();
  await expect(page.getByRole("region", { name: "Billing problem" })).toHaveCount(0);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${shots}/16-billing-phone.png`, fullPage: true });
  await page.getByRole("button", { name: "Upgrade to Enterprise" }).click();
  await expect(page.getByRole("dialog", { name: "Upgrade to Enterprise?" })).toContainText("Stripe charges the difference");
  await page.screenshot({ path: `${shots}/17-change-dialog-phone.png` });
  await page.getByRole("dialog").getByRole("button", { name: "Upgrade to Enterprise" }).click();
  await expect(page.getByText(/Your plan is now Enterprise/)).toBeVisible();
  await expect(currentPlan(page).getByText("Enterprise", { exact: true })).toBeVisible();
});
