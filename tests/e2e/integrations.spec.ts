import { expect, test } from "@playwright/test";
import { registerOwner } from "./helpers";
import { e2eIntegrations } from "./integrations-setup";

const shots = "tests/e2e/screenshots";

test("an owner connects HubSpot, a till records a sale with a customer, Sync now sends the contact and shows the counts", async ({ page, baseURL }) => {
  await registerOwner(page, "Hub Kiosk");
  const headers = { origin: baseURL! };

  // A POS key (the free plan allows one: replace the one registration created).
  const { keys } = await (await page.request.get("/api/api-keys")).json();
  for (const key of keys) await page.request.delete(`/api/api-keys/${key.id}`, { headers });
  const created = await page.request.post("/api/api-keys", { headers, data: { name: "Till 1", scopes: ["pos:read", "pos:write"] } });
  expect(created.status()).toBe(201);
  const apiKey = (await created.json()).key as string;

  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Integrations" }).click();
  await expect(page.getByRole("heading", { name: "Integrations", level: 1 })).toBeVisible();
  await expect(page.locator("[data-testid^=integration-]")).toHaveCount(8);
  await page.screenshot({ path: `${shots}/40-integrations-grid.png`, fullPage: true });

  // A wrong token is refused with HubSpot's answer; nothing is saved.
  await page.getByRole("button", { name: "Connect HubSpot" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByText("OAuth consent (signing in to the provider from here) is not supported yet")).toBeVisible();
  await dialog.getByLabel("Private app access token").fill("pat-na1-not-the-right-one");
  await dialog.getByRole("button", { name: "Connect" }).click();
  await expect(dialog.getByRole("alert")).toContainText("HubSpot refused the connection");
  await page.screenshot({ path: `${shots}/44-integrations-connect-refused.png` });
  await dialog.getByLabel("Private app access token").fill(e2eIntegrations.hubspotToken);
  await dialog.getByRole("button", { name: "Connect" }).click();
  await expect(dialog).toBeHidden();
  const card = page.getByTestId("integration-hubspot");
  await expect(card.getByText("Active")).toBeVisible();

  const sale = await page.request.post("/api/pos/transactions", {
    headers: { authorization: `Bearer ${apiKey}` },
    data: { amount: 2500, currency: "USD", type: "sale", reference: "till-1-0001", customer: { name: "Rudo Moyo", email: "rudo.e2e@example.test", marketingConsent: true } },
  });
  expect(sale.status()).toBe(201);

  await card.getByRole("button", { name: "Sync HubSpot now" }).click();
  await expect(page.getByText("HubSpot synced: 1 sent, 0 updated.")).toBeVisible({ timeout: 20_000 });
  await expect(card.getByTestId("last-run")).toHaveText("Result: 1 sent, 0 updated");

  const arrived = await (await page.request.get(`${e2eIntegrations.url}/__fake/hubspot/contacts`)).json();
  expect(arrived.contacts).toContainEqual(
    expect.objectContaining({ properties: { email: "rudo.e2e@example.test", firstname: "Rudo", lastname: "Moyo" } }),
  );
  await page.screenshot({ path: `${shots}/41-integrations-hubspot-synced.png`, fullPage: true });

  await card.getByRole("button", { name: "HubSpot sync history" }).click();
  await expect(page.getByRole("dialog").getByText("1 sent, 0 updated").first()).toBeVisible();
  await page.screenshot({ path: `${shots}/42-integrations-history.png` });
  await page.keyboard.press("Escape");

  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${shots}/43-integrations-phone.png`, fullPage: true });
});
