import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

// Each demo persona and the navigation entries they must, and must not, see.
const personas: { login: string; sees: string[]; missing: string[] }[] = [
  { login: "employe@immo9.fr", sees: ["Accueil", "Mes demandes"], missing: ["Files", "Pôles et équipes", "Pilotage", "Matrice SLA", "Administration"] },
  { login: "n1@immo9.fr", sees: ["Accueil", "Mes demandes", "Files", "Pôles et équipes"], missing: ["Pilotage", "Matrice SLA", "Administration"] },
  { login: "superviseur@immo9.fr", sees: ["Accueil", "Mes demandes", "Files", "Pôles et équipes", "Pilotage", "Matrice SLA"], missing: ["Administration"] },
  { login: "qualite@immo9.fr", sees: ["Accueil", "Mes demandes", "Files", "Pôles et équipes", "Pilotage", "Matrice SLA"], missing: ["Administration"] },
  { login: "cab@immo9.fr", sees: ["Accueil", "Mes demandes"], missing: ["Files", "Pôles et équipes", "Pilotage", "Matrice SLA", "Administration"] },
  { login: "admin@immo9.fr", sees: ["Accueil", "Mes demandes", "Files", "Pôles et équipes", "Pilotage", "Matrice SLA", "Administration"], missing: [] },
];

for (const persona of personas) {
  test(`${persona.login} sees the navigation of their role`, async ({ page }) => {
    await signIn(page, persona.login);
    const nav = page.getByRole("navigation", { name: "Navigation principale" });
    for (const entry of persona.sees) {
      await expect(nav.getByRole("link", { name: entry, exact: true })).toBeVisible();
    }
    for (const entry of persona.missing) {
      await expect(nav.getByRole("link", { name: entry, exact: true })).toHaveCount(0);
    }
  });
}

test("an agent's home shows their pole and the teams page lists every pole", async ({ page }) => {
  await signIn(page, "n2@immo9.fr");
  await expect(page.getByRole("heading", { name: /Mission de votre pôle : Back Office/ })).toBeVisible();
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Pôles et équipes" }).click();
  await expect(page).toHaveURL("/equipes");
  for (const pole of ["Front Office (N1)", "Back Office (N2)", "Expert / Métier (N3)", "Atelier", "Qualité"]) {
    await expect(page.getByRole("heading", { name: new RegExp(pole.replace(/[()/]/g, ".")) })).toBeVisible();
  }
  await expect(page.locator("[data-pole=BACK]")).toContainText("Thomas Lefèvre");
});

test("a page outside one's role is refused with an explanation", async ({ page }) => {
  await signIn(page, "employe@immo9.fr");
  await page.goto("/administration");
  await expect(page.getByRole("alert")).toContainText("Vous n'avez pas les droits nécessaires");
});
