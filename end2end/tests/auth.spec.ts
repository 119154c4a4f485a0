import { expect, test } from "./fixtures";
import { signIn, waitForHydration } from "./helpers";

test("an anonymous visitor is sent to the French sign-in page and comes back after signing in", async ({ page }) => {
  await page.goto("/administration");
  await expect(page).toHaveURL(/\/connexion\?suite=/);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { name: "Connexion" })).toBeVisible();

  await waitForHydration(page);
  await page.getByLabel("Adresse e-mail").fill("admin@immo9.fr");
  await page.getByLabel("Mot de passe").fill("demo");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL("/administration");
  await expect(page.getByRole("heading", { name: "Administration" })).toBeVisible();
});

test("a wrong password is refused with a French message, without leaving the page", async ({ page }) => {
  await page.goto("/connexion");
  await waitForHydration(page);
  await page.getByLabel("Adresse e-mail").fill("employe@immo9.fr");
  await page.getByLabel("Mot de passe").fill("pas-le-bon");
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("alert")).toHaveText("Adresse e-mail ou mot de passe incorrect.");
  await expect(page).toHaveURL(/\/connexion/);
});

test("signing out ends the session", async ({ page }) => {
  await signIn(page, "employe@immo9.fr");
  await expect(page.getByRole("heading", { name: "Bonjour Camille" })).toBeVisible();
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL("/connexion");
  await page.goto("/");
  await expect(page).toHaveURL(/\/connexion/);
});
