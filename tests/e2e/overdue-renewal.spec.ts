import { randomBytes, randomUUID } from "node:crypto";
import { devices, expect, test } from "@playwright/test";
import pg from "pg";
import { registerOwner } from "./helpers";

const shots = "tests/e2e/screenshots";
const DAY = 86_400_000;

// The state the billing run and dunning leave behind for a business that did not pay its renewal: the period
// ended 15 days ago, its renewal invoice is open, every dunning step has been taken and the subscription is
// suspended. The server's clock cannot be moved, so this is written straight into its PostgreSQL database.
async function suspendForUnpaidRenewal(databaseUrl: string, businessName: string) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query(`SELECT id FROM "Business" WHERE name = $1`, [businessName]);
    const businessId = rows[0].id as string;
    const dueAt = new Date(Date.now() - 15 * DAY);
    const sub = await db.query(
      `UPDATE "Subscription" SET plan = 'basic', provider = 'paynow', status = 'suspended', "currentPeriodStart" = $2::timestamptz - interval '1 month',
         "currentPeriodEnd" = $2 WHERE "businessId" = $1 RETURNING id`,
      [businessId, dueAt],
    );
    const sequence = await db.query(
      `INSERT INTO "InvoiceSequence" ("year", "last") VALUES ($1, 1) ON CONFLICT ("year") DO UPDATE SET "last" = "InvoiceSequence"."last" + 1 RETURNING "last"`,
      [new Date().getUTCFullYear()],
    );
    const number = `INV-${new Date().getUTCFullYear()}-${String(sequence.rows[0].last).padStart(6, "0")}`;
    const invoiceId = randomUUID();
    await db.query(
      `INSERT INTO "Invoice" (id, "businessId", number, provider, status, currency, "subtotalCents", "totalCents", "amountDueCents", lines, plan,
         "periodStart", "periodEnd", "dueAt", "issuedAt", "paymentToken", "subscriptionId", "updatedAt")
       VALUES ($1, $2, $3, 'paynow', 'open', 'USD', 2999, 2999, 2999, $4::jsonb, 'basic', $5, $5::timestamptz + interval '1 month', $5,
         $5::timestamptz - interval '3 days', $6, $7, now())`,
      [
        invoiceId,
        businessId,
        number,
        JSON.stringify([{ description: "Tangabiz Basic plan, 1 month", quantity: 1, unitAmountCents: 2999, amountCents: 2999 }]),
        dueAt,
        randomBytes(32).toString("base64url"),
        sub.rows[0].id,
      ],
    );
    const steps: [string, number, boolean][] = [
      ["reminder", -3, false],
      ["past_due", 0, false],
      ["overdue", 1, true],
      ["final_warning", 7, true],
      ["suspension", 14, true],
    ];
    for (const [step, days, emailed] of steps) {
      await db.query(`INSERT INTO "DunningStep" (id, "invoiceId", "businessId", step, emailed, at) VALUES ($1, $2, $3, $4, $5, $6)`, [
        randomUUID(),
        invoiceId,
        businessId,
        step,
        emailed,
        new Date(dueAt.getTime() + days * DAY + 3_600_000),
      ]);
    }
    return { number };
  } finally {
    await db.end();
  }
}

test("an owner with an overdue renewal sees the red banner and the timeline, pays through the pay link, and the banner goes", async ({ page }) => {
  const databaseUrl = process.env.DATABASE_URL;
  test.skip(!databaseUrl, "needs DATABASE_URL: the test writes the overdue state into the server's PostgreSQL database");
  const businessName = `Glen View Butchery ${randomBytes(3).toString("hex")}`;
  await registerOwner(page, businessName);
  const { number } = await suspendForUnpaidRenewal(databaseUrl!, businessName);

  await page.goto("/dashboard/billing");
  const banner = page.getByRole("region", { name: "Billing problem" });
  await expect(banner.getByText("Subscription suspended.")).toBeVisible();
  await expect(banner.getByText(/API keys and POS terminals are paused/)).toBeVisible();
  const timeline = page.getByRole("list", { name: `Where invoice ${number} stands` });
  await expect(timeline).toBeVisible();
  for (const step of ["issued", "reminded", "overdue", "warned", "suspended"]) {
    await expect(timeline.locator(`[data-step="${step}"]`)).toHaveAttribute("data-state", "done");
  }
  await expect(timeline.locator('[data-step="paid"]')).toHaveAttribute("data-state", "upcoming");
  await page.screenshot({ path: `${shots}/renewal-01-suspended-banner-timeline.png`, fullPage: true });

  await banner.getByRole("link", { name: "Pay now" }).click();
  await page.waitForURL(/\/pay\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByRole("heading", { name: new RegExp(`Invoice ${number}`) })).toBeVisible();
  await page.getByLabel("EcoCash mobile number").fill("0771111111");
  await page.getByRole("button", { name: "Pay $29.99 with EcoCash" }).click();
  await expect(page.getByRole("heading", { name: "Approve on your phone" })).toBeVisible();
  // The fake Paynow posts "Paid" to the result URL a few seconds later; the page notices by itself.
  await expect(page.getByRole("heading", { name: "Paid" })).toBeVisible({ timeout: 20_000 });

  await page.goto("/dashboard/billing");
  await expect(page.getByRole("heading", { name: "Billing", exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Billing problem" })).toHaveCount(0);
  await expect(page.getByRole("list", { name: `Where invoice ${number} stands` }).locator('[data-step="paid"]')).toHaveAttribute("data-state", "done");
  await page.screenshot({ path: `${shots}/renewal-02-paid-no-banner.png`, fullPage: true });

  await page.setViewportSize(devices["Pixel 5"].viewport);
  await page.screenshot({ path: `${shots}/renewal-03-paid-phone.png`, fullPage: true });
});
