import { expect, test, type Page } from "@playwright/test";
import { newPerson } from "./helpers";

const shots = "tests/e2e/screenshots";

function watchUrls(page: Page) {
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  return urls;
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("sign-up and sign-in post their forms, and the password never lands in a URL", async ({ page, browser }) => {
    const person = newPerson("Nojs");
    const urls = watchUrls(page);
    await page.goto("/sign-up");
    expect(await page.locator("form").first().getAttribute("method")).toMatch(/^post$/i);
    await page.getByLabel("Your name").fill(person.name);
    await page.getByLabel("Email").fill(person.email);
    await page.getByLabel("Password").fill(person.password);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/onboarding$/);
    await expect(page.getByRole("heading", { name: "Register your business" })).toBeVisible();

    const context = await browser.newContext({ javaScriptEnabled: false });
    const signIn = await context.newPage();
    const signInUrls = watchUrls(signIn);
    await signIn.goto("/sign-in");
    expect(await signIn.locator("form").first().getAttribute("method")).toMatch(/^post$/i);
    await signIn.getByLabel("Email").fill(person.email);
    await signIn.getByLabel("Password").fill("wrong-password-123");
    await signIn.getByRole("button", { name: "Sign in" }).click();
    await expect(signIn.getByRole("alert")).toHaveText("Wrong email or password.");
    await expect(signIn.getByLabel("Email")).toHaveValue(person.email);
    await signIn.getByLabel("Password").fill(person.password);
    await signIn.getByRole("button", { name: "Sign in" }).click();
    await expect(signIn).toHaveURL(/\/onboarding$/);

    for (const url of [...urls, ...signInUrls]) {
      expect(url).not.toContain("password");
      expect(url).not.toContain(encodeURIComponent(person.password));
      expect(url).not.toContain("wrong-password-123");
    }
    await context.close();
  });
});

test("the first hour: the first key is shown once, works with curl, and the limits say what to do", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const owner = newPerson("First");
  const businessName = `First Hour Foods ${owner.email.slice(6, 12)}`;
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(owner.name);
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password").fill(owner.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByLabel("Business name").fill(businessName);
  await page.getByRole("button", { name: "Create business" }).click();

  await expect(page.getByRole("heading", { name: "Your first API key" })).toBeVisible();
  await expect(page.getByText("you will not see this key again")).toBeVisible();
  const key = await page.getByLabel("Production").inputValue();
  expect(key).toMatch(/^tb_live_[0-9A-Za-z]{30}$/);
  const curl = page.locator("pre code").filter({ hasText: "curl" });
  await expect(curl).toHaveText(`curl -H "Authorization: Bearer ${key}" ${new URL(page.url()).origin}/api/pos/status`);
  await page.getByRole("button", { name: "Copy the curl command" }).click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(key);
  await page.screenshot({ path: `${shots}/20-first-key.png`, fullPage: true });

  const status = await page.request.get("/api/pos/status", { headers: { authorization: `Bearer ${key}` } });
  expect(status.status()).toBe(200);

  await page.getByRole("button", { name: "Continue to dashboard" }).click();
  await expect(page.getByRole("heading", { name: businessName })).toBeVisible();
  const activity = page.getByRole("listitem").filter({ hasText: "registered the business" });
  await expect(activity).toContainText(owner.name);
  await expect(page.getByText("api_key.created")).toHaveCount(0);
  await expect(page.getByText(new RegExp(`^${owner.name} created key tb_live_\\w+… \\(Production\\)$`))).toBeVisible();

  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "API keys" }).click();
  const create = page.getByRole("button", { name: "Create key" });
  await expect(create).toBeDisabled();
  await expect(page.getByText("Your Free plan allows 1 active API key")).toBeVisible();
  await expect(page.getByRole("link", { name: "upgrade the plan" })).toHaveAttribute("href", "/dashboard/billing");
  await page.screenshot({ path: `${shots}/21-create-key-disabled.png`, fullPage: true });

  await page.goto("/no-such-page");
  await expect(page.getByRole("heading", { name: "This page does not exist" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Go to the dashboard" })).toHaveAttribute("href", "/dashboard");
  const icon = await page.request.get((await page.locator('link[rel="icon"]').first().getAttribute("href"))!);
  expect(icon.status()).toBe(200);
  await page.screenshot({ path: `${shots}/22-not-found.png` });

  await page.goto("/docs/api");
  await expect(page.getByRole("link", { name: "← Back to the dashboard" })).toHaveAttribute("href", "/dashboard");
  await expect(page.locator("pre code").filter({ hasText: "/api/pos/transactions" })).toContainText('-d \'{"amount":1250');
});

test("on a phone the key table keeps status and revoke in view", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const owner = newPerson("Phone");
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(owner.name);
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password").fill(owner.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.getByLabel("Business name").fill("Phone Shop");
  await page.getByRole("button", { name: "Create business" }).click();
  await page.getByRole("button", { name: "Continue to dashboard" }).click();
  await page.goto("/dashboard/api-keys");
  for (const target of [page.getByRole("cell", { name: "Active" }), page.getByRole("button", { name: "Revoke Production" })]) {
    await expect(target).toBeInViewport();
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: `${shots}/23-api-keys-phone.png`, fullPage: true });
  await context.close();
});
