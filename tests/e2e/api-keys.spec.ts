import { expect, test } from "@playwright/test";
import { registerOwner } from "./helpers";

const shots = "tests/e2e/screenshots";

test("an owner creates a key in the UI, copies it, calls the API with it, revokes it and sees 401", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await registerOwner(page, "Key Test Kiosk");
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "API keys" }).click();
  await expect(page.getByRole("button", { name: "Revoke Production" })).toBeVisible();

  // The free plan allows one key: retire the one registration created first.
  await page.getByRole("button", { name: "Revoke Production" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByText(/revoked/i).first()).toBeVisible();

  await page.getByRole("button", { name: "Create key" }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill("Till 1");
  await dialog.getByRole("button", { name: "Create key" }).click();
  await expect(dialog.getByText("you will not see this key again")).toBeVisible();
  const key = await dialog.getByLabel("Till 1").inputValue();
  expect(key).toMatch(/^tb_live_[0-9A-Za-z]{30}$/);
  await dialog.getByRole("button", { name: "Copy the key" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  await page.screenshot({ path: `${shots}/10-api-key-issued.png` });
  await dialog.getByRole("button", { name: "Done" }).click();

  const ok = await page.request.get("/api/pos/status", { headers: { authorization: `Bearer ${key}` } });
  expect(ok.status()).toBe(200);
  expect(await ok.json()).toMatchObject({ status: "operational", billingStatus: "active" });
  await page.reload();
  await page.screenshot({ path: `${shots}/11-api-keys-list.png`, fullPage: true });

  await page.getByRole("button", { name: "Revoke Till 1" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  const revoked = await page.request.get("/api/pos/status", { headers: { authorization: `Bearer ${key}` } });
  expect(revoked.status()).toBe(401);
  expect((await revoked.json()).error.code).toBe("api_key_revoked");
});
