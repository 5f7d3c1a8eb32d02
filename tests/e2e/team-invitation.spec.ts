import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { fillSignUp, registerOwner } from "./helpers";

const shots = "tests/e2e/screenshots";
const unique = randomBytes(3).toString("hex");
const staff = { name: "Farai Staff", email: `staff-${unique}@example.test`, password: "staff-password-1" };
const businessName = `Mbare Hardware ${unique}`;

test("owner registers a business, invites staff, staff joins and sees the reduced navigation", async ({ page, browser }) => {
  await registerOwner(page, businessName);
  const ownerNav = page.getByRole("navigation", { name: "Dashboard" });
  await expect(ownerNav.getByRole("link")).toHaveText([
    "Overview",
    "Billing",
    "API keys",
    "Terminals",
    "Integrations",
    "Webhooks",
    "Team",
    "Usage",
    "Credits",
    "Outbox",
    "Activity",
    "Operations",
    "Settings",
  ]);
  await page.screenshot({ path: `${shots}/01-owner-overview.png`, fullPage: true });

  await ownerNav.getByRole("link", { name: "Team" }).click();
  await page.getByLabel("Email").fill(staff.email);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${staff.email}`)).toBeVisible();
  await expect(page.getByRole("cell", { name: staff.email })).toBeVisible();
  await page.screenshot({ path: `${shots}/02-team-invited.png`, fullPage: true });

  await ownerNav.getByRole("link", { name: "Outbox" }).click();
  const invitationEmail = page.getByTestId("outbox-message").filter({ hasText: `Join ${businessName} on Tangabiz` });
  await invitationEmail.getByText("Show email").click();
  await expect(invitationEmail.getByTitle(`Email: Join ${businessName} on Tangabiz`)).toBeVisible();
  const invitationLink = invitationEmail.getByRole("list", { name: "Links in this email" }).getByRole("link").first();
  const invitationUrl = await invitationLink.getAttribute("href");
  expect(invitationUrl).toMatch(/\/accept-invitation\//);
  await page.screenshot({ path: `${shots}/03-outbox.png`, fullPage: true });

  const staffContext = await browser.newContext();
  const staffPage = await staffContext.newPage();
  await staffPage.goto(invitationUrl!);
  await expect(staffPage.getByRole("heading", { name: `Join ${businessName}` })).toBeVisible();
  await staffPage.getByRole("link", { name: "Create an account to join" }).click();
  await fillSignUp(staffPage, staff, true);

  await staffPage.getByRole("button", { name: `Join ${businessName}` }).click();
  await expect(staffPage.getByRole("heading", { name: businessName })).toBeVisible();
  const staffNav = staffPage.getByRole("navigation", { name: "Dashboard" });
  await expect(staffNav.getByRole("link")).toHaveText(["Overview", "Terminals", "Usage", "Credits"]);
  await staffPage.screenshot({ path: `${shots}/04-staff-overview.png`, fullPage: true });

  await staffPage.goto("/dashboard/billing");
  await expect(staffPage.getByRole("heading", { name: "You don't have access to this page" })).toBeVisible();
  // The routes refuse staff too, not only the navigation: called from the staff member's own signed-in page.
  const denied = await staffPage.evaluate(async () => {
    const rename = await fetch("/api/business", { method: "PATCH", headers: { "content-type": "application/json" }, body: JSON.stringify({ name: "Taken over" }) });
    const keys = await fetch("/api/api-keys");
    const team = await fetch("/api/auth/organization/list-members");
    return [
      { status: rename.status, code: (await rename.json()).error?.code },
      { status: keys.status, code: (await keys.json()).error?.code },
      { status: team.status, code: (await team.json()).code },
    ];
  });
  expect(denied).toEqual([
    { status: 403, code: "forbidden" },
    { status: 403, code: "forbidden" },
    { status: 403, code: "FORBIDDEN" },
  ]);

  await page.reload();
  await ownerNav.getByRole("link", { name: "Team" }).click();
  await expect(page.getByRole("cell", { name: staff.email })).toBeVisible();
  await staffContext.close();
});
