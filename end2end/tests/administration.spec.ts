import { expect, test } from "./fixtures";
import { signIn, waitForHydration } from "./helpers";

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

// The referential page: a matrix cell changed in place is kept after a reload (then put back), and an
// account's manager is set from the accounts table.
test("an administrator edits the priority matrix and an account's manager", async ({ page }) => {
  await signIn(page, "admin@immo9.fr", "/administration/referentiel");
  const cell = page.locator("td[data-cell=EQUIPE-BASSE] select");
  await expect(cell).toHaveValue("P4");
  await cell.selectOption("P3");
  await expect(page.locator("#matrice ~ p .notice.ok")).toHaveText("Enregistré.");
  await page.reload();
  await waitForHydration(page);
  await expect(page.locator("td[data-cell=EQUIPE-BASSE] select")).toHaveValue("P3");
  await page.locator("td[data-cell=EQUIPE-BASSE] select").selectOption("P4");
  await expect(page.locator("#matrice ~ p .notice.ok")).toHaveText("Enregistré.");
  await expect(page.locator("tr[data-typology=DIRECTION]")).toContainText("Direction");
  await expect(page.locator("tr[data-category=POSTE_MATERIEL]")).toHaveCount(1);

  await page.goto("/administration");

  await waitForHydration(page);
  await page.locator("button[data-edit='julie.perrin@immo9.fr']").click();
  const form = page.locator("form[data-account='julie.perrin@immo9.fr']");
  await form.getByLabel("Responsable").selectOption({ label: "Marc Lambert" });
  await form.getByRole("button", { name: "Enregistrer" }).click();
  await expect(form).toHaveCount(0);
  await page.locator("button[data-edit='julie.perrin@immo9.fr']").click();
  await expect(page.locator("form[data-account='julie.perrin@immo9.fr']").getByLabel("Responsable")).toHaveValue(/\d+/);
  await page.locator("form[data-account='julie.perrin@immo9.fr']").getByLabel("Responsable").selectOption({ label: "Sophie Delmas" });
  await page.locator("form[data-account='julie.perrin@immo9.fr']").getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.locator("form[data-account='julie.perrin@immo9.fr']")).toHaveCount(0);
});

// The service levels page: a policy refused in French, then changed, kept after a reload and put back; a
// calendar's wrong opening hours refused, then written right; this year's holidays listed.
test("an administrator edits an SLA policy and a business calendar", async ({ page }) => {
  await signIn(page, "admin@immo9.fr", "/administration/niveaux-de-service");
  const policy = () => page.locator("tr[data-policy=INCIDENT-P2]");
  const save = async () => {
    await policy().getByRole("button", { name: "Enregistrer" }).click();
  };
  await expect(policy().getByLabel(/Seuils d'escalade/)).toHaveValue(
    "50 NOTIFIER_ASSIGNE; 75 NOTIFIER_SUPERVISEUR; 100 RELEVER_PRIORITE",
  );
  await policy().getByLabel(/Seuils d'escalade/).fill("50 APPELER_LE_PDG");
  await save();
  await expect(policy().locator(".notice.error")).toContainText("seuil illisible");
  await policy().getByLabel(/Seuils d'escalade/).fill("50 NOTIFIER_ASSIGNE; 100 REAFFECTER");
  await policy().getByLabel(/Prise en charge/).fill("20");
  await save();
  await expect(policy().locator(".notice.ok")).toHaveText("Enregistré.");
  await page.reload();
  await waitForHydration(page);
  await expect(policy().getByLabel(/Prise en charge/)).toHaveValue("20");
  await expect(policy().getByLabel(/Seuils d'escalade/)).toHaveValue("50 NOTIFIER_ASSIGNE; 100 REAFFECTER");
  await policy().getByLabel(/Prise en charge/).fill("30");
  await policy().getByLabel(/Seuils d'escalade/).fill("50 NOTIFIER_ASSIGNE; 75 NOTIFIER_SUPERVISEUR; 100 RELEVER_PRIORITE");
  await save();
  await expect(policy().locator(".notice.ok")).toHaveText("Enregistré.");

  const agency = page.locator("form[data-calendar=AGENCE]");
  await expect(agency.getByLabel("samedi")).toHaveValue("09:00-12:30,14:00-17:00");
  await agency.getByLabel("mercredi").fill("9h-12h");
  await agency.getByRole("button", { name: "Enregistrer" }).click();
  await expect(agency.locator(".notice.error")).toContainText("horaire invalide");
  await agency.getByLabel("mercredi").fill("09:00-12:30,14:00-18:30");
  await agency.getByRole("button", { name: "Enregistrer" }).click();
  await expect(agency.locator(".notice.ok")).toHaveText("Enregistré.");
  await expect(page.locator("section[aria-labelledby=feries]")).toContainText("Noël");
});
