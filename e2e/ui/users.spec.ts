import { expect, keepScreenshot, signIn, test } from "../fixtures";

test("staff add a user with a field error first, then deactivate them", async ({ page }) => {
  await signIn(page);
  await page.getByRole("link", { name: "Users & groups" }).click();
  await expect(page.getByRole("table", { name: "users" })).toContainText("admin");
  await page.getByRole("button", { name: "Add user" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Username").fill("operator-1");
  await dialog.getByLabel("Password").fill("short");
  await dialog.getByRole("button", { name: "Add user" }).click();
  await expect(dialog).toContainText("This password is too short. It must contain at least 8 characters.");
  await dialog.getByLabel("Password").fill("a-long-enough-password");
  await dialog.getByRole("button", { name: "Add user" }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole("row", { name: /operator-1/ });
  await expect(row).toContainText("Active");
  // Editing without a new password keeps the old one, even after typing and clearing one.
  await row.getByRole("button", { name: "Edit" }).click();
  await dialog.getByLabel("First name").fill("Olga");
  await dialog.getByLabel(/New password/).fill("x");
  await dialog.getByLabel(/New password/).fill("");
  await dialog.getByRole("button", { name: "Save" }).click();
  await expect(dialog).toBeHidden();
  await row.getByRole("button", { name: "Deactivate" }).click();
  await expect(row).toContainText("Inactive");

  await page.getByRole("searchbox", { name: "Search users" }).fill("operator");
  await expect(page).toHaveURL(/search=operator/);
  await expect(page.getByTestId("row-count")).toHaveText("1 user");
  await keepScreenshot(page, "users");
});
