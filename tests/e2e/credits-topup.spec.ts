import { expect, test } from "@playwright/test";
import { registerOwner } from "./helpers";

const shots = "tests/e2e/screenshots";

// An owner buys 1,000 credits with mobile money from the credits page: the invoice's pay page, EcoCash through
// the fake Paynow, then back on the credits page the balance and the ledger show the top-up.
test("an owner buys a top-up with EcoCash and sees the balance and the ledger entry", async ({ page }) => {
  await registerOwner(page, `Harare Print Studio ${Date.now() % 100_000}`);
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Credits" }).click();
  await expect(page.getByRole("heading", { name: "Credits", level: 1 })).toBeVisible();
  await expect(page.getByTestId("credits-available")).toHaveText("0");
  await expect(page.getByText("No credit movements yet")).toBeVisible();
  await page.screenshot({ path: `${shots}/credits-01-empty.png`, fullPage: true });

  await page.getByLabel("Pack").selectOption("1000");
  await page.getByLabel("Pay with").selectOption("mobile_money");
  await page.getByRole("button", { name: "Buy for $10.00" }).click();
  await page.waitForURL(/\/pay\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByText("1,000 Tangabiz credits")).toBeVisible();
  await expect(page.getByText("$10.00", { exact: true })).toBeVisible();

  await page.getByLabel("EcoCash mobile number").fill("0771111111");
  await page.getByRole("button", { name: "Pay $10.00 with EcoCash" }).click();
  await expect(page.getByRole("heading", { name: "Paid" })).toBeVisible({ timeout: 20_000 });
  await page.screenshot({ path: `${shots}/credits-02-paid.png`, fullPage: true });

  await page.goto("/dashboard/credits");
  await expect(page.getByTestId("credits-available")).toHaveText("1,000");
  await expect(page.getByTestId("credits-topup")).toHaveText("1,000");
  const ledger = page.getByRole("table", { name: "Credit ledger" });
  await expect(ledger.getByRole("row")).toHaveCount(2);
  await expect(ledger.getByRole("cell", { name: "Top-up purchase", exact: true })).toBeVisible();
  await expect(ledger.getByRole("cell", { name: "+1,000" })).toBeVisible();
  await expect(ledger.getByText("1,000 Tangabiz credits")).toBeVisible();
  await page.screenshot({ path: `${shots}/credits-03-balance.png`, fullPage: true });

  await page.getByLabel("Kind").selectOption("settlement");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("No ledger entries match these filters")).toBeVisible();

  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/dashboard/credits");
  await expect(page.getByTestId("credits-available")).toHaveText("1,000");
  await page.screenshot({ path: `${shots}/credits-04-phone.png`, fullPage: true });
});
