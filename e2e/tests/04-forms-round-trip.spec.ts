import type { Page } from '@playwright/test';
import { saveScreenshot } from '../support/page-artifacts.js';
import {
  auditEntriesAbout,
  enrolParticipant,
  portalLoginLink,
  readTrack,
  restCall,
  type SeededTrack,
  uniqueSuffix,
} from '../support/program-fixtures.js';
import { expect, signInAsOwner, test } from '../support/test.js';

/*
 * Every form that edits stored data shows the effective state and round-trips: data set over the API, the form
 * opened and saved without a change, and nothing changes — no field, no `updatedAt`, no audit entry.
 */

/** The signed-in staff member's id, as the console's own API answers it. */
async function signedInStaffId(page: Page): Promise<string> {
  const response = await page.request.get('/trpc/auth.me');
  const body = (await response.json()) as { result: { data: { id: string } } };
  return body.result.data.id;
}

test('the track editor saves an untouched track without changing it', async ({ page }, testInfo) => {
  await signInAsOwner(page);
  const ownerId = await signedInStaffId(page);
  const suffix = uniqueSuffix();
  // Everything the editor shows, set over the API with values the editor does not default to.
  const created = await restCall<SeededTrack>('POST', '/tracks', {
    slug: `round-trip-${suffix}`,
    name: `Round trip ${suffix}`,
    kind: 'client',
    landingUrl: `https://example.com/round-trip-${suffix}`,
    allowedDestinations: ['https://example.com/pricing'],
    attributionWindowDays: 120,
    autoAccept: true,
    slaHours: 24,
    form: {
      fields: [
        { key: 'company_size', label: 'Company size', type: 'number', required: true },
        { key: 'region', label: 'Region', type: 'select', options: ['EMEA', 'Americas'] },
      ],
    },
    fraudThresholds: { review: 40, block: 90 },
    routing: {
      rules: [{ field: 'company_size', equals: 500, ownerId }],
      fallback: 'round_robin',
      pool: [ownerId],
    },
    referrerVisibleStages: ['submitted', 'accepted', 'closed_won', 'closed_lost'],
    portalCopy: {
      headline: 'Know a team that needs us?',
      description: 'First paragraph.\nSecond line.\n\nSecond paragraph.',
    },
    selfEnrolment: true,
  });
  const before = await readTrack(created.slug);
  const auditBefore = await auditEntriesAbout(created.id);

  await page.goto(`/admin/tracks/${created.id}`);
  await expect(page.getByRole('heading', { level: 1, name: created.name })).toBeVisible();
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText('Nothing to save')).toBeVisible();
  await saveScreenshot(page, testInfo, 'round-trip-track-editor');

  expect(await readTrack(created.slug)).toEqual(before);
  expect(await auditEntriesAbout(created.id)).toEqual(auditBefore);

  // Changing one field changes that field only: the routing pool and the rule's number survive the save.
  await page.getByLabel('Name').fill(`Round trip renamed ${suffix}`);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Round trip renamed ${suffix}` })).toBeVisible();
  const after = await readTrack(created.slug);
  expect({ ...after, name: before.name, updatedAt: before.updatedAt }).toEqual(before);
  expect((await auditEntriesAbout(created.id)).length).toBe(auditBefore.length + 1);
});

test('plugin settings save unchanged without a write', async ({ page }, testInfo) => {
  await signInAsOwner(page);
  // A setting stored through the console's API (not a default), so the form has a stored value to show.
  const changed = await page.request.post('/trpc/admin.plugins.updateSettings', {
    headers: { 'content-type': 'application/json', origin: new URL(page.url()).origin },
    data: { pluginId: 'fraud', instance: 'default', changes: { duplicate: { companyScore: 45 } } },
  });
  expect(changed.ok(), await changed.text()).toBe(true);
  const auditBefore = await auditEntriesAbout('fraud:default');

  await page.goto('/admin/plugins');
  const form = page.getByRole('form', { name: /Settings of fraud/ });
  await expect(form.getByRole('group', { name: 'Duplicate' }).getByLabel('Company score')).toHaveValue('45');
  await form.getByRole('button', { name: 'Save settings' }).click();
  await expect(form.getByText('Nothing to save')).toBeVisible();
  await saveScreenshot(page, testInfo, 'round-trip-plugin-settings');

  expect(await auditEntriesAbout('fraud:default')).toEqual(auditBefore);
});

test('a referrer saves their details unchanged without a write', async ({ page }, testInfo) => {
  const suffix = uniqueSuffix();
  const track = await restCall<SeededTrack>('POST', '/tracks', {
    slug: `profile-${suffix}`,
    name: `Profile ${suffix}`,
    kind: 'partner',
    landingUrl: 'https://example.com/profile',
  });
  const participant = await enrolParticipant(track, 'Robin Roundtrip', suffix);
  await page.goto(await portalLoginLink(participant));
  await page.getByRole('button', { name: /Continue/ }).click();
  await page.getByRole('link', { name: 'Account' }).click();
  // Read after signing in: the sign-in itself is audited.
  const before = await restCall<object>('GET', `/participants/${participant.id}`);
  const auditBefore = await auditEntriesAbout(participant.id);
  await expect(page.getByLabel('Name')).toHaveValue('Robin Roundtrip');
  await page.getByRole('button', { name: 'Save details' }).click();
  await expect(page.getByText('Saved.')).toBeVisible();
  await saveScreenshot(page, testInfo, 'round-trip-portal-profile');

  expect(await restCall<object>('GET', `/participants/${participant.id}`)).toEqual(before);
  expect(await auditEntriesAbout(participant.id)).toEqual(auditBefore);
});
