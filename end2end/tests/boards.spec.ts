import { type Browser, type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signIn, waitForHydration } from "./helpers";

// The agents' queue boards: live across browsers, optimistic actions that roll back when refused, filters
// and saved views in the URL, the keyboard, the Atelier's columns and the Front Office's phone quick-entry.

/** Registers an incident for Camille at the Front Office through the JSON API, as the signed-in agent. */
async function registerCall(page: Page, title: string): Promise<string> {
  const response = await page.request.post("/api/v1/tickets", {
    data: { type: "INCIDENT", title, description: "Appel au support.", channel: "TELEPHONE", requester: "employe@immo9.fr", pole: "FRONT" },
  });
  expect(response.status()).toBe(201);
  return (await response.json()).summary.reference;
}

async function agentOnBoard(browser: Browser, login: string, path: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, login, path);
  return { context, page };
}

test("a ticket taken by one agent shows as taken on a colleague's board within a second", async ({ browser }) => {
  const nadia = await agentOnBoard(browser, "n1@immo9.fr", "/tickets?pole=FRONT");
  const isabelle = await agentOnBoard(browser, "superviseur@immo9.fr", "/tickets?pole=FRONT");
  const title = `Téléphone muet ${Date.now()}`;
  const reference = await registerCall(nadia.page, title);

  // Registered elsewhere: both boards show it without a reload.
  const rowOf = (page: Page) => page.locator(`tr[data-reference='${reference}']`);
  await expect(rowOf(isabelle.page)).toContainText(title);
  await expect(rowOf(nadia.page).locator("[data-field=assignee]")).toHaveText("Personne");
  // Its deadline, in words beside the colour: the time to own or the pole's internal target, whichever is first.
  await expect(rowOf(isabelle.page).locator("[data-field=countdown]")).toContainText(
    /^(Dans les temps|À surveiller|Critique|Dépassé) (Prise en charge|OLA du pôle) : /,
  );

  await rowOf(nadia.page).locator("button[data-action=take]").click();
  // Shown at once on her board, then confirmed by the server.
  await expect(rowOf(nadia.page).locator("[data-field=assignee]")).toHaveText("Nadia Benali");
  await expect(nadia.page.locator("[data-notice=done]")).toContainText(`${reference} : pris en charge.`);
  // On the colleague's board, within a second of the server's answer.
  await expect(rowOf(isabelle.page).locator("[data-field=assignee]")).toHaveText("Nadia Benali", { timeout: 1_000 });
  await expect(rowOf(isabelle.page).locator("[data-field=status]")).toHaveText("En cours");
  await expect(rowOf(isabelle.page).locator("button[data-action=take]")).toHaveCount(0);

  // A comment, made through the API, shows on the colleague's board as the ticket's latest activity.
  const before = await rowOf(isabelle.page).getAttribute("data-updated");
  const commented = await nadia.page.request.post(`/api/v1/tickets/${reference}/comments`, {
    data: { body: "Rappel prévu à 14 h.", internal: true },
  });
  expect(commented.status()).toBe(201);
  await expect(rowOf(isabelle.page)).not.toHaveAttribute("data-updated", before!, { timeout: 1_000 });

  // Her own board holds it too.
  await nadia.page.locator("a[data-scope=MOI]").click();
  await expect(rowOf(nadia.page)).toBeVisible();
  await nadia.context.close();
  await isabelle.context.close();
});

test("a refused action puts the ticket back and says why", async ({ page }) => {
  await signIn(page, "n1@immo9.fr", "/tickets?pole=FRONT");
  const reference = await registerCall(page, `Clavier figé ${Date.now()}`);
  const row = page.locator(`tr[data-reference='${reference}']`);
  await expect(row.locator("[data-field=priority]")).toHaveText("P3 — normale");

  // Keyboard: select the ticket, jump to the priority, choose P1 but give no reason.
  await row.locator("td").nth(1).click();
  await expect(row).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("c");
  await expect(page.locator("#action-priority")).toBeFocused();
  await page.locator("#action-priority").selectOption("P1");
  await page.getByRole("button", { name: "Changer la priorité" }).click();

  await expect(page.getByRole("alert")).toContainText(`${reference} : action refusée — Indiquez pourquoi la priorité change.`);
  await expect(row.locator("[data-field=priority]")).toHaveText("P3 — normale");

  // With a reason, it holds.
  await page.locator("#action-priority-reason").fill("Le directeur d'agence est bloqué.");
  await page.getByRole("button", { name: "Changer la priorité" }).click();
  await expect(page.locator("[data-notice=done]")).toContainText("priorité passée en P1 — critique");
  await expect(row.locator("[data-field=priority]")).toHaveText("P1 — critique");
});

