import { E2E_ADMIN } from "../../playwright.config";
import { expect, keepScreenshot, signIn, test } from "../fixtures";

test("an anonymous visitor is sent to the login page", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await keepScreenshot(page, "login");
});

test("a wrong password is refused with a message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Username").fill(E2E_ADMIN.username);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("form").getByRole("alert")).toHaveText("Wrong username or password.");
  await expect(page).toHaveURL(/\/login/);
});

test("the admin signs in, sees the Developer API panel, and signs out", async ({ page }) => {
  await signIn(page);
  await expect(page.getByRole("heading", { name: "Developer API" })).toBeVisible();
  for (const link of ["OpenAPI schema", "Swagger UI", "Redoc"]) await expect(page.getByRole("link", { name: new RegExp(link) })).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const section of ["Discovery", "Servers", "Pools", "Firmware", "Baselines", "Requests"]) await expect(nav).toContainText(section);
  await keepScreenshot(page, "dashboard");
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});
