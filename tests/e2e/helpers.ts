import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";

export function newPerson(label: string) {
  const unique = randomBytes(3).toString("hex");
  return { name: `${label} ${unique}`, email: `${label.toLowerCase()}-${unique}@example.test`, password: `${label.toLowerCase()}-password-1` };
}

export async function fillSignUp(page: Page, who: { name: string; email: string; password: string }, emailPrefilled = false) {
  await page.getByLabel("Your name").fill(who.name);
  if (emailPrefilled) await expect(page.getByLabel("Email")).toHaveValue(who.email);
  else await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Create account" }).click();
}

// Signs up through the UI and registers a business; ends on the overview page.
export async function registerOwner(page: Page, businessName: string) {
  const owner = newPerson("Owner");
  await page.goto("/sign-up");
  await fillSignUp(page, owner);
  await expect(page.getByRole("heading", { name: "Register your business" })).toBeVisible();
  await page.getByLabel("Business name").fill(businessName);
  await page.getByRole("button", { name: "Create business" }).click();
  await expect(page.getByRole("heading", { name: "Your first API key" })).toBeVisible();
  await page.getByRole("button", { name: "Continue to dashboard" }).click();
  await expect(page.getByRole("heading", { name: businessName })).toBeVisible();
  return owner;
}