test("a take refused because a colleague was faster rolls back on a board that missed the change", async ({ page, browser }) => {
  // This board hears nothing live: its stream opens once and asks to be retried only in ten minutes.
  await page.route("**/api/v1/live", (route) =>
    route.fulfill({ status: 200, headers: { "content-type": "text/event-stream" }, body: "retry: 600000\n\n" }),
  );
  await signIn(page, "n1@immo9.fr", "/tickets?pole=FRONT");
  const reference = await registerCall(page, `Badge refusé ${Date.now()}`);
  await page.reload();
  await waitForHydration(page);
  const row = page.locator(`tr[data-reference='${reference}']`);
  await expect(row.locator("[data-field=assignee]")).toHaveText("Personne");

  const colleague = await agentOnBoard(browser, "superviseur@immo9.fr", `/tickets/${reference}`);
  await colleague.page.locator("button[data-action=PRENDRE]").click();
  await expect(colleague.page.locator("[data-status]")).toHaveText("En cours");
  await colleague.context.close();

  await row.locator("button[data-action=take]").click();
  await expect(page.getByRole("alert")).toContainText(`${reference} : action refusée`);
  await expect(page.getByRole("alert")).toContainText("Le ticket est revenu à son état précédent.");
  await expect(row.locator("[data-field=assignee]")).toHaveText("Personne");
});

test("filters live in the URL, survive a reload and can be saved as a view", async ({ page }) => {
  await signIn(page, "n1@immo9.fr", "/tickets?pole=FRONT");
  const count = page.locator("[data-field=board-count]");
  await expect(count).toContainText("ouvert(s)");

  await page.locator("#filtre-priorite").selectOption("P3");
  await expect(page).toHaveURL(/priorite=P3/);
  await page.locator("label", { hasText: "À risque" }).locator("input").check();
  await expect(page).toHaveURL(/risque=1/);
  await page.getByRole("link", { name: "Colonnes" }).click();
  await expect(page).toHaveURL(/vue=colonnes/);
  await expect(page.locator("[data-column]")).toHaveCount(4);

  await page.reload();

  await waitForHydration(page);
  await expect(page.locator("#filtre-priorite")).toHaveValue("P3");
  await expect(page.locator("label", { hasText: "À risque" }).locator("input")).toBeChecked();
  await expect(page.locator("[data-column]")).toHaveCount(4);
  for (const priority of await page.locator(".board-column .card .priority").allTextContents()) {
    expect(priority).toBe("P3 — normale");
  }

  const name = `P3 à risque ${Date.now()}`;
  await page.getByLabel("Nom de la vue").fill(name);
  await page.getByRole("button", { name: "Enregistrer cette vue" }).click();
  const saved = page.locator(`[data-saved-views] a`, { hasText: name });
  await expect(saved).toBeVisible();
  await page.getByRole("link", { name: "Effacer les filtres" }).click();
  await expect(page.locator("#filtre-priorite")).toHaveValue("");
  await saved.click();
  await expect(page).toHaveURL(/pole=FRONT&vue=colonnes&priorite=P3&risque=1/);
  await expect(page.locator("#filtre-priorite")).toHaveValue("P3");
  await page.getByRole("button", { name: `Supprimer la vue ${name}` }).click();
  await expect(saved).toHaveCount(0);
});

test("the Atelier's board names each repair or preparation, the equipment and the stage", async ({ page }) => {
  await signIn(page, "atelier@immo9.fr", "/tickets?pole=ATELIER");
  await expect(page.getByRole("columnheader", { name: "Étape" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Matériel concerné" })).toBeVisible();
  const jobs = await page.locator("[data-field=job]").allTextContents();
  expect(jobs.length).toBeGreaterThan(0);
  for (const job of jobs) expect(job).toMatch(/^(Réparation|Préparation|Changement|Problème|Événement)/);
});

test("the Front Office finds a caller, sees their open tickets and registers the call for them", async ({ page }) => {
  await signIn(page, "n1@immo9.fr", "/tickets?pole=FRONT");
  await page.getByLabel("Nom, e-mail ou téléphone").fill("camille mar");
  const caller = page.locator("li[data-caller='employe@immo9.fr']");
  await expect(caller).toContainText("Camille Martin");
  await expect(caller).toContainText("Agence Libourne");
  await caller.getByRole("button", { name: "Choisir" }).click();
  await expect(page.getByLabel("Demandeur (adresse e-mail)")).toHaveValue("employe@immo9.fr");

  const title = `Imprimante hors ligne ${Date.now()}`;
  await page.getByLabel("Titre").fill(title);
  await page.getByLabel("Description").fill("L'imprimante de l'agence n'apparaît plus.");
  await page.getByLabel("Résolu pendant l'appel ? Solution apportée").fill("Imprimante rallumée avec l'utilisatrice.");
  await page.getByRole("button", { name: "Enregistrer", exact: true }).click();
  await expect(page).toHaveURL(/\/tickets\/INC-\d{4}-\d{6}$/);
  await expect(page.locator("[data-status]")).toHaveText("Résolu");
});
