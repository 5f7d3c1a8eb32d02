import { expect, test } from "@playwright/test";
import { registerOwner } from "./helpers";

const shots = "tests/e2e/screenshots";

test("an owner sees the operations page and closes the business by typing its name", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const name = `Closing Time ${Date.now() % 100000}`;
  await registerOwner(page, name);

  await page.goto("/dashboard/operations");
  await expect(page.getByRole("heading", { name: "Operations" })).toBeVisible();
  await expect(page.getByText("No payment is waiting longer than it should.")).toBeVisible();
  await page.screenshot({ path: `${shots}/40-operations.png`, fullPage: true });

  await page.goto("/dashboard/settings");
  await page.getByRole("button", { name: "Close business…" }).click();
  const confirm = page.getByRole("button", { name: "Close business", exact: true });
  await expect(confirm).toBeDisabled();
  await page.getByLabel("Business name").fill(name);
  await page.screenshot({ path: `${shots}/41-close-business-confirm.png` });
  await confirm.click();
  await expect(page.getByText(`${name} is closed.`)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Business closed" })).toBeVisible();
  await page.screenshot({ path: `${shots}/42-business-closed.png`, fullPage: true });
});
