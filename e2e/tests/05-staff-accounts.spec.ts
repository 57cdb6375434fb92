import type { Page } from '@playwright/test';
import { e2eEnvironment } from '../support/environment.js';
import { awaitLinkTo } from '../support/mailbox.js';
import { saveScreenshot } from '../support/page-artifacts.js';
import { uniqueSuffix } from '../support/program-fixtures.js';
import { expect, signInAsOwner, test } from '../support/test.js';

/* Staff accounts from the links in their emails: an invitation accepted, a forgotten password replaced. */

async function chooseNewPassword(page: Page, password: string) {
  await page.getByLabel(/^New password/).fill(password);
  await page.getByLabel(/^Confirm password/).fill(password);
}

async function signInAs(page: Page, email: string, password: string) {
  await page.goto('/admin/sign-in');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Welcome');
}

test('an invited sales rep joins from the email, then replaces a forgotten password', async ({
  page,
  browser,
}, testInfo) => {
  const email = `rep.${uniqueSuffix()}@vendor.example`;
  const { baseUrl } = e2eEnvironment();

  // The owner invites a sales rep.
  await signInAsOwner(page);
  await page.goto('/admin/settings');
  await page.getByRole('button', { name: 'Invite staff member' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite a staff member' });
  await dialog.getByLabel('Name').fill('Riley Rep');
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByLabel('Role').selectOption({ label: 'Sales' });
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(dialog).toBeHidden();

  // The invitation email opens a page that says who is invited, as what, and makes the account.
  const rep = await (await browser.newContext()).newPage();
  await rep.goto(await awaitLinkTo(email, `${baseUrl}/admin/accept-invite?token=`));
  await expect(rep.getByRole('heading', { name: 'Accept your invitation' })).toBeVisible();
  await expect(rep.getByText(`as Sales, with the email ${email}`)).toBeVisible();
  await expect(rep.getByLabel(/^Your name/)).toHaveValue('Riley Rep');
  await chooseNewPassword(rep, 'first-password-of-riley');
  await saveScreenshot(rep, testInfo, 'staff-accept-invite');
  await rep.getByRole('button', { name: 'Create account and sign in' }).click();
  await expect(rep.getByRole('heading', { level: 1 })).toContainText('Riley');
  // Signed in as a sales rep: the sidebar has Referrals but not the review queue, which sales cannot open.
  const sidebar = rep.getByRole('navigation', { name: 'Main' });
  await expect(sidebar.getByRole('link', { name: 'Referrals' })).toBeVisible();
  await expect(sidebar.getByRole('link', { name: 'Review queue' })).toHaveCount(0);

  // The link works once.
  const used = await (await browser.newContext()).newPage();
  await used.goto(await awaitLinkTo(email, `${baseUrl}/admin/accept-invite?token=`));
  await expect(used.getByRole('alert')).toBeVisible();
  await expect(used.getByRole('button', { name: 'Create account and sign in' })).toHaveCount(0);

  // Signed out, the rep asks for a reset link and sets a new password with it.
  const forgetful = await (await browser.newContext()).newPage();
  await forgetful.goto('/admin/sign-in');
  await forgetful.getByRole('button', { name: 'Forgot password?' }).click();
  await forgetful.getByLabel('Email').fill(email);
  await forgetful.getByRole('button', { name: 'Email me a reset link' }).click();
  await expect(forgetful.getByText(/a reset link is on its way/)).toBeVisible();
  await forgetful.goto(await awaitLinkTo(email, `${baseUrl}/admin/reset-password?token=`));
  await chooseNewPassword(forgetful, 'second-password-of-riley');
  await saveScreenshot(forgetful, testInfo, 'staff-reset-password');
  await forgetful.getByRole('button', { name: 'Set new password' }).click();
  await expect(forgetful).toHaveURL(/\/admin\/sign-in/);
  await signInAs(forgetful, email, 'second-password-of-riley');
});
