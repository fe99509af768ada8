/** Debian's Chromium (tooling/scripts/ensure-chromium.sh installs it), or CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Headless and quiet: no sandbox (CI containers run as root), no GPU, no updates or sync calling out. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/**
 * What every suite that drives a browser passes to playwright-core's `chromium.launch`, so the web's
 * e2e, the API's page checks and the worker's renders run the same browser the same way. (Options
 * rather than a launcher: this package does not depend on playwright-core; each suite brings its own.)
 */
export const chromiumLaunchOptions = { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true };
