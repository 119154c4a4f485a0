import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL("/connexion");
}

// The portal's main path, on a desktop and on a phone (both Playwright projects run it): find "vpn" typed
// without accent or capital, fill the form (errors first, in French), and follow the request; then the
// manager approves it from their own page.
test("an employee finds the VPN request, submits it and the manager approves it", async ({ page }) => {
  await signIn(page, "employe@immo9.fr", "/catalogue");
  await expect(page.getByRole("heading", { name: "Catalogue des demandes" })).toBeVisible();
  const search = page.getByLabel("Rechercher une demande");
  await search.fill("teletravail");
  await expect(page.locator("a[data-code=RESEAU_VPN]")).toBeVisible();
  await search.fill("vpn");
  const vpn = page.locator("a[data-code=RESEAU_VPN]");
  await expect(vpn).toContainText("Accès VPN (télétravail)");
  await expect(vpn).toContainText("Approbation du responsable");
  await expect(page.locator("a[data-code=TELEPHONIE_SMARTPHONE]")).toHaveCount(0);
  await search.fill("zzz introuvable");
  await expect(page.getByText("Aucune demande ne correspond")).toBeVisible();
  await search.fill("VPN");
  await vpn.click();

  await expect(page).toHaveURL("/catalogue/RESEAU_VPN");
  await expect(page.getByRole("heading", { name: "Accès VPN (télétravail)" })).toBeVisible();
  await expect(page.getByText("soumise à l'approbation de votre responsable")).toBeVisible();
  await page.getByRole("button", { name: "Envoyer la demande" }).click();
  await expect(page.getByText("« Motif » est obligatoire.")).toBeVisible();
  await expect(page.getByText("« À partir du » est obligatoire.")).toBeVisible();

  await page.getByLabel("Ordinateur utilisé").selectOption("PC portable Immo9");
  await page.getByLabel("Motif").selectOption("Télétravail régulier");
  await page.getByLabel("À partir du").fill("2026-12-14");
  await page.getByLabel(/Jours de télétravail/).fill("le mercredi");
  await page.getByRole("button", { name: "Envoyer la demande" }).click();

  await expect(page).toHaveURL(/\/tickets\/DEM-\d{4}-\d{6}$/);
  const reference = page.url().split("/").pop()!;
  await expect(page.locator("[data-status]")).toHaveText("En attente d'approbation");
  await expect(page.locator("[data-answer=motif]")).toHaveText("Télétravail régulier");
  await expect(page.locator("[data-approval=EN_ATTENTE]")).toContainText("Philippe Roche");

  await page.goto("/mes-demandes");
  await expect(page.locator(`tr[data-reference='${reference}']`)).toContainText("En attente d'approbation");
  await signOut(page);

  await signIn(page, "manager@immo9.fr", "/mes-demandes");
  const pending = page.locator(`[data-approvals] li[data-reference='${reference}']`);
  await expect(pending).toContainText("Camille Martin");
  await pending.getByRole("link").click();
  await expect(page).toHaveURL(`/tickets/${reference}`);
  await page.locator("button[data-action=APPROUVER]").click();
  await expect(page.locator("[data-status]")).toHaveText("Nouveau");
  await expect(page.locator("[data-approval=APPROUVEE]")).toBeVisible();
});
