// Shared steps: sign in through the real form, wait for the WASM to take over.
import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo";

/** The body carries data-hydrated once the client has hydrated: only then do clicks run client code. */
export async function waitForHydration(page: Page) {
  await expect(page.locator("body[data-hydrated=true]")).toHaveCount(1);
}

export async function signIn(page: Page, login: string, destination = "/") {
  await page.goto(destination === "/" ? "/connexion" : `/connexion?suite=${encodeURIComponent(destination)}`);
  await waitForHydration(page);
  await page.getByLabel("Adresse e-mail").fill(login);
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page).toHaveURL(destination);
  await waitForHydration(page);
}
