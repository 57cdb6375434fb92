import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

/** Debian's Chromium; `WARMPATH_CHROMIUM` points elsewhere. The tests never download a browser. */
export function chromiumPath(): string {
  return process.env.WARMPATH_CHROMIUM || '/usr/bin/chromium';
}

/** How the specs launch Chromium: the system binary, quiet (no background network, updates or sync). */
export function chromiumLaunchOptions(): LaunchOptions {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new Error(
      `No Chromium at ${executablePath}. Install Debian's (apt-get install -y chromium) or set WARMPATH_CHROMIUM.`,
    );
  }
  return {
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  };
}
