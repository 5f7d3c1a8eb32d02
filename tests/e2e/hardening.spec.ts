import { expect, test, type Page } from "@playwright/test";
import { newPerson, registerOwner } from "./helpers";

const shots = "tests/e2e/screenshots";

// Every CSP violation the page reports, from the console and from securitypolicyviolation events.
function watchCsp(page: Page): string[] {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply|connect|frame)/i.test(message.text())) violations.push(message.text());
  });
  page.on("pageerror", (error) => violations.push(`pageerror: ${error.message}`));
  return violations;
}

test("the app works under its content security policy: no violations on the public and dashboard pages", async ({ page }) => {
  const violations = watchCsp(page);
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => console.error(`Content Security Policy: ${event.violatedDirective} ${event.blockedURI}`));
  });
  const signIn = await page.goto("/sign-in");
  const csp = signIn!.headers()["content-security-policy"];
  expect(csp).toContain("frame-ancestors 'none'");
  // Scripts by nonce, fresh on every page: no 'unsafe-inline' for them.
  const scripts = csp.split("; ").find((directive) => directive.startsWith("script-src "))!;
  expect(scripts).toMatch(/^script-src 'self' 'nonce-[0-9a-f]{32}' 'strict-dynamic'$/);
  const again = await page.request.get("/sign-in");
  expect(again.headers()["content-security-policy"]).not.toContain(scripts);
  // Markup an injection would add: its inline handler does not run.
  await page.evaluate(() => {
    const injected = document.createElement("div");
    injected.innerHTML = `<img src="/nothing-here.png" alt="" onerror="window.__injected = true">`;
    document.body.append(injected);
  });
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  violations.length = 0; // that refusal was the point
  expect(signIn!.headers()["x-content-type-options"]).toBe("nosniff");
  expect(signIn!.headers()["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();

  await registerOwner(page, "Csp Checked Shop");
  const nav = page.getByRole("navigation", { name: "Dashboard" });
  for (const [link, heading] of [["API keys", "API keys"], ["Billing", "Billing"], ["Team", "Team"], ["Usage", "Usage"], ["Outbox", "Outbox"], ["Overview", "Csp Checked Shop"]]) {
    await nav.getByRole("link", { name: link, exact: true }).click();
    await expect(page.getByRole("heading", { name: heading, exact: true }).first()).toBeVisible();
  }
  await page.getByRole("navigation", { name: "Dashboard" }).getByRole("link", { name: "Billing" }).click();
  await page.getByLabel("Plan", { exact: true }).selectOption({ label: "Basic — $29.99" });
  await page.getByRole("button", { name: "Pay for Basic with mobile money" }).click();
  await page.waitForURL(/\/pay\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByText("$29.99", { exact: true })).toBeVisible();
  await page.screenshot({ path: `${shots}/hardening-pay-page-csp.png`, fullPage: true });
  expect(violations).toEqual([]);
});

test("the pay page cannot be framed", async ({ page, request, baseURL }) => {
  const res = await request.get("/pay/some-token");
  expect(res.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(res.headers()["x-frame-options"]).toBe("DENY");
  // A page of another origin that frames it: the browser refuses to show it.
  await page.route("http://framer.test/", (route) =>
    route.fulfill({ contentType: "text/html", body: `<iframe src="${baseURL}/pay/some-token"></iframe>` }),
  );
  await page.goto("http://framer.test/");
  await expect.poll(() => page.frames().map((frame) => frame.url())).toEqual(["http://framer.test/", "chrome-error://chromewebdata/"]);
  await page.screenshot({ path: `${shots}/hardening-pay-page-not-framed.png` });
});

test("a path that is not valid UTF-8 answers 400 with the error shape, not a plain-text 500", async ({ request }) => {
  for (const path of ["/api/api-keys/%ED%A0%80", "/api/billing/payments/%ED%A0%80/status", "/pay/%ED%A0%80"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(400);
    expect(await res.json()).toEqual({ error: { code: "invalid_encoding", message: "The URL path is not valid percent-encoded UTF-8." } });
  }
  const pay = await request.post("/api/pay/%ED%A0%80", { data: { method: "ecocash", phone: "0771111111" } });
  expect(pay.status()).toBe(400);
});

test("sign-in does not redirect to another site (/%09/ bypass)", async ({ page, browser }) => {
  const person = newPerson("Redirect");
  const signUp = await browser.newPage();
  await signUp.goto("/sign-up");
  await signUp.getByLabel("Your name").fill(person.name);
  await signUp.getByLabel("Email").fill(person.email);
  await signUp.getByLabel("Password").fill(person.password);
  await signUp.getByRole("button", { name: "Create account" }).click();
  await expect(signUp.getByRole("heading", { name: "Register your business" })).toBeVisible();
  await signUp.close();

  await page.goto("/sign-in?redirect=/%09/evil.example/pwned");
  await page.getByLabel("Email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname !== "/sign-in");
  expect(new URL(page.url()).hostname).toBe("localhost");
  expect(new URL(page.url()).pathname).not.toContain("evil.example");
});
