// Shared steps: sign in through the real form, wait for the WASM to take over.
import { expect, type APIRequestContext, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo";

/** The instant the server's clock reads (it may run at another date than this machine: IMMO9_NOW). */
export async function serverNow(request: APIRequestContext): Promise<Date> {
  const health = await request.get("/healthz");
  expect(health.ok()).toBeTruthy();
  return new Date((await health.json()).now);
}

/** A `datetime-local` value for `at`, in Paris time, as a person in Bordeaux types it. */
export function parisInput(at: Date): string {
  const parts = new Intl.DateTimeFormat("fr-FR", {
    timeZone: "Europe/Paris",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part("year")}-${part("month")}-${part("day")}T${part("hour")}:${part("minute")}`;
}

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
