import { expect, test } from "./fixtures";
import { type APIRequestContext, type Page } from "@playwright/test";
import { parisInput, serverNow, signIn } from "./helpers";

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  // The sign-out's own navigation must end before the next one starts.
  await expect(page).toHaveURL("/connexion");
}

/** A `datetime-local` value `days` after the server's now, in Paris time. */
async function localInput(request: APIRequestContext, days: number): Promise<string> {
  return parisInput(new Date((await serverNow(request)).getTime() + days * 86_400_000));
}

// Qualité announces an outage in the Libourne agency: the agency's employee sees it above every page,
// an employee of the head office does not.
test("a banner for the Libourne agency shows to its employee and not to the head office", async ({ page }) => {
  const title = `Coupure électrique à Libourne ${Date.now()}`;
  await signIn(page, "qualite@immo9.fr", "/pilotage/campagnes");
  await page.getByLabel("Titre", { exact: true }).fill(title);
  await page.getByLabel("Message", { exact: true }).fill("Le courant est coupé dans l'agence jusqu'à 16 h : les postes sont éteints.");
  await page.getByLabel("Nature").selectOption({ label: "Alerte" });
  await page.getByRole("group", { name: "Sites concernés" }).getByLabel("Agence Libourne").check();
  await page.getByLabel("Fin", { exact: true }).fill(await localInput(page.request, 1));
  await page.getByRole("button", { name: "Publier le bandeau" }).click();
  await expect(page.getByText("Bandeau publié.")).toBeVisible();
  const row = page.locator("table.campaigns tr", { hasText: title });
  await expect(row).toContainText("Agence Libourne");
  await expect(row).toContainText("En cours");
  await signOut(page);

  await signIn(page, "employe@immo9.fr", "/mes-demandes");
  const banner = page.locator(".campaign-banner", { hasText: title });
  await expect(banner).toBeVisible();
  await expect(banner).toHaveAttribute("role", "alert");
  await expect(banner).toContainText("Alerte —");
  // It follows the employee from page to page, until they hide it.
  await page.getByRole("link", { name: "Catalogue" }).first().click();
  await expect(banner).toBeVisible();
  await banner.getByRole("button", { name: "Masquer" }).click();
  await expect(banner).toBeHidden();
  await signOut(page);

  await signIn(page, "julie.perrin@immo9.fr", "/mes-demandes");
  // The banners have loaded (the head office has its own), and Libourne's is not among them.
  await expect(page.locator(".campaign-banner", { hasText: "Nouvelle messagerie le 5 décembre" })).toBeVisible();
  await expect(page.locator(".campaign-banner", { hasText: title })).toHaveCount(0);
  await signOut(page);

  // Withdrawn, it is gone for everyone, and the history says so.
  await signIn(page, "qualite@immo9.fr", "/pilotage/campagnes");
  await row.getByRole("button", { name: `Retirer « ${title} »` }).click();
  await expect(row).toContainText("Retirée");
});

// Qualité reads the KPIs: every figure with its definition, three charts each with its table and exports,
// and filters kept in the URL.
test("the KPI page shows each chart with its table and exports it", async ({ page }) => {
  await signIn(page, "qualite@immo9.fr", "/pilotage/indicateurs");
  await expect(page.getByRole("heading", { name: "Indicateurs du service", level: 1 })).toBeVisible();
  const cards = page.locator("dl.kpi-cards .kpi-card");
  await expect(cards).toHaveCount(14);
  const compliance = page.locator('.kpi-card[data-kpi="CONFORMITE_RESOLUTION"]');
  await expect(compliance.locator("dd.value")).toHaveText(/^\d+,\d %$/);
  await expect(compliance.locator("dd.definition")).toContainText("Parmi les tickets résolus pendant la période");
  await expect(compliance.locator("dd.previous")).toContainText("Période précédente : ");
  await expect(compliance.locator("dd.trend-line")).toHaveText(/en amélioration|en dégradation|stable|non comparable/);

  for (const name of [
    "Tickets entrants et clôturés par pas de temps",
    "Tickets ouverts en fin de période, par ancienneté",
    /Part des résolutions dans le délai, par site/,
  ]) {
    await expect(page.getByRole("img", { name })).toBeVisible();
  }
  // The heatmap writes each value in its cell, so it reads without colour.
  await expect(page.locator("#conformite text.cell-text", { hasText: "%" }).first()).toHaveText(/^\d+,\d %\(\d+\)$/);

  const table = page.locator('details[data-sheet="CONFORMITE"]');
  await table.locator("summary").click();
  await expect(table.locator("tbody tr").first()).toBeVisible();
  const download = page.waitForEvent("download");
  await table.getByRole("link", { name: "XLSX" }).click();
  expect((await download).suggestedFilename()).toMatch(/^indicateurs-conformite-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.xlsx$/);

  await page.getByLabel("Pôle").selectOption({ label: "Back Office (N2)" });
  await page.getByRole("button", { name: "Appliquer" }).click();
  await expect(page).toHaveURL(/pole=BACK/);
  await expect(page.getByLabel("Pôle")).toHaveValue("BACK");
  await expect(cards).toHaveCount(14);
});

// The monthly report of last month, and an improvement action Qualité records on it.
test("Qualité records an improvement action on the monthly report", async ({ page }) => {
  const title = `Former le Front Office aux VPN ${Date.now()}`;
  await signIn(page, "qualite@immo9.fr", "/pilotage/rapport");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Rapport mensuel du service — \p{L}+ \d{4}$/u);
  await expect(page.locator("table.report-kpis tbody tr")).toHaveCount(14);
  await expect(page.getByRole("button", { name: "Imprimer" })).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "CSV" }).click();
  expect((await download).suggestedFilename()).toMatch(/^indicateurs-indicateurs-\d{4}-\d{2}-01-\d{4}-\d{2}-\d{2}\.csv$/);
  await page.getByLabel("Intitulé").fill(title);
  await page.getByLabel("Description").fill("Une heure d'atelier avec le Back Office.");
  await page.getByLabel("Responsable").selectOption({ label: "Claire Dubois" });
  await page.getByRole("button", { name: "Enregistrer l'action" }).click();
  const action = page.locator("table.actions tr", { hasText: title });
  await expect(action).toContainText("Claire Dubois");
  await action.getByRole("combobox").selectOption({ label: "En cours" });
  await expect(page.locator("table.actions tr", { hasText: title }).getByRole("combobox")).toHaveValue("EN_COURS");
});

// The steering pages are tabs of one another; a supervisor reads them, only Qualité edits.
test("the steering tabs lead to each page, and a supervisor reads without editing", async ({ page }) => {
  await signIn(page, "superviseur@immo9.fr", "/pilotage");
  const tabs = page.getByRole("navigation", { name: "Pages du pilotage" });
  for (const [name, path, heading] of [
    ["Indicateurs", "/pilotage/indicateurs", "Indicateurs du service"],
    ["Rapport mensuel", "/pilotage/rapport", /^Rapport mensuel du service/],
    ["Satisfaction", "/pilotage/satisfaction", "Satisfaction des utilisateurs"],
    ["Campagnes", "/pilotage/campagnes", "Campagnes de communication"],
  ] as const) {
    await tabs.getByRole("link", { name }).click();
    await expect(page).toHaveURL(path);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
    await expect(tabs.getByRole("link", { name })).toHaveAttribute("aria-current", "page");
  }
  await expect(page.getByRole("heading", { name: "Nouveau bandeau" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Retirer/ })).toHaveCount(0);
});
