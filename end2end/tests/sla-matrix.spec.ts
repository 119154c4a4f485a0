import { expect, test } from "./fixtures";
import { DEMO_PASSWORD, signIn, waitForHydration } from "./helpers";

// Qualité opens the heatmap, moves the what-if controls and sees the cells follow; a ticket registered
// elsewhere moves the measured inputs without a reload.
test("the SLA matrix follows the what-if controls and new tickets, live", async ({ page, playwright, baseURL }) => {
  await signIn(page, "qualite@immo9.fr");
  await page.getByRole("navigation", { name: "Navigation principale" }).getByRole("link", { name: "Matrice SLA" }).click();
  await expect(page).toHaveURL("/matrice-sla");
  await waitForHydration(page);
  await expect(page.getByRole("heading", { name: "Matrice SLA", level: 1 })).toBeVisible();
  const heatmap = page.locator("table.heatmap");
  for (const row of ["P1", "P2", "P3", "P4", "TOUTES"]) {
    await expect(heatmap.locator(`tr[data-priority=${row}] td.heat`).first()).toHaveText(/^\d{1,3},\d %$|^saturé$/);
  }

  // The Monday-morning peak of the demo history.
  await page.getByLabel("Jour", { exact: true }).selectOption({ label: "lundi" });
  await page.getByLabel("Heure", { exact: true }).selectOption("9");
  await expect(heatmap.locator("caption")).toContainText("lundi 09:00–10:00");
  const p3 = heatmap.locator("tr[data-priority=P3] td.heat");
  const before = await p3.allTextContents();

  // Twice the arrivals: the queue saturates at more staffing levels, and the cells say so.
  await page.locator("input[name=croissance]").fill("100");
  await expect(page.locator("[data-field=growth]")).toHaveText("+100 %");
  await expect.poll(() => p3.allTextContents()).not.toEqual(before);
  const saturatedBefore = before.filter((text) => text === "saturé").length;
  expect((await p3.allTextContents()).filter((text) => text === "saturé").length).toBeGreaterThan(saturatedBefore);

  // One more agent on duty moves the marker and the expected share.
  const staffing = Number(await page.locator("[data-field=staffing]").textContent());
  await page.getByRole("button", { name: "Ajouter un agent" }).click();
  await expect(page.locator("[data-field=extra-agents]")).toHaveText("+1");
  await expect(page.locator("[data-field=staffing]")).toHaveText(String(staffing + 1));
  await expect(heatmap.locator(`th.planned[data-agents="${staffing + 1}"]`)).toHaveCount(1);

  // A ticket registered by someone else, through the API: the measured inputs move without a reload.
  const observed = page.locator("[data-field=observed]");
  const count = Number((await observed.textContent())!.split(" ")[0]);
  const api = await playwright.request.newContext({ baseURL });
  expect((await api.post("/api/v1/session", { data: { login: "employe@immo9.fr", password: DEMO_PASSWORD } })).status()).toBe(200);
  const created = await api.post("/api/v1/tickets", {
    data: { type: "INCIDENT", title: `Imprimante hors ligne ${Date.now()}`, description: "Plus rien ne sort." },
  });
  expect(created.status()).toBe(201);
  await expect(observed).toHaveText(new RegExp(`^${count + 1} tickets sur`), { timeout: 5_000 });
  // The what-if settings survived the reload of the inputs.
  await expect(page.locator("[data-field=extra-agents]")).toHaveText("+1");
  await api.dispose();
});

test("the week view marks the under-staffed hours and opens one in the matrix", async ({ page }) => {
  await signIn(page, "superviseur@immo9.fr", "/matrice-sla?pole=ATELIER");
  await expect(page.locator("nav.tabs a[aria-current=page]")).toHaveText("Atelier");
  const week = page.locator("table.week-staffing");
  const short = week.locator("td.understaffed").first();
  await expect(short).toContainText("sous-doté");
  const slot = await short.getAttribute("data-slot");
  await short.getByRole("button").click();
  await expect(page.locator("table.heatmap")).toHaveAttribute("data-slot", slot!);
});

// A supervisor gives the Atelier's technician Tuesday and Friday afternoon hours: the week view's planned
// staffing follows at once. The demo is put back as it was afterwards.
test("a supervisor plans an agent's week and the planned staffing follows", async ({ page }) => {
  await signIn(page, "superviseur@immo9.fr", "/matrice-sla?pole=ATELIER");
  const planned = async () => {
    let total = 0;
    for (const slot of [24 + 16, 4 * 24 + 16]) {
      const text = (await page.locator(`table.week-staffing td[data-slot="${slot}"]`).textContent()) ?? "";
      total += Number(/(\d+) prévus/.exec(text)?.[1] ?? "NaN");
    }
    return total;
  };
  const before = await planned();
  expect(before).toBe(0);
  const row = page.locator("table.schedules tr", { hasText: "Sébastien Roux" });
  await expect(row).toContainText("horaire propre");
  const original = await row.locator("input.hours").evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
  await row.getByLabel("Sébastien Roux — mardi").fill("08:00-12:00,13:00-17:00");
  await row.getByLabel("Sébastien Roux — vendredi").fill("13:00-17:00");
  await row.getByRole("button", { name: "Enregistrer" }).click();
  const schedules = page.locator("section[aria-labelledby=matrice-horaires]");
  await expect(schedules.locator(".notice.ok")).toHaveText("Enregistré.");
  await expect.poll(planned).toBeGreaterThan(before);

  // A wrong hour is refused in words, and nothing changes.
  await row.getByLabel("Sébastien Roux — lundi").fill("8h-12h");
  await row.getByRole("button", { name: "Enregistrer" }).click();
  await expect(schedules.getByRole("alert")).toContainText("horaire invalide");

  for (const [index, hours] of original.entries()) await row.locator(`input[data-day="${index}"]`).fill(hours);
  await row.getByRole("button", { name: "Enregistrer" }).click();
  await expect.poll(planned).toBe(before);
});
