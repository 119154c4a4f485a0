import { type Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signIn, waitForHydration } from "./helpers";

/** A photo as a phone camera gives it: a JPEG drawn by the browser itself (1600 × 1200). */
async function cameraPhoto(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async () => {
    const canvas = document.createElement("canvas");
    canvas.width = 1600;
    canvas.height = 1200;
    const context = canvas.getContext("2d")!;
    const gradient = context.createLinearGradient(0, 0, 1600, 1200);
    gradient.addColorStop(0, "#0b5c8f");
    gradient.addColorStop(1, "#f2b705");
    context.fillStyle = gradient;
    context.fillRect(0, 0, 1600, 1200);
    context.fillStyle = "#ffffff";
    context.font = "120px sans-serif";
    context.fillText("Erreur E-302", 200, 640);
    const blob: Blob = await new Promise((resolve) => canvas.toBlob((b) => resolve(b!), "image/jpeg", 0.9));
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let text = "";
    bytes.forEach((byte) => (text += String.fromCharCode(byte)));
    return btoa(text);
  });
  return Buffer.from(base64, "base64");
}

// On a construction site: the employee photographs the error while declaring the incident; the photo
// arrives with its progress shown, and the desk sees its preview on the ticket.
test("a photo taken while declaring an incident reaches the desk with its preview", async ({ page, browser, isMobile }) => {
  const title = `Copieur en erreur ${Date.now()}`;
  await signIn(page, "employe@immo9.fr", "/mes-demandes");
  await page.getByLabel("Quelque chose ne marche plus (incident)").check();
  await page.getByLabel("Titre").fill(title);
  await page.getByLabel("Description").fill("Le copieur du bungalow affiche E-302 et n'imprime plus.");
  const photo = { name: "IMG_0042.jpg", mimeType: "image/jpeg", buffer: await cameraPhoto(page) };
  // A phone offers its camera; a desktop, its files.
  const picker = page.locator(isMobile ? "input[data-picker=camera]" : "input[data-picker=files]").first();
  if (isMobile) await expect(page.getByText("Prendre une photo").first()).toBeVisible();
  await picker.setInputFiles(photo);
  await expect(page.locator("[data-picked='IMG_0042.jpg']")).toContainText("En attente");
  await page.getByRole("button", { name: "Envoyer au support" }).click();

  await expect(page).toHaveURL(/\/tickets\/INC-\d{4}-\d{6}$/);
  const reference = page.url().split("/").pop()!;
  const files = page.locator("section", { has: page.getByRole("heading", { name: "Pièces jointes" }) });
  await expect(files.locator("li[data-attachment]")).toContainText("IMG_0042.jpg", { timeout: 15_000 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);

  const desk = await browser.newContext(isMobile ? {} : undefined);
  const agent = await desk.newPage();
  await signIn(agent, "n1@immo9.fr", `/tickets/${reference}`);
  const preview = agent.locator("img[data-preview]");
  // The preview is made just after the upload; the page shows it once it is ready.
  await expect(async () => {
    await agent.reload();
    await expect(preview).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  const size = await preview.evaluate(async (img: HTMLImageElement) => {
    await img.decode();
    return [img.naturalWidth, img.naturalHeight];
  });
  expect(size).toEqual([1280, 960]);
  const download = agent.locator("li[data-attachment] a[download]");
  await expect(download).toHaveText("IMG_0042.jpg");
  await desk.close();
});

test("the ticket page adds files with their progress, and a refused one says why", async ({ page }) => {
  await signIn(page, "n1@immo9.fr", "/tickets?pole=FRONT&etat=new");
  const reference = (await page.locator("tbody tr a").first().textContent())!;
  await page.goto(`/tickets/${reference}`);
  await waitForHydration(page);
  const files = page.locator("section", { has: page.getByRole("heading", { name: "Pièces jointes" }) });
  await files.locator("input[data-picker=files]").setInputFiles([
    { name: "journal-poste.txt", mimeType: "text/plain", buffer: Buffer.from("08:12 erreur 0x80070005\n") },
    { name: "vide.txt", mimeType: "text/plain", buffer: Buffer.alloc(0) },
  ]);
  await files.getByLabel("Interne (visible du support seulement)").check();
  await files.getByRole("button", { name: "Envoyer" }).click();
  await expect(files.locator("[data-picked='vide.txt']")).toContainText("est vide");
  await expect(files.locator("li[data-attachment]", { hasText: "journal-poste.txt" })).toContainText("Interne");
});
