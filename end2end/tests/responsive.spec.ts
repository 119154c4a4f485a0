import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

// Site staff use phones: the shell must fit a phone screen without horizontal scrolling.
test("the shell fits a phone screen", async ({ page }) => {
  await signIn(page, "employe@immo9.fr");
  await expect(page.getByRole("heading", { name: "Bonjour Camille" })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
});
