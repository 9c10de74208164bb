import { randomBytes } from "node:crypto";
import { expect, test as base, type APIRequestContext, type Page } from "@playwright/test";
import { E2E_ADMIN } from "../playwright.config";

export async function signIn(page: Page, credentials = E2E_ADMIN): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Username").fill(credentials.username);
  await page.getByLabel("Password").fill(credentials.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
}

export async function apiToken(request: APIRequestContext, credentials = E2E_ADMIN): Promise<string> {
  const response = await request.post("/api/token/", { data: credentials });
  expect(response.status()).toBe(200);
  return (await response.json()).access;
}

/** Full-page screenshot kept under e2e/screenshots/, one per main view. */
export async function keepScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });
}

/**
 * `base` with a random suffix. Every spec writes into the one e2e database, and a catalogue page lists what all
 * of them registered: a spec that finds its rows by name needs names no other spec (or earlier run) gives.
 */
export function uniqueName(base: string): string {
  return `${base} ${randomBytes(3).toString("hex")}`;
}

export const test = base;
export { expect };
