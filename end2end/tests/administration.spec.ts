import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

// Proves the client hydrated: the click runs a server function and the row changes without a reload.
test("an administrator disables and re-enables an account from the accounts table", async ({ page }) => {
  await signIn(page, "admin@immo9.fr", "/administration");
  const row = page.locator("tr[data-login='cab@immo9.fr']");
  await expect(row).toContainText("Actif");

  let navigations = 0;
  page.on("framenavigated", () => navigations++);
  await row.getByRole("button", { name: "Désactiver" }).click();
  await expect(row).toContainText("Désactivé");
  await expect(row.getByRole("button", { name: "Réactiver" })).toBeVisible();
  expect(navigations, "the page was updated in place, not reloaded").toBe(0);

  await row.getByRole("button", { name: "Réactiver" }).click();
  await expect(row).toContainText("Actif");
});

test("an administrator cannot disable their own account", async ({ page }) => {
  await signIn(page, "admin@immo9.fr", "/administration");
  const row = page.locator("tr[data-login='admin@immo9.fr']");
  await row.getByRole("button", { name: "Désactiver" }).click();
  await expect(page.getByRole("alert")).toHaveText("Vous ne pouvez pas désactiver votre propre compte.");
  await expect(row).toContainText("Actif");
});
