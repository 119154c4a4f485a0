import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

// The seed's question: while an employee describes a problem, the portal offers the article that answers it;
// "Cela a résolu mon problème" ends the request without a ticket, and the article is credited.
test("an employee typing « imprimante bourrage » is offered the article and ends the request without a ticket", async ({ page }) => {
  await signIn(page, "employe@immo9.fr", "/mes-demandes");
  await page.getByLabel("Titre").fill("Imprimante");
  await page.getByLabel("Description").fill("imprimante bourrage");
  const suggestions = page.locator("[data-suggestions]");
  await expect(suggestions.getByRole("heading", { name: "Ces articles peuvent résoudre votre problème" })).toBeVisible();
  const article = suggestions.locator("li").first();
  await expect(article).toContainText("Imprimante : dégager un bourrage papier");
  await article.getByText("Imprimante : dégager un bourrage papier").click();
  await expect(article.getByText("Éteignez l'imprimante")).toBeVisible();
  await article.getByRole("button", { name: "Cela a résolu mon problème" }).click();
  await expect(page.locator("[data-deflected]")).toContainText("Votre demande est close sans ticket");
  await expect(page.getByRole("button", { name: "Envoyer au support" })).toBeHidden();

  // The Back Office sees the article credited, and finds it by its words in any order, without accents.
  await page.getByRole("button", { name: "Se déconnecter" }).click();
  // The sign-out's own navigation must end before the next one starts, or the browser aborts one of them.
  await expect(page).toHaveURL("/connexion");
  await signIn(page, "n2@immo9.fr", "/connaissances?q=bourrages%20imprimante");
  await page.getByRole("link", { name: "Imprimante : dégager un bourrage papier" }).click();
  await expect(page.locator("[data-deflections]")).toHaveText(/^[1-9]\d*$/);
});

// An administrator checks a list (dry run, row by row), imports it and follows the progress to the end.
test("an administrator checks then imports an activity list", async ({ page }, testInfo) => {
  const run = `E2E-${testInfo.project.name}-${Date.now()}`;
  const csv =
    "ref;horodatage;canal;site;typologie;description;type;domaine;pole\n" +
    `${run}-1;2026-11-02T09:00:00;telephone;Agence Arcachon;agence;Le copieur de l'agence affiche une erreur.;INCIDENT;IMPRESSION;FRONT\n` +
    `${run}-2;02/11/2026 10:30;mail;Agence Pessac;agence;Merci de créer le compte de notre alternant.;DEMANDE;COMPTE;FRONT\n` +
    `${run}-3;31/02/2026 10:30;mail;Agence Pessac;agence;Date impossible.;DEMANDE;COMPTE;FRONT\n`;
  await signIn(page, "admin@immo9.fr", "/administration/imports");
  await page.getByLabel("Fichier d'activités").setInputFiles({ name: "liste.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Vérifier le fichier" }).click();
  await expect(page.locator("[data-import-counts]")).toContainText("3 lignes : 2 à créer, 0 déjà importées, 1 en erreur");
  await expect(page.locator("tr[data-outcome=ERREUR]")).toContainText("31/02/2026");
  await expect(page.getByText("Corrigez les lignes en erreur")).toBeVisible();

  // Corrected, the file imports; the bar reaches the end.
  await page.getByLabel("Fichier d'activités").setInputFiles({
    name: "liste.csv",
    mimeType: "text/csv",
    buffer: Buffer.from(csv.replace("31/02/2026", "03/11/2026")),
  });
  await page.getByRole("button", { name: "Vérifier le fichier" }).click();
  await expect(page.locator("[data-import-counts]")).toContainText("3 à créer");
  await page.getByRole("button", { name: "Importer 3 à créer" }).click();
  await expect(page.locator("[data-import-status=TERMINE]")).toContainText("3 créées");
});

// The Back Office writes an article in Markdown, reads it rendered, then edits it.
test("the Back Office writes an article, reads it rendered and edits it", async ({ page }, testInfo) => {
  const title = `Écran noir au démarrage (${testInfo.project.name} ${Date.now()})`;
  await signIn(page, "n2@immo9.fr", "/connaissances/nouveau");
  await page.getByLabel("Titre", { exact: true }).fill(title);
  await page.getByLabel(/^Contenu/).fill("1. **Rallumez** l'écran.\n2. Vérifiez le câble.");
  await page.getByLabel(/^Catégorie/).selectOption({ index: 1 });
  await page.getByRole("button", { name: "Enregistrer l'article" }).click();
  await expect(page).toHaveURL(/\/connaissances\/\d+$/);
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.locator(".article-body strong")).toHaveText("Rallumez");

  await page.getByRole("button", { name: "Modifier" }).click();
  await page.getByLabel("Titre", { exact: true }).fill(`${title} — revu`);
  await page.getByRole("button", { name: "Enregistrer l'article" }).click();
  await expect(page.getByRole("heading", { name: `${title} — revu` })).toBeVisible();
});
