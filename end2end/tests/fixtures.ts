// Every browser test runs with a watch on the page: a console error (a hydration mismatch, a panic in the
// WASM) or an uncaught exception fails the test by name, instead of surfacing later as a dead link.
import { expect, test as base, type Page } from "@playwright/test";

// Chrome logs every 4xx/5xx answer as a console error; refused actions are expected in some tests and are
// checked on the page itself.
const expectedNoise = /^Failed to load resource: the server responded with a status of (401|403|404|409|422)/;

export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ context }, use) => {
      const errors: string[] = [];
      const watch = (page: Page) => {
        page.on("console", (message) => {
          if (message.type() === "error" && !expectedNoise.test(message.text())) errors.push(message.text().slice(0, 500));
        });
        page.on("pageerror", (error) => errors.push(String(error).slice(0, 500)));
      };
      context.pages().forEach(watch);
      context.on("page", watch);
      await use(errors);
      expect(errors, "errors in the browser console").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
