import { test as base, expect, type Page } from '@playwright/test';
import { e2eEnvironment } from './environment.js';

/** Playwright's `test`, pointed at the server the global setup started. */
export const test = base.extend({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern.
  baseURL: async ({}, use) => {
    await use(e2eEnvironment().baseUrl);
  },
});

export { expect };

/** Signs in to the admin console as the owner the server was started with. */
export async function signInAsOwner(page: Page): Promise<void> {
  const { adminEmail, adminPassword } = e2eEnvironment();
  await page.goto('/admin/sign-in');
  await page.getByLabel('Email').fill(adminEmail);
  await page.getByLabel('Password').fill(adminPassword);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Welcome back');
}
