import type { Page, TestInfo } from '@playwright/test';
import {
  expectNoHorizontalOverflow,
  expectNoSeriousAccessibilityViolations,
  saveScreenshot,
} from '../support/page-artifacts.js';
import { portalLoginLink, seedSmallProgram } from '../support/program-fixtures.js';
import { expect, signInAsOwner, test } from '../support/test.js';

/*
 * Visits the main pages of both apps, checks each with axe-core and saves a full-page screenshot of it. The spec
 * sets up its own track, participant and referral first, so every list and detail page has a row to show whatever
 * else the database holds.
 */

let program: Awaited<ReturnType<typeof seedSmallProgram>>;
test.beforeAll(async () => {
  program = await seedSmallProgram('Accessibility');
});

/** Waits until the page has no loading indicator left, so axe and the screenshot see the finished page. */
async function settled(page: Page) {
  await expect(page.locator('[role="status"]').filter({ hasText: /Loading/ })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
}

async function check(page: Page, testInfo: TestInfo, name: string) {
  await settled(page);
  await saveScreenshot(page, testInfo, name);
  await expectNoSeriousAccessibilityViolations(page, testInfo, name);
  await expectNoHorizontalOverflow(page, name);
}

test.describe('the admin console has no serious accessibility violations', () => {
  test('on sign-in and the dashboard', async ({ page }, testInfo) => {
    await page.goto('/admin/sign-in');
    await check(page, testInfo, 'a11y-admin-sign-in');
    await signInAsOwner(page);
    await check(page, testInfo, 'a11y-admin-dashboard');
  });

  test('on the track pages', async ({ page }, testInfo) => {
    await signInAsOwner(page);
    await page.goto('/admin/tracks');
    await check(page, testInfo, 'a11y-admin-tracks');
    await page.getByRole('table').getByRole('link').first().click();
    await check(page, testInfo, 'a11y-admin-track-edit');
    await page.goto('/admin/tracks/new');
    await check(page, testInfo, 'a11y-admin-track-new');
  });

  test('on the referral pages', async ({ page }, testInfo) => {
    await signInAsOwner(page);
    await page.goto('/admin/referrals');
    await check(page, testInfo, 'a11y-admin-referrals-board');
    await page.goto('/admin/referrals?view=table');
    await check(page, testInfo, 'a11y-admin-referrals-table');
    await page.getByRole('table').getByRole('link').first().click();
    await check(page, testInfo, 'a11y-admin-referral');
    await page.goto('/admin/review-queue');
    await check(page, testInfo, 'a11y-admin-review-queue');
  });

  test('on the participant pages', async ({ page }, testInfo) => {
    await signInAsOwner(page);
    await page.goto('/admin/participants');
    await check(page, testInfo, 'a11y-admin-participants');
    await page.getByRole('button', { name: 'Invite participant' }).click();
    await expect(page.getByRole('dialog', { name: 'Invite a participant' })).toBeVisible();
    await expect(page.getByRole('dialog').getByRole('checkbox').first()).toBeVisible();
    await saveScreenshot(page, testInfo, 'a11y-admin-invite-dialog');
    await expectNoSeriousAccessibilityViolations(page, testInfo, 'a11y-admin-invite-dialog');
    await page.keyboard.press('Escape');
    await page.getByRole('table').getByRole('link').first().click();
    await check(page, testInfo, 'a11y-admin-participant');
  });

  test('on the audit log, plugins and settings', async ({ page }, testInfo) => {
    await signInAsOwner(page);
    await page.goto('/admin/settings');
    await check(page, testInfo, 'a11y-admin-settings-staff');
    await page.goto('/admin/settings?tab=api-keys');
    await check(page, testInfo, 'a11y-admin-settings-api-keys');
    await page.goto('/admin/settings?tab=webhooks');
    await check(page, testInfo, 'a11y-admin-settings-webhooks');
    await page.goto('/admin/audit-log');
    await check(page, testInfo, 'a11y-admin-audit-log');
    await page.goto('/admin/plugins');
    await check(page, testInfo, 'a11y-admin-plugins');
  });
});

test('the console is usable from the keyboard, with a visible focus', async ({ page }) => {
  await signInAsOwner(page);
  await page.goto('/admin/participants');
  await settled(page);

  // The first Tab reaches the skip link, drawn with a focus outline, and it leads past the navigation.
  await page.keyboard.press('Tab');
  const skipLink = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skipLink).toBeFocused();
  const outline = await skipLink.evaluate((element) => {
    const style = getComputedStyle(element);
    return { outline: style.outlineStyle, shadow: style.boxShadow };
  });
  expect(outline.outline !== 'none' || outline.shadow !== 'none').toBe(true);

  // A dialog keeps focus inside while open, closes on Escape and gives focus back to what opened it.
  const opener = page.getByRole('button', { name: 'Invite participant' });
  await opener.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Invite a participant' });
  await expect(dialog).toBeVisible();
  for (let press = 0; press < 12; press += 1) {
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((element) => element.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(opener).toBeFocused();

  // Tabs move with the arrow keys.
  await page.goto('/admin/referrals');
  await settled(page);
  await page.getByRole('tab', { name: 'Board' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Table' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Table' })).toHaveAttribute('aria-selected', 'true');
  await expect(page).toHaveURL(/view=table/);
});

test('the portal has no serious accessibility violations on its main pages', async ({ page }, testInfo) => {
  await page.goto('/portal/');
  await check(page, testInfo, 'a11y-portal-landing');

  // A one-time login link signs the spec's participant in, once the "Continue as …" question is answered.
  await page.goto(await portalLoginLink(program.participant));
  const continueButton = page.getByRole('button', { name: /^Continue as / });
  await expect(continueButton).toBeVisible();
  await check(page, testInfo, 'a11y-portal-continue-with-link');
  await continueButton.click();
  await expect(page).toHaveURL(/\/portal\/?$/);
  await check(page, testInfo, 'a11y-portal-home');
  await page.goto('/portal/referrals');
  await check(page, testInfo, 'a11y-portal-referrals');
  await page.getByRole('main').getByRole('link', { name: program.referral.company.name }).click();
  await check(page, testInfo, 'a11y-portal-referral');
  await page.goto('/portal/referrals/new');
  await check(page, testInfo, 'a11y-portal-referral-new');
  await page.goto('/portal/account');
  await check(page, testInfo, 'a11y-portal-account');
});

test('on a 375 px phone screen, console and portal pages fit the width', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 375, height: 812 });
  await signInAsOwner(page);
  for (const [name, path] of [
    ['narrow-admin-settings-staff', '/admin/settings'],
    ['narrow-admin-settings-api-keys', '/admin/settings?tab=api-keys'],
    ['narrow-admin-settings-webhooks', '/admin/settings?tab=webhooks'],
    ['narrow-admin-referral', `/admin/referrals/${program.referral.id}`],
    ['narrow-admin-participant', `/admin/participants/${program.participant.id}`],
    ['narrow-admin-track', `/admin/tracks/${program.track.id}`],
  ] as const) {
    await page.goto(path);
    await settled(page);
    await saveScreenshot(page, testInfo, name);
    await expectNoHorizontalOverflow(page, name);
  }
  await page.goto(await portalLoginLink(program.participant));
  await page.getByRole('button', { name: /^Continue as / }).click();
  for (const [name, path] of [
    ['narrow-portal-home', '/portal/'],
    ['narrow-portal-referral', `/portal/referrals/${program.referral.id}`],
    ['narrow-portal-account', '/portal/account'],
  ] as const) {
    await page.goto(path);
    await settled(page);
    await saveScreenshot(page, testInfo, name);
    await expectNoHorizontalOverflow(page, name);
  }
});
