import type { Page } from '@playwright/test';
import { e2eEnvironment } from '../support/environment.js';
import { lastMailTo, linkIn } from '../support/mailbox.js';
import { saveScreenshot } from '../support/page-artifacts.js';
import { uniqueSuffix } from '../support/program-fixtures.js';
import { expect, signInAsOwner, test } from '../support/test.js';

// Names of this run only: the spec passes next to any data, a second run on the same server included.
const suffix = uniqueSuffix();
const track = {
  name: `Enterprise clients ${suffix}`,
  slug: `enterprise-clients-${suffix}`,
  landingUrl: 'https://example.com/enterprise',
};
const participant = { name: 'Pat Partner', email: `pat.${suffix}@partner.example` };
const company = { name: `Globex Corporation ${suffix}`, domain: `globex-${suffix}.example` };

/** Chooses a stage in the referral page's "Move to" form and submits it. */
async function moveReferral(page: Page, stage: string, reason: string) {
  await page.getByLabel('Move to').selectOption({ label: stage });
  await page.getByLabel('Reason').fill(reason);
  await page.getByRole('button', { name: 'Move referral' }).click();
  // The page header's stage badge says where the referral is now.
  await expect(page.locator('.wp-page-header').getByText(stage, { exact: true })).toBeVisible();
}

test('an introduction travels from invitation to booked meeting', async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  // The admin creates a track with a question of its own.
  await signInAsOwner(page);
  await saveScreenshot(page, testInfo, 'admin-dashboard');
  await page.getByRole('navigation').getByRole('link', { name: 'Tracks' }).click();
  await page.getByRole('link', { name: 'New track' }).click();
  await page.getByLabel('Name').fill(track.name);
  await expect(page.getByLabel('Slug')).toHaveValue(track.slug);
  await page.getByLabel('Landing page').fill(track.landingUrl);
  await page.getByRole('button', { name: 'Add question' }).click();
  await page.getByRole('textbox', { name: 'Question', exact: true }).fill('Company size (employees)');
  await expect(page.getByLabel('Answer key')).toHaveValue('company_size_employees');
  await page.getByLabel('Answer type').selectOption({ label: 'Number' });
  await page.getByLabel('Required').check();
  await page.getByLabel('Headline').fill('Know a company that needs us?');
  await saveScreenshot(page, testInfo, 'admin-track-new');
  await page.getByRole('button', { name: 'Create track' }).click();
  await expect(page.getByRole('heading', { level: 1, name: track.name })).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'Question', exact: true })).toHaveValue(
    'Company size (employees)',
  );

  // … and invites a participant into it.
  await page.getByRole('navigation').getByRole('link', { name: 'Participants' }).click();
  await page.getByRole('button', { name: 'Invite participant' }).click();
  const dialog = page.getByRole('dialog', { name: 'Invite a participant' });
  await dialog.getByLabel('Name').fill(participant.name);
  await dialog.getByLabel('Email').fill(participant.email);
  await dialog.getByLabel(track.name).check();
  await dialog.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: participant.name })).toBeVisible();
  await saveScreenshot(page, testInfo, 'admin-participant');

  // The participant signs in with the link from the invitation email.
  const invitation = await lastMailTo(participant.email);
  const loginLink = linkIn(invitation, `${e2eEnvironment().baseUrl}/portal/login`);
  const participantContext = await browser.newContext({ baseURL });
  const portal = await participantContext.newPage();
  // The link first asks whom to sign in (opening it alone signs nobody in), then signs in on Continue.
  await portal.goto(loginLink);
  await expect(portal.getByText(participant.email)).toBeVisible();
  await saveScreenshot(portal, testInfo, 'portal-continue-with-link');
  await portal.getByRole('button', { name: `Continue as ${participant.name}` }).click();
  await expect(portal).toHaveURL(/\/portal\/?$/);
  await expect(portal.getByRole('heading', { level: 1 })).toBeVisible();
  await saveScreenshot(portal, testInfo, 'portal-home');

  // … and refers a company with two people of its buying committee.
  await portal.goto(`/portal/referrals/new?track=${track.slug}`);
  await portal.getByLabel('Company name').fill(company.name);
  await portal.getByLabel('Company website or domain').fill(company.domain);
  await portal.getByLabel('Contact 1 Name').fill('Grace Globex');
  await portal.getByLabel('Contact 1 Email').fill(`grace@${company.domain}`);
  await portal.getByLabel('Contact 1 Role').selectOption({ label: 'Decision maker' });
  await portal.getByRole('button', { name: 'Add another contact' }).click();
  await portal.getByLabel('Contact 2 Name').fill('Hank Globex');
  await portal.getByLabel('Contact 2 Email').fill(`hank@${company.domain}`);
  await portal.getByLabel('Contact 2 Role').selectOption({ label: 'Champion' });
  await portal.getByLabel('Company size (employees)').fill('1200');
  await saveScreenshot(portal, testInfo, 'portal-referral-new');
  await portal.getByRole('button', { name: 'Submit referral' }).click();
  await expect(portal.getByRole('heading', { level: 1, name: company.name })).toBeVisible();
  const portalReferralUrl = portal.url();

  // The admin finds it on the pipeline board, accepts it and books the meeting.
  await page.getByRole('navigation').getByRole('link', { name: 'Referrals' }).click();
  // The board shows one track at a time, the first one unless told: pick this spec's.
  await page.getByLabel('Track', { exact: true }).selectOption({ label: track.name });
  const board = page.getByRole('region', { name: 'Pipeline board' });
  await expect(
    board.getByRole('region', { name: /^Submitted/ }).getByRole('link', { name: company.name }),
  ).toBeVisible();
  await saveScreenshot(page, testInfo, 'admin-referrals-board');
  await board.getByRole('link', { name: company.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: company.name })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Buying committee' }).getByRole('row')).toHaveCount(3);
  await expect(page.getByText('1200')).toBeVisible();
  await moveReferral(page, 'Accepted', 'Strong fit: 1,200 employees in our segment.');
  await moveReferral(page, 'Meeting booked', 'Intro call booked with Grace.');
  await expect(page.getByRole('list').filter({ hasText: 'Intro call booked with Grace.' })).toBeVisible();
  await saveScreenshot(page, testInfo, 'admin-referral');

  // The participant sees the new stage.
  await portal.goto(portalReferralUrl);
  await expect(portal.getByText('Meeting booked').first()).toBeVisible();
  await saveScreenshot(portal, testInfo, 'portal-referral');
  await participantContext.close();
});
