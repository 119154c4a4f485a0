// The company directory, as an administrator sets it up and an employee then uses it: the project's
// OpenLDAP server (started by `cargo xtask test`, its people in xtask/ldap/immo9.ldif).
import { expect, test } from "./fixtures";
import { signIn, waitForHydration } from "./helpers";

const ldap = {
  url: process.env.IMMO9_E2E_LDAP_URL ?? "",
  bindDn: process.env.IMMO9_E2E_LDAP_BIND_DN ?? "",
  bindPassword: process.env.IMMO9_E2E_LDAP_BIND_PASSWORD ?? "",
  base: process.env.IMMO9_E2E_LDAP_BASE ?? "",
};

test("an administrator configures the directory, syncs it, and a directory person signs in", async ({ page, browser }) => {
  expect(ldap.url, "IMMO9_E2E_LDAP_URL is set by cargo xtask test").not.toBe("");
  await signIn(page, "admin@immo9.fr", "/administration");
  await page.getByRole("link", { name: "Annuaire de l'entreprise" }).click();
  await expect(page).toHaveURL("/administration/annuaire");
  await waitForHydration(page);
  await expect(page.getByText("Aucun annuaire n'est configuré")).toBeVisible();

  await page.getByLabel("Type d'annuaire").selectOption("OPENLDAP");
  await page.getByLabel("Adresse du serveur").fill(ldap.url);
  await page.getByLabel("Compte de service (DN)").fill(ldap.bindDn);
  await page.getByLabel("Base de recherche des personnes").fill(`ou=people,${ldap.base}`);
  await page.getByLabel("Base de recherche des groupes").fill(`ou=groups,${ldap.base}`);
  await page.getByLabel("Rôles donnés par les groupes").fill("sd-front = AGENT:FRONT\nsd-qualite = QUALITE");
  await page.getByLabel("Attributs (si différents des valeurs par défaut)").fill("disabled = employeeType=inactif");
  // Forgotten password: refused beside its field, nothing saved.
  await page.getByRole("button", { name: "Enregistrer la configuration" }).click();
  await expect(page.getByText("Le mot de passe du compte de service est obligatoire")).toBeVisible();
  await page.getByLabel("Mot de passe du compte de service").fill(ldap.bindPassword);
  await page.getByRole("button", { name: "Enregistrer la configuration" }).click();
  await expect(page.getByText("Configuration de l'annuaire enregistrée.")).toBeVisible();
  await expect(page.getByText("Laissez vide pour garder le mot de passe enregistré.")).toBeVisible();

  await page.getByRole("button", { name: "Synchroniser maintenant" }).click();
  const report = page.locator("[data-sync-report]");
  // Twelve people: one disabled in the directory is not created, one has a site the desk does not know.
  await expect(report).toContainText("11 créé(s), 0 mis à jour, 0 désactivé(s), 0 inchangé(s)");
  await expect(report).toContainText("Agence Biscarrosse");
  await expect(page.locator("[data-run]").first()).toContainText("à la demande");

  // Élodie signs in with her account name and the directory's password, in a browser of her own.
  const context = await browser.newContext();
  const elodie = await context.newPage();
  await elodie.goto("/connexion");
  await waitForHydration(elodie);
  await elodie.getByLabel("Adresse e-mail").fill("elodie.fournier");
  await elodie.getByLabel("Mot de passe").fill("Annuaire-2026!");
  await elodie.getByRole("button", { name: "Se connecter" }).click();
  await expect(elodie).toHaveURL("/");
  await expect(elodie.locator(".usermenu-name")).toHaveText("Élodie Fournier");
  // She is a Front Office agent through her group: the queues are hers.
  await expect(elodie.getByRole("navigation").getByRole("link", { name: "Files" })).toBeVisible();
  // Mon compte: her directory password is changed on her workstation, and her session is listed.
  await elodie.locator(".usermenu-name").click();
  await expect(elodie).toHaveURL("/mon-compte");
  await expect(elodie.locator("tr[data-current=true]")).toHaveCount(1);
  await context.close();

  // The directory account is listed as such.
  await page.goto("/administration");
  await expect(page.locator("tr[data-login='elodie.fournier@immo9.fr']")).toContainText("Annuaire");
});

test("a forgotten password gets the same answer for any address", async ({ page }) => {
  await page.goto("/connexion");
  await waitForHydration(page);
  await page.getByRole("link", { name: "Mot de passe oublié ?" }).click();
  await expect(page).toHaveURL("/mot-de-passe-oublie");
  await waitForHydration(page);
  await page.getByLabel("Adresse e-mail").fill("personne@nulle.part");
  await page.getByRole("button", { name: "Recevoir un lien" }).click();
  await expect(page.getByRole("status")).toContainText("Si cette adresse correspond à un compte");
  await page.goto("/mot-de-passe/jeton-inconnu");
  await expect(page.getByRole("alert")).toContainText("Ce lien n'est plus valable");
});
