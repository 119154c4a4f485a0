import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  await expect(page).toHaveURL("/connexion");
}

// The chain of PRODUCT.md for one incident: registered by N1 on the phone for a caller, treated, resolved,
// and confirmed by the requester from her own page.
test("an incident goes from N1's phone registration to the requester's confirmation", async ({ page }) => {
  const title = `Écran noir à l'accueil ${Date.now()}`;
  await signIn(page, "n1@immo9.fr", "/tickets");
  const call = page.locator("section", { has: page.getByRole("heading", { name: "Enregistrer un appel" }) });
  await call.getByLabel("Demandeur (adresse e-mail)").fill("employe@immo9.fr");
  await call.getByLabel("Type").selectOption("INCIDENT");
  await call.getByLabel("Canal").selectOption("TELEPHONE");
  await call.getByLabel("Titre").fill(title);
  await call.getByLabel("Description").fill("Le poste d'accueil reste sur un écran noir depuis ce matin.");
  await call.getByRole("button", { name: "Enregistrer" }).click();

  await expect(page).toHaveURL(/\/tickets\/INC-\d{4}-\d{6}$/);
  const reference = page.url().split("/").pop()!;
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.locator("[data-status]")).toHaveText("Nouveau");
  await expect(page.getByText("Enregistré par")).toBeVisible();

  await page.locator("button[data-action=PRENDRE]").click();
  await expect(page.locator("[data-status]")).toHaveText("En cours");
  await expect(page.locator("[data-field=assignee]")).toHaveText("Nadia Benali");

  await page.locator("details.action > summary", { hasText: /^Résoudre$/ }).click();
  await page.locator("#resoudre-solution").fill("Câble vidéo remplacé, l'écran fonctionne.");
  await page.locator("#resoudre-minutes").fill("15");
  await page.locator("button[data-action=RESOUDRE]").click();
  await expect(page.locator("[data-status]")).toHaveText("Résolu");
  await expect(page.locator("[data-field=solution]")).toHaveText("Câble vidéo remplacé, l'écran fonctionne.");
  await expect(page.locator("[data-field=effort-total]")).toHaveText("Total : 15 min");
  await signOut(page);

  await signIn(page, "employe@immo9.fr", "/mes-demandes");
  const row = page.locator(`tr[data-reference='${reference}']`);
  await expect(row).toContainText("Résolu");
  await row.getByRole("link", { name: reference }).click();
  await expect(page).toHaveURL(`/tickets/${reference}`);
  await expect(page.getByText("Câble vidéo remplacé")).toHaveCount(2); // the solution and its timeline entry
  await page.locator("button[data-action=CONFIRMER]").click();
  await expect(page.locator("[data-status]")).toHaveText("Clos");
  await expect(page.getByText("Aucune action ne vous est ouverte")).toBeVisible();
});

test("an employee declares an incident and follows it in Mes demandes", async ({ page }) => {
  const title = `Imprimante bloquée ${Date.now()}`;
  await signIn(page, "employe@immo9.fr", "/mes-demandes");
  await page.getByLabel("Quelque chose ne marche plus (incident)").check();
  await page.getByLabel("Titre").fill(title);
  await page.getByLabel("Description").fill("L'imprimante affiche bourrage papier en permanence.");
  await page.getByRole("button", { name: "Envoyer au support" }).click();
  await expect(page).toHaveURL(/\/tickets\/INC-/);
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.locator("[data-status]")).toHaveText("Nouveau");
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Mes demandes" }).click();
  await expect(page.getByRole("cell", { name: title })).toBeVisible();
});

test("a refused action shows why and leaves the ticket as it was", async ({ page, browser }) => {
  await signIn(page, "n1@immo9.fr", "/tickets?pole=FRONT&etat=new");
  const first = page.locator("tbody tr a").first();
  const reference = (await first.textContent())!;
  await first.click();
  await expect(page).toHaveURL(`/tickets/${reference}`);

  // A colleague takes it meanwhile, in another browser.
  const other = await browser.newContext();
  const colleague = await other.newPage();
  await signIn(colleague, "superviseur@immo9.fr", `/tickets/${reference}`);
  await colleague.locator("button[data-action=PRENDRE]").click();
  await expect(colleague.locator("[data-status]")).toHaveText("En cours");
  await other.close();

  await page.locator("button[data-action=PRENDRE]").click();
  await expect(page.getByRole("alert")).toContainText("modifié par quelqu'un d'autre");
});
