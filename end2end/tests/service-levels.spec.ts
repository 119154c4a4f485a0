import { expect, test } from "./fixtures";
import { signIn } from "./helpers";

// A new call starts its clocks; taking it meets the time to own; the page says so in words, not colour alone.
test("a ticket's page shows its deadlines and how they stand", async ({ page }) => {
  const title = `Clavier HS au guichet ${Date.now()}`;
  await signIn(page, "n1@immo9.fr", "/tickets");
  const call = page.locator("section", { has: page.getByRole("heading", { name: "Enregistrer un appel" }) });
  await call.getByLabel("Demandeur (adresse e-mail)").fill("employe@immo9.fr");
  await call.getByLabel("Type").selectOption("INCIDENT");
  await call.getByLabel("Titre").fill(title);
  await call.getByLabel("Description").fill("Plus aucune touche ne répond.");
  await call.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page).toHaveURL(/\/tickets\/INC-\d{4}-\d{6}$/);

  const clocks = page.locator("section[data-clocks]");
  await expect(clocks.getByRole("heading", { name: "Niveaux de service" })).toBeVisible();
  for (const measure of ["PRISE_EN_CHARGE", "RESOLUTION", "OLA_POLE"]) {
    await expect(clocks.locator(`tr[data-measure=${measure}]`)).toHaveCount(1);
  }
  await expect(clocks.locator("tr[data-measure=RESOLUTION] [data-field=due]")).toHaveText(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$|^à la reprise$/);
  await expect(clocks.locator("tr[data-measure=RESOLUTION] [data-field=state]")).toHaveText(
    /Dans les temps|À surveiller|Critique|Dépassé|En pause/,
  );

  await page.locator("button[data-action=PRENDRE]").click();
  await expect(page.locator("[data-status]")).toHaveText("En cours");
  await expect(clocks.locator("tr[data-measure=PRISE_EN_CHARGE] [data-field=state]")).toHaveText(/Respecté|Manqué/);
});

test("supervisors see each pole's workload, its queue by risk and open a ticket from it", async ({ page }) => {
  await signIn(page, "superviseur@immo9.fr");
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Pilotage" }).click();
  await expect(page).toHaveURL("/pilotage");
  await expect(page.getByRole("heading", { name: "Charge des pôles", level: 1 })).toBeVisible();
  for (const pole of ["FRONT", "BACK", "EXPERT", "ATELIER"]) {
    const card = page.locator(`section[data-pole=${pole}]`);
    await expect(card.locator("[data-figure=open]")).toHaveText(/^\d+$/);
    await expect(card.locator("[data-figure=capacity]")).toHaveText(/min|h|j/);
  }
  const front = page.locator("section[data-pole=FRONT]");
  const first = front.locator("table").first().locator("tbody tr a").first();
  const reference = (await first.textContent())!;
  await first.click();
  await expect(page).toHaveURL(`/tickets/${reference}`);
  await expect(page.locator("section[data-clocks]")).toBeVisible();
});
