import { saveScreenshot } from '../support/page-artifacts.js';
import { createTrack } from '../support/program-fixtures.js';
import { expect, signInAsOwner, test } from '../support/test.js';

/* Error and empty states, and forms that keep what was typed when the server refuses. */

test('a refused save keeps everything typed and says why', async ({ page }, testInfo) => {
  // A track whose slug the form then asks for again: the server refuses the duplicate.
  const taken = await createTrack('States');
  await signInAsOwner(page);
  await page.goto('/admin/tracks/new');
  await page.getByLabel('Name').fill('Enterprise clients again');
  await page.getByLabel('Slug').fill(taken.slug);
  await page.getByLabel('Landing page').fill('https://example.com/again');
  await page.getByLabel('Headline').fill('A headline worth keeping');
  await page.getByRole('button', { name: 'Create track' }).click();

  const alert = page.getByRole('alert').filter({ hasText: 'The track was not saved' });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(taken.slug);
  await expect(page.getByLabel('Name')).toHaveValue('Enterprise clients again');
  await expect(page.getByLabel('Headline')).toHaveValue('A headline worth keeping');
  await expect(page).toHaveURL(/\/admin\/tracks\/new$/);
  await saveScreenshot(page, testInfo, 'state-track-save-refused');
});

test('lists say when nothing matches, and pages say when something cannot load', async ({
  page,
}, testInfo) => {
  await signInAsOwner(page);
  await page.goto('/admin/participants');
  await page.getByLabel('Search').fill('nobody-by-this-name');
  await expect(page.getByRole('heading', { name: 'No participant matches' })).toBeVisible();
  await saveScreenshot(page, testInfo, 'state-participants-no-match');

  await page.goto('/admin/referrals/00000000-0000-7000-8000-000000000000');
  await expect(page.getByRole('alert').filter({ hasText: 'This referral could not load' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  await saveScreenshot(page, testInfo, 'state-referral-not-found');
});
