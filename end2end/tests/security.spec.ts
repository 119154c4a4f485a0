// Every page runs under its Content-Security-Policy (scripts only by the render's nonce) without a single
// violation, once hydrated, and carries the protective headers.
import { expect, test } from "./fixtures";
import { signIn, waitForHydration } from "./helpers";

const pages = [
  "/",
  "/catalogue",
  "/catalogue/RESEAU_VPN",
  "/mes-demandes",
  "/connaissances",
  "/approbations",
  "/tickets",
  "/equipes",
  "/pilotage",
  "/pilotage/indicateurs",
  "/pilotage/campagnes",
  "/pilotage/satisfaction",
  "/pilotage/rapport",
  "/matrice-sla",
  "/administration",
  "/administration/imports",
  "/administration/referentiel",
  "/administration/catalogue",
  "/administration/niveaux-de-service",
];

test("every page hydrates under its Content-Security-Policy without a violation", async ({ page }) => {
  // Init scripts are Playwright's own, outside the page's policy: they only listen.
  await page.addInitScript(() => {
    (window as any).__violations = [];
    document.addEventListener("securitypolicyviolation", (event) =>
      (window as any).__violations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  const login = await page.goto("/connexion");
  const loginPolicy = login!.headers()["content-security-policy"];
  expect(loginPolicy).toMatch(/script-src 'nonce-[A-Za-z0-9+/=_-]+' 'strict-dynamic' 'wasm-unsafe-eval'/);
  expect(loginPolicy).not.toContain("unsafe-inline");
  await signIn(page, "admin@immo9.fr");
  const tickets = await page.request.get("/api/v1/tickets?per_page=1");
  const reference = (await tickets.json()).items[0].reference;
  for (const path of [...pages, `/tickets/${reference}`]) {
    const response = await page.goto(path);
    const headers = response!.headers();
    const nonce = /'nonce-([^']+)'/.exec(headers["content-security-policy"] ?? "")?.[1];
    expect(nonce, `${path}: a nonce in the policy`).toBeTruthy();
    expect(headers["x-frame-options"], path).toBe("DENY");
    expect(headers["x-content-type-options"], path).toBe("nosniff");
    expect(headers["cache-control"], path).toBe("no-store");
    await waitForHydration(page);
    // The nonce on the scripts is the policy's: hydration ran (above), so the scripts were allowed.
    const scriptNonces = await page.locator("script[nonce]").evaluateAll((scripts) => scripts.map((s) => (s as HTMLScriptElement).nonce));
    expect(scriptNonces.length, `${path}: nonce'd scripts`).toBeGreaterThan(0);
    expect(await page.evaluate(() => (window as any).__violations), `${path}: no violation`).toEqual([]);
  }
});

test("a form another site makes a signed-in person post is refused, and changes nothing", async ({ page }) => {
  await signIn(page, "admin@immo9.fr");
  const ours = new URL(page.url()).origin;
  // A page of another site that posts, as the person, to our sign-out.
  await page.route("http://evil.example/**", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!DOCTYPE html><form method="post" action="${ours}/api/deconnexion"><button>Gagner un iPhone</button></form>`,
    }),
  );
  await page.goto("http://evil.example/");
  const [answer] = await Promise.all([
    page.waitForResponse((response) => response.url() === `${ours}/api/deconnexion`),
    page.getByRole("button", { name: "Gagner un iPhone" }).click(),
  ]);
  expect(answer.status()).toBe(403);
  await expect(page.locator("body")).toContainText("autre site");
  // Still signed in: the forged post did nothing.
  await page.goto(`${ours}/mes-demandes`);
  await waitForHydration(page);
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
});
