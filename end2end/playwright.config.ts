// Browser tests against a running Immo9 server (BASE_URL), in Debian's Chromium (CHROMIUM_PATH).
// `cargo xtask test` builds the app, starts it on a fresh demo database and sets both variables.
import { defineConfig, devices } from "@playwright/test";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: "./tests",
  timeout: 30_000,
  expect: { timeout: 5_000 },
  // The tests share one demo database; the few that change it put it back, but never at the same time.
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: process.env.BASE_URL ?? "http://127.0.0.1:3000",
    locale: "fr-FR",
    // The people of Immo9 are in Gironde: the browser's own dates read in Paris time, whatever the machine's.
    timezoneId: "Europe/Paris",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    { name: "bureau", use: { ...devices["Desktop Chrome"], channel: undefined } },
    { name: "telephone", use: { ...devices["Pixel 7"], channel: undefined }, testMatch: /responsive|catalog|attachments/ },
  ],
});
