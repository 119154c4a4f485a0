import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signIn, waitForHydration } from "./helpers";

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

  await waitForHydration(page);
  await expect(page.locator(`tr[data-reference='${reference}']`)).toContainText("En attente d'approbation");
  await signOut(page);

  await signIn(page, "manager@immo9.fr", "/mes-demandes");
  // He is also the agency's delegate: the request is in his list too, with who made it.
  await expect(page.locator(`tr[data-reference='${reference}']`)).toContainText("Camille Martin");
  await page.getByRole("link", { name: "Demandes de vos collaborateurs à approuver" }).click();
  await expect(page).toHaveURL("/approbations");
  const pending = page.locator(`[data-approvals] li[data-reference='${reference}']`);
  await expect(pending).toContainText("Camille Martin");
  await pending.getByRole("link").click();
  await expect(page).toHaveURL(`/tickets/${reference}`);
  await page.locator("button[data-action=APPROUVER]").click();
  await expect(page.locator("[data-status]")).toHaveText("Nouveau");
  await expect(page.locator("[data-approval=APPROUVEE]")).toBeVisible();
});

// N1 qualifies an employee's incident: the priority is previewed and explained while the agent chooses, then
// kept with the ticket; another priority is refused without a reason, in French.
test("an agent qualifies an incident and reads why it has its priority", async ({ page }) => {
  const title = `Signature refusée ${Date.now()}`;
  await signIn(page, "employe@immo9.fr", "/mes-demandes");
  await page.getByLabel("Quelque chose ne marche plus (incident)").check();
  await page.getByLabel("Titre").fill(title);
  await page.getByLabel("Description").fill("La plateforme de signature refuse mon certificat.");
  await page.getByRole("button", { name: "Envoyer au support" }).click();
  await expect(page).toHaveURL(/\/tickets\/INC-/);
  const reference = page.url().split("/").pop()!;
  await signOut(page);

  await signIn(page, "n1@immo9.fr", `/tickets/${reference}`);
  await expect(page.locator("[data-typology=AGENCE]")).toContainText("Agence");
  const form = page.locator("form[data-qualify]");
  await form.getByLabel("Application, service ou matériel concerné").selectOption({ label: "Signature électronique (Vitale)" });
  await form.getByLabel("Impact").selectOption("UTILISATEUR");
  await form.getByLabel("Urgence").selectOption("NORMALE");
  await expect(form.locator("[data-preview]")).toContainText("P3 : application vitale, un utilisateur, urgence normale");
  await form.getByLabel("Impact").selectOption("SITE");
  await expect(form.locator("[data-preview]")).toContainText("P1 : application vitale, site entier, urgence normale");

  await form.getByLabel("Priorité retenue").selectOption("P4");
  await form.getByRole("button", { name: "Qualifier" }).click();
  await expect(form.getByText("Indiquez pourquoi vous retenez une autre priorité")).toBeVisible();
  await form.getByLabel("Priorité retenue").selectOption("");
  await form.getByRole("button", { name: "Qualifier" }).click();
  await expect(page.locator("p[data-explanation]")).toHaveText("P1 : application vitale, site entier, urgence normale");
  await expect(page.locator(".ticket-head .badge")).toContainText("P1");
});
