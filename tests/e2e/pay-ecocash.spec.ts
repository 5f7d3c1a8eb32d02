import { randomBytes } from "node:crypto";
import { devices, expect, test, type Browser, type Page } from "@playwright/test";

const shots = "tests/e2e/screenshots";

// Signs a new owner up through the UI, registers a business and opens a Paynow invoice for the plan from
// the billing page; answers the public pay link it lands on.
async function ownerOpensInvoice(page: Page, plan: "Basic" | "Pro") {
  const unique = randomBytes(3).toString("hex");
  const businessName = `Chitungwiza Bakery ${unique}`;
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill("Tendai Owner");
  await page.getByLabel("Email").fill(`paynow-${unique}@example.test`);
  await page.getByLabel("Password").fill("owner-password-1");
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByLabel("Business name").fill(businessName);
  await page.getByRole("button", { name: "Create business" }).click();
  await page.getByRole("button", { name: "Continue to dashboard" }).click();
  await expect(page.getByRole("heading", { name: businessName })).toBeVisible();

  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Billing" }).click();
  await expect(page.getByRole("heading", { name: "Mobile money" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Invoices and payments" }).getByText("No invoices yet")).toBeVisible();
  if (plan === "Basic") await page.screenshot({ path: `${shots}/paynow-01-billing-empty.png`, fullPage: true });
  await page.getByLabel("Plan", { exact: true }).selectOption({ label: plan === "Basic" ? "Basic — $29.99" : "Pro — $49.99" });
  await page.getByRole("button", { name: `Pay for ${plan} with mobile money` }).click();
  await page.waitForURL(/\/pay\/[A-Za-z0-9_-]{43}$/);
  return { businessName, payUrl: page.url() };
}

// The customer has only the link: a fresh phone-sized browser, not signed in.
async function openOnPhone(browser: Browser, payUrl: string) {
  const phone = await browser.newContext({ ...devices["Pixel 5"] });
  const mobile = await phone.newPage();
  await mobile.goto(payUrl);
  return { phone, mobile };
}

test("a customer opens the pay link on a phone, pays with EcoCash and sees it paid", async ({ page, browser }) => {
  const { businessName, payUrl } = await ownerOpensInvoice(page, "Basic");
  const { phone, mobile } = await openOnPhone(browser, payUrl);
  await expect(mobile.getByText("$29.99", { exact: true })).toBeVisible();
  await expect(mobile.getByText(businessName)).toBeVisible();
  await expect(mobile.getByRole("heading", { name: /Invoice INV-\d{4}-\d{6}/ })).toBeVisible();
  await mobile.screenshot({ path: `${shots}/paynow-02-pay-page.png`, fullPage: true });

  await mobile.getByLabel("EcoCash mobile number").fill("071 234 5678");
  await mobile.getByRole("button", { name: "Pay $29.99 with EcoCash" }).click();
  await expect(mobile.getByText(/EcoCash needs an Econet number/)).toBeVisible();
  await mobile.screenshot({ path: `${shots}/paynow-03-wrong-network.png`, fullPage: true });

  await mobile.getByLabel("EcoCash mobile number").fill("+263 77 111 1111");
  await mobile.getByRole("button", { name: "Pay $29.99 with EcoCash" }).click();
  await expect(mobile.getByRole("heading", { name: "Approve on your phone" })).toBeVisible();
  await mobile.screenshot({ path: `${shots}/paynow-04-approve-on-phone.png`, fullPage: true });

  // The fake Paynow posts "Paid" to the result URL a few seconds later; the page notices by itself.
  await expect(mobile.getByRole("heading", { name: "Paid" })).toBeVisible({ timeout: 20_000 });
  await mobile.screenshot({ path: `${shots}/paynow-05-paid.png`, fullPage: true });
  await phone.close();

  await page.goto("/dashboard/billing");
  const invoices = page.getByRole("region", { name: "Invoices and payments" });
  await expect(invoices.getByText(/INV-\d{4}-\d{6}/).first()).toBeVisible();
  await expect(invoices.getByText("Paid", { exact: true }).first()).toBeVisible();
  const current = page.getByRole("region", { name: "Current plan" });
  await expect(current.getByText("Basic", { exact: true })).toBeVisible();
  await expect(current.getByRole("button", { name: "Update card" })).toHaveCount(0);
  await page.screenshot({ path: `${shots}/paynow-06-billing-paid.png`, fullPage: true });

  // A plan paid by mobile money is cancelled (and resumed) from the same card as a card subscription.
  await current.getByRole("button", { name: "Cancel subscription" }).click();
  await page.getByRole("dialog", { name: "Cancel your Basic subscription?" }).getByRole("button", { name: "Cancel subscription" }).click();
  await expect(page.getByText(/Subscription canceled\. You keep your plan until/)).toBeVisible();
  await expect(current.getByText(/^Cancels /)).toBeVisible();
  await page.screenshot({ path: `${shots}/paynow-06b-billing-cancelled.png`, fullPage: true });
  await current.getByRole("button", { name: "Resume subscription" }).click();
  const resume = page.getByRole("dialog", { name: "Keep Basic?" });
  await expect(resume.getByText(/invoiced as before/)).toBeVisible();
  await resume.getByRole("button", { name: "Resume subscription" }).click();
  await expect(current.getByRole("button", { name: "Cancel subscription" })).toBeVisible();
});

test("InnBucks shows a code and a QR; the payer can switch to another method", async ({ page, browser }) => {
  const { payUrl } = await ownerOpensInvoice(page, "Pro");
  const { phone, mobile } = await openOnPhone(browser, payUrl);
  await mobile.getByText("InnBucks", { exact: true }).click();
  await mobile.getByLabel("InnBucks mobile number").fill("0779999999");
  await mobile.getByRole("button", { name: "Pay $49.99 with InnBucks" }).click();
  await expect(mobile.getByRole("heading", { name: "Approve in the InnBucks app" })).toBeVisible();
  await expect(mobile.getByRole("img", { name: "QR code of your InnBucks code" }).locator("svg")).toBeVisible();
  await expect(mobile.getByRole("link", { name: "Open InnBucks" })).toHaveAttribute("href", /^schinn\.wbpycode:\/\/innbucks\.co\.zw\?pymInnCode=\d{9}$/);
  await mobile.screenshot({ path: `${shots}/paynow-07-innbucks-code.png`, fullPage: true });

  await mobile.getByRole("button", { name: "Use another method" }).click();
  await expect(mobile.getByRole("button", { name: "Pay $49.99 with InnBucks" })).toBeVisible();
  await mobile.getByText("Card", { exact: true }).click();
  await expect(mobile.getByRole("button", { name: "Pay $49.99 by card" })).toBeVisible();
  await phone.close();
});
