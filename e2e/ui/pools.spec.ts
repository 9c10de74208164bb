import { expect, keepScreenshot, signIn, test } from "../fixtures";

test("a pool and a sub-pool under it: the tree shows the sub-pool under its parent, and the parent cannot be deleted", async ({ page }) => {
  await signIn(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Pools" }).click();
  const table = page.getByRole("table", { name: "pools" });
  await expect(page.getByRole("heading", { name: "Pools" })).toBeVisible();

  await page.getByRole("button", { name: "Create pool" }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Create pool" }).click();
  await expect(dialog.getByLabel("Name")).toHaveAccessibleDescription("This field may not be blank.");
  await dialog.getByLabel("Name").fill("DC1 e2e");
  await dialog.getByLabel("Description").fill("First data centre");
  await expect(dialog.getByLabel("Group")).toBeEnabled();
  await dialog.getByRole("button", { name: "Create pool" }).click();
  await expect(dialog).toBeHidden();
  const parentRow = table.getByRole("row", { name: /DC1 e2e/ });
  await expect(parentRow).toContainText("First data centre");

  await page.getByRole("button", { name: "Add a sub-pool to DC1 e2e" }).click();
  await expect(dialog).toContainText("It goes in the group");
  await dialog.getByLabel("Name").fill("Row B e2e");
  await dialog.getByRole("button", { name: "Add sub-pool" }).click();
  await expect(dialog).toBeHidden();

  // The parent opened to show its new sub-pool, in the row right below it, indented.
  const toggle = page.getByRole("button", { name: "Collapse DC1 e2e" });
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  const names = await table.locator("tbody tr td:first-child span.font-medium").allInnerTexts();
  expect(names[names.indexOf("DC1 e2e") + 1]).toBe("Row B e2e");
  const indent = (name: string) => table.locator("tbody tr td:first-child > div", { hasText: name }).evaluate((el) => parseFloat(getComputedStyle(el).paddingLeft));
  expect(await indent("Row B e2e")).toBeGreaterThan(await indent("DC1 e2e"));
  await expect(parentRow.getByRole("cell").nth(5)).toHaveText("1");
  await keepScreenshot(page, "pools");

  await toggle.click();
  await expect(table.getByRole("row", { name: /Row B e2e/ })).toHaveCount(0);
  await page.getByRole("button", { name: "Expand DC1 e2e" }).click();
  await expect(table.getByRole("row", { name: /Row B e2e/ })).toBeVisible();

  await page.getByRole("button", { name: "Delete DC1 e2e" }).click();
  await expect(dialog).toContainText("It still holds 1 sub-pool.");
  await dialog.getByRole("button", { name: "Delete pool" }).click();
  await expect(dialog.getByRole("alert")).toHaveText('Pool "DC1 e2e" still has 1 sub-pool: move or delete them first.');
  await dialog.getByRole("button", { name: "Cancel" }).click();

  // A search lists matches at any depth, each with where it sits.
  await page.getByRole("searchbox", { name: "Search pools" }).fill("Row B");
  await expect(page).toHaveURL(/search=Row/);
  await expect(page.getByTestId("row-count")).toHaveText("1 pool");
  await expect(table.getByRole("row", { name: /Row B e2e/ })).toContainText("in DC1 e2e");
  await page.getByRole("searchbox", { name: "Search pools" }).fill("");

  await page.getByRole("button", { name: "Delete Row B e2e" }).click();
  await expect(dialog).toContainText("The pool is empty");
  await dialog.getByRole("button", { name: "Delete pool" }).click();
  await expect(dialog).toBeHidden();
  await expect(table.getByRole("row", { name: /Row B e2e/ })).toHaveCount(0);
  await expect(parentRow.getByRole("cell").nth(5)).toHaveText("0");
  await expect(page.getByRole("button", { name: /(Expand|Collapse) DC1 e2e/ })).toHaveCount(0);
});

test("the group filter is part of the URL", async ({ page }) => {
  await signIn(page);
  await page.goto("/pools");
  const filter = page.getByRole("combobox", { name: "Group" });
  const firstGroup = await filter.locator("option").nth(1).getAttribute("value");
  await filter.selectOption(firstGroup!);
  await expect(page).toHaveURL(new RegExp(`group=${firstGroup}`));
  await page.reload();
  await expect(page.getByRole("combobox", { name: "Group" })).toHaveValue(firstGroup!);
});
