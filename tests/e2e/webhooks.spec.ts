import { expect, test } from "@playwright/test";
import { startWebhookReceiver, type WebhookReceiver } from "../fakes/webhook-receiver";
import { registerOwner } from "./helpers";

const shots = "tests/e2e/screenshots";
let receiver: WebhookReceiver;

test.beforeAll(async () => {
  receiver = await startWebhookReceiver();
});
test.afterAll(() => receiver.close());

test("an owner adds a webhook endpoint, sends a test event to a local receiver and sees it delivered", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await registerOwner(page, "Webhook Test Kiosk");
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Webhooks" }).click();
  await expect(page.getByRole("heading", { name: "No webhook endpoints yet" })).toBeVisible();

  await page.getByRole("button", { name: "Add endpoint" }).click();
  const dialog = page.getByRole("dialog");
  const url = `${receiver.url}/tangabiz`;
  await dialog.getByLabel("Endpoint URL").fill(url);
  await dialog.getByLabel("Description (optional)").fill("Accounting");
  await dialog.getByRole("button", { name: "Add endpoint" }).click();
  await expect(dialog.getByText("Choose at least one event.")).toBeVisible();
  await dialog.getByLabel(/invoice\.paid/).check();
  await dialog.getByLabel(/pos\.transaction\.created/).check();
  await dialog.getByRole("button", { name: "Add endpoint" }).click();

  await expect(dialog.getByText("you will not see it again")).toBeVisible();
  const secret = await dialog.getByLabel(/Signing secret for/).inputValue();
  expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
  await dialog.getByRole("button", { name: "Copy the signing secret" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await page.screenshot({ path: `${shots}/40-webhook-secret.png` });
  await dialog.getByRole("button", { name: "Done" }).click();
  receiver.setSecret("/tangabiz", secret);

  const endpoint = page.getByTestId("webhook-endpoint");
  await expect(endpoint.getByText(url)).toBeVisible();
  await expect(endpoint.getByText("No deliveries yet")).toBeVisible();
  await endpoint.getByRole("button", { name: "Send test event" }).click();
  await expect(page.getByText("Test event sent")).toBeVisible();

  await expect.poll(() => receiver.received.length).toBe(1);
  const [request] = receiver.received;
  expect(request.verified).toBe(true);
  expect(request.json).toMatchObject({ type: "webhook.test", data: { message: expect.stringContaining("test event") } });

  const row = endpoint.getByTestId("delivery-row").first();
  await expect(row.getByText("Succeeded")).toBeVisible();
  await expect(row.getByText("webhook.test", { exact: true })).toBeVisible();
  await expect(row.getByRole("cell", { name: "200" })).toBeVisible();
  await row.getByText("Payload").click();
  await expect(row.getByText(request.headers["webhook-id"] as string)).toBeVisible();
  await page.screenshot({ path: `${shots}/41-webhook-delivered.png`, fullPage: true });

  await row.getByRole("button", { name: "Replay webhook.test delivery" }).click();
  await expect.poll(() => receiver.received.length).toBe(2);
  expect(receiver.received[1].headers["webhook-id"]).toBe(request.headers["webhook-id"]);
  await expect(endpoint.getByTestId("delivery-row")).toHaveCount(2);

  // Rotating: the receiver still holds the old secret and keeps verifying for the day of overlap.
  await endpoint.getByRole("button", { name: "Rotate secret" }).click();
  const confirm = page.getByRole("alertdialog").or(page.getByRole("dialog"));
  await expect(confirm.getByText("For 24 hours the current one keeps signing beside it")).toBeVisible();
  await confirm.getByRole("button", { name: "Rotate secret" }).click();
  const rotated = page.getByRole("dialog", { name: "New signing secret" });
  const newSecret = await rotated.getByLabel(/Signing secret for/).inputValue();
  expect(newSecret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
  expect(newSecret).not.toBe(secret);
  await rotated.getByRole("button", { name: "Done" }).click();
  await expect(endpoint.getByText(/The previous secret also signs deliveries until/)).toBeVisible();
  await endpoint.getByRole("button", { name: "Send test event" }).click();
  await expect.poll(() => receiver.received.length).toBe(3);
  expect(receiver.received[2].verified).toBe(true);
  expect(String(receiver.received[2].headers["webhook-signature"]).split(" ")).toHaveLength(2);
  await page.screenshot({ path: `${shots}/44-webhook-rotated.png`, fullPage: true });

  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Activity" }).click();
  await expect(page.getByText(`added the webhook endpoint ${url} for invoice.paid, pos.transaction.created`)).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${shots}/42-activity-phone.png`, fullPage: true });
  await page.goto("/dashboard/webhooks");
  await page.screenshot({ path: `${shots}/43-webhooks-phone.png`, fullPage: true });
});
