import { randomBytes } from "node:crypto";
import { devices, expect, test } from "@playwright/test";

const shots = "tests/e2e/screenshots";
const unique = randomBytes(3).toString("hex");
const owner = { name: "Tendai Owner", email: `paynow-${unique}@example.test`, password: "owner-password-1" };
const businessName = `Chitungwiza Bakery ${unique}`;

test("a customer opens the pay link on a phone, pays with EcoCash and sees it paid", async ({ page, browser }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(owner.name);
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password").fill(owner.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByLabel("Business name").fill(businessName);
  await page.getByRole("button", { name: "Create business" }).click();
  await expect(page.getByRole("heading", { name: businessName })).toBeVisible();

  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Billing" }).click();
  await expect(page.getByRole("heading", { name: "Mobile money" })).toBeVisible();
  await expect(page.getByText("No invoices yet")).toBeVisible();
  await page.screenshot({ path: `${shots}/paynow-01-billing-empty.png`, fullPage: true });
  await page.getByRole("button", { name: "Pay for Basic with mobile money" }).click();
  await page.waitForURL(/\/pay\/[A-Za-z0-9_-]{43}$/);
  const payUrl = page.url();

  // The customer has only the link: a fresh phone-sized browser, not signed in.
  const phone = await browser.newContext({ ...devices["Pixel 5"] });
  const mobile = await phone.newPage();
  await mobile.goto(payUrl);
  await expect(mobile.getByText("$29.99")).toBeVisible();
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
  const invoices = page.getByRole("table", { name: "Mobile money invoices" });
  await expect(invoices.getByText("Paid", { exact: true })).toBeVisible();
  await expect(page.getByText("Your plan")).toBeVisible();
  await page.screenshot({ path: `${shots}/paynow-06-billing-paid.png`, fullPage: true });
});
