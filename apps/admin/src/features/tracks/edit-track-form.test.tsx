import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { queryClient, trpc } from '../../api/trpc.js';
import type { Track } from '../../api/types.js';
import { FakeTrpcError, FakeTrpcServer } from '../../testing/fake-trpc-server.js';
import { renderWithClient } from '../../testing/render-with-client.js';
import { staffMember } from '../../testing/staff.js';
import { pooledTrack, seededTrack, enterpriseTrack as track } from '../../testing/tracks.js';
import { EditTrackForm } from './edit-track-form.js';

const UPDATE = 'admin.tracks.update';

const staff = [
  { id: 'u-ada', name: 'Ada Lovelace', email: 'ada@example.com', role: 'sales', disabledAt: null },
  { id: 'u-grace', name: 'Grace Hopper', email: 'grace@example.com', role: 'manager', disabledAt: null },
];

function renderEditor(stored: Track = track, role: 'admin' | 'viewer' = 'admin') {
  // Who is signed in, as the console's `_staff` route has loaded it before any page renders.
  queryClient.setQueryData(trpc.auth.me.queryKey(), staffMember(role));
  const server = new FakeTrpcServer()
    .on('admin.users.list', () => staff)
    .on(UPDATE, (input) => ({ ...stored, ...(input as { changes: object }).changes }))
    .on('admin.tracks.list', () => [stored])
    .install();
  renderWithClient(<EditTrackForm track={stored} />);
  return { server, user: userEvent.setup() };
}

const save = () => screen.getByRole('button', { name: 'Save changes' });

function routingRule(number: number) {
  return within(screen.getByRole('group', { name: `Rule ${number}` }));
}

describe('the track editor', () => {
  it('shows a role that may not change tracks every setting, with nothing to change or save', async () => {
    renderEditor(track, 'viewer');
    expect(screen.getByRole('textbox', { name: /^Name/ })).toHaveProperty('value', 'Enterprise');
    // Disabled through a disabled fieldset around them (browsers disable every control inside; happy-dom does not
    // apply that rule, so the test checks the fieldset).
    const isDisabled = (element: HTMLElement) =>
      element.closest('fieldset:disabled, fieldset[disabled]') !== null;
    expect(isDisabled(screen.getByRole('textbox', { name: /^Name/ }))).toBe(true);
    expect(isDisabled(screen.getByRole('button', { name: 'Add question' }))).toBe(true);
    expect(screen.queryByRole('button', { name: 'Save changes' })).toBeNull();
    expect(screen.getByText(/can read this track.s settings but not change them/)).toBeTruthy();
  });

  it('shows the track as stored', async () => {
    renderEditor();
    expect(screen.getByRole('textbox', { name: /^Name/ })).toHaveProperty('value', 'Enterprise');
    expect(screen.getByRole('spinbutton', { name: /Review SLA/ })).toHaveProperty('value', '24');
    expect(screen.getByRole('checkbox', { name: 'Accept referrals automatically' })).toHaveProperty(
      'checked',
      false,
    );
    expect(screen.getByRole('checkbox', { name: 'Closed won' })).toHaveProperty('checked', true);
    expect(screen.getByRole('checkbox', { name: 'Meeting booked' })).toHaveProperty('checked', false);
    expect(screen.getByRole('group', { name: 'Question 1: Region' })).toBeTruthy();
    // The owner list loads, then names the rule's owner.
    expect(
      await routingRule(1).findByRole('option', { name: 'Ada Lovelace (sales)', selected: true }),
    ).toBeTruthy();
  });

  it('sends nothing when saved unchanged', async () => {
    const { server, user } = renderEditor();
    await user.click(save());
    expect(screen.getByText('Nothing to save: no setting was changed.')).toBeTruthy();
    expect(server.inputsOf(UPDATE)).toEqual([]);
  });

  it('sends only the settings the person changed', async () => {
    const { server, user } = renderEditor();
    const sla = screen.getByRole('spinbutton', { name: /Review SLA/ });
    await user.clear(sla);
    await user.type(sla, '12');
    await user.click(screen.getByRole('checkbox', { name: 'Meeting booked' }));
    await user.click(save());
    expect(await screen.findByText('Changes saved.')).toBeTruthy();
    expect(server.inputsOf(UPDATE)).toEqual([
      {
        id: 't1',
        changes: {
          slaHours: 12,
          referrerVisibleStages: ['submitted', 'accepted', 'meeting_booked', 'closed_won'],
        },
      },
    ]);
  });

  it('marks bad input with a message and sends nothing', async () => {
    const { server, user } = renderEditor();
    await user.clear(screen.getByRole('textbox', { name: /^Slug/ }));
    await user.type(screen.getByRole('textbox', { name: /^Slug/ }), 'Enterprise EMEA');
    await user.clear(screen.getByRole('textbox', { name: /^Landing page/ }));
    await user.type(screen.getByRole('textbox', { name: /^Landing page/ }), 'javascript:alert(1)');
    await user.click(save());
    expect(screen.getByText('Use lower-case letters, digits and single hyphens.')).toBeTruthy();
    expect(screen.getByText('Enter an http or https address, like https://example.com/.')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: /^Slug/ }).getAttribute('aria-invalid')).toBe('true');
    expect(server.inputsOf(UPDATE)).toEqual([]);
  });

  it('shows why the server refused, keeping everything typed', async () => {
    const { server, user } = renderEditor();
    server.on(UPDATE, () => {
      throw new FakeTrpcError('CONFLICT', 'Another track already uses the slug emea');
    });
    await user.clear(screen.getByRole('textbox', { name: /^Slug/ }));
    await user.type(screen.getByRole('textbox', { name: /^Slug/ }), 'emea');
    await user.click(save());
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Another track already uses the slug emea',
    );
    expect(screen.getByRole('textbox', { name: /^Slug/ })).toHaveProperty('value', 'emea');
  });
});

describe('the routing rules', () => {
  it('add a rule to the routing and send the routing alone', async () => {
    const { server, user } = renderEditor();
    await routingRule(1).findByRole('option', { name: 'Ada Lovelace (sales)', selected: true });
    await user.click(screen.getByRole('button', { name: 'Add routing rule' }));
    await user.selectOptions(routingRule(2).getByRole('combobox', { name: /When the answer to/ }), 'region');
    await user.type(routingRule(2).getByRole('textbox', { name: /Equals/ }), 'Americas');
    await user.selectOptions(routingRule(2).getByRole('combobox', { name: /Assign to/ }), 'u-grace');
    await user.selectOptions(screen.getByRole('combobox', { name: 'When no rule matches' }), 'round_robin');
    await user.click(save());
    await screen.findByText('Changes saved.');
    expect(server.inputsOf(UPDATE)).toEqual([
      {
        id: 't1',
        changes: {
          routing: {
            rules: [
              { field: 'region', equals: 'EMEA', ownerId: 'u-ada' },
              { field: 'region', equals: 'Americas', ownerId: 'u-grace' },
            ],
            fallback: 'round_robin',
          },
        },
      },
    ]);
  });

  it('ask for what a new rule is missing before anything is sent', async () => {
    const { server, user } = renderEditor();
    await user.click(screen.getByRole('button', { name: 'Add routing rule' }));
    await user.click(save());
    expect(routingRule(2).getByText('Choose a question.')).toBeTruthy();
    expect(routingRule(2).getByText('Enter the answer to match.')).toBeTruthy();
    expect(routingRule(2).getByText('Choose who gets these referrals.')).toBeTruthy();
    expect(server.inputsOf(UPDATE)).toEqual([]);
  });

  it('remove a rule', async () => {
    const { server, user } = renderEditor();
    await user.click(screen.getByRole('button', { name: 'Remove rule 1' }));
    await user.click(save());
    await screen.findByText('Changes saved.');
    expect(server.inputsOf(UPDATE)).toEqual([
      { id: 't1', changes: { routing: { rules: [], fallback: 'none' } } },
    ]);
  });
});

describe('a track whose routing was set over the API', () => {
  it('shows the pool and the rule values as stored', async () => {
    renderEditor(pooledTrack);
    const fallback = screen.getByRole('combobox', { name: 'When no rule matches' });
    expect(within(fallback).getByRole('option', { selected: true }).textContent).toBe(
      'Share out among chosen people (round robin)',
    );
    const pool = within(await screen.findByRole('group', { name: 'Share out among' }));
    expect(await pool.findByRole('checkbox', { name: 'Grace Hopper (manager)' })).toHaveProperty(
      'checked',
      true,
    );
    expect(pool.getByRole('checkbox', { name: 'Ada Lovelace (sales)' })).toHaveProperty('checked', true);
    expect(routingRule(1).getByRole('textbox', { name: /Equals/ })).toHaveProperty('value', '500');
  });

  it('saves another setting without touching the routing', async () => {
    const { server, user } = renderEditor(pooledTrack);
    await user.click(screen.getByRole('checkbox', { name: 'Accept referrals automatically' }));
    await user.click(save());
    await screen.findByText('Changes saved.');
    expect(server.inputsOf(UPDATE)).toEqual([{ id: 't2', changes: { autoAccept: true } }]);
  });

  it('sends the routing whole, pool and number values kept, when a rule changes', async () => {
    const { server, user } = renderEditor(pooledTrack);
    await routingRule(2).findByRole('option', { name: 'Grace Hopper (manager)' });
    await user.selectOptions(routingRule(2).getByRole('combobox', { name: /Assign to/ }), 'u-grace');
    await user.click(save());
    await screen.findByText('Changes saved.');
    expect(server.inputsOf(UPDATE)).toEqual([
      {
        id: 't2',
        changes: {
          routing: {
            rules: [
              { field: 'seats', equals: 500, ownerId: 'u-grace' },
              { field: 'region', equals: 'EMEA', ownerId: 'u-grace' },
              { field: 'legacyFlag', equals: true, ownerId: 'u-ada' },
            ],
            fallback: 'round_robin',
            pool: ['u-grace', 'u-ada'],
          },
        },
      },
    ]);
  });

  it('changes who the round robin shares out among', async () => {
    const { server, user } = renderEditor(pooledTrack);
    const pool = within(await screen.findByRole('group', { name: 'Share out among' }));
    await user.click(await pool.findByRole('checkbox', { name: 'Grace Hopper (manager)' }));
    await user.click(save());
    await screen.findByText('Changes saved.');
    expect(server.inputsOf(UPDATE)).toEqual([
      { id: 't2', changes: { routing: { ...pooledTrack.routing, pool: ['u-ada'] } } },
    ]);
  });
});

describe('choosing people to share out among', () => {
  it('asks for at least one person, marking the group and focusing its first choice', async () => {
    const { server, user } = renderEditor();
    await routingRule(1).findByRole('option', { name: 'Ada Lovelace (sales)', selected: true });
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'When no rule matches' }),
      'Share out among chosen people (round robin)',
    );
    await user.click(save());
    const pool = screen.getByRole('group', { name: 'Share out among' });
    expect(pool.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('alert').textContent).toContain(
      'Share out among: choose at least one person to share referrals out among.',
    );
    expect(document.activeElement).toBe(within(pool).getByRole('checkbox', { name: 'Ada Lovelace (sales)' }));
    await user.click(within(pool).getByRole('checkbox', { name: 'Grace Hopper (manager)' }));
    await user.click(save());
    await screen.findByText('Changes saved.');
    expect(server.inputsOf(UPDATE)).toEqual([
      { id: 't1', changes: { routing: { ...track.routing, fallback: 'round_robin', pool: ['u-grace'] } } },
    ]);
  });
});

describe('a track without portal copy of its own', () => {
  it("shows the default brand colour but does not save it as the track's own", async () => {
    const { server, user } = renderEditor(seededTrack);
    expect(screen.getByRole('textbox', { name: /Brand colour/ })).toHaveProperty('value', '#c2410c');
    await user.click(save());
    expect(screen.getByText('Nothing to save: no setting was changed.')).toBeTruthy();
    await user.type(screen.getByRole('textbox', { name: /^Headline/ }), 'Know a bank?');
    await user.click(save());
    await screen.findByText('Changes saved.');
    expect(server.inputsOf(UPDATE)).toEqual([
      { id: 't3', changes: { portalCopy: { headline: 'Know a bank?' } } },
    ]);
  });
});

describe('problems with a save', () => {
  function question(number: number) {
    return within(screen.getByRole('group', { name: new RegExp(`^Question ${number}`) }));
  }

  it('name the question and input the server refused, mark it and focus it', async () => {
    const { server, user } = renderEditor();
    server.on(UPDATE, () => {
      throw new FakeTrpcError('BAD_REQUEST', 'Invalid input', [
        { path: 'changes.form.fields.0.options', message: 'Too small: expected array to have >=1 items' },
      ]);
    });
    await user.click(screen.getByRole('checkbox', { name: 'Accept referrals automatically' }));
    await user.click(save());
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Question 1 · Choices: add at least one.');
    expect(alert.textContent).not.toContain('changes.form');
    const choices = question(1).getByRole('textbox', { name: /Choices/ });
    expect(choices.getAttribute('aria-invalid')).toBe('true');
    expect(question(1).getByText('Add at least one.')).toBeTruthy();
    expect(document.activeElement).toBe(choices);
  });

  it('place issues that come as zod paths in the message', async () => {
    const { server, user } = renderEditor();
    server.on(UPDATE, () => {
      throw new FakeTrpcError(
        'BAD_REQUEST',
        JSON.stringify([{ path: ['changes', 'slaHours'], message: 'Too big: expected number to be <=8760' }]),
      );
    });
    await user.click(screen.getByRole('checkbox', { name: 'Accept referrals automatically' }));
    await user.click(save());
    expect((await screen.findByRole('alert')).textContent).toContain(
      'Review SLA (hours): enter 8760 or less.',
    );
    const sla = screen.getByRole('spinbutton', { name: /Review SLA/ });
    expect(sla.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(sla);
  });

  it('catch repeated choices before sending, naming the question, and focus the first problem', async () => {
    const { server, user } = renderEditor();
    const choices = question(1).getByRole('textbox', { name: /Choices/ });
    await user.type(choices, '\nEMEA');
    await user.clear(screen.getByRole('textbox', { name: /Brand colour/ }));
    await user.type(screen.getByRole('textbox', { name: /Brand colour/ }), 'orange');
    await user.click(save());
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Question 1 · Choices: each choice may appear only once.');
    expect(alert.textContent).toContain('Brand colour: use a hex colour like #c2410c.');
    expect(choices.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(choices);
    expect(server.inputsOf(UPDATE)).toEqual([]);
  });
});

describe('the branding preview', () => {
  function previewCard() {
    const card = screen
      .getByText('Portal preview')
      .closest('figure')
      ?.querySelector('.branding-preview__card');
    if (!(card instanceof HTMLElement)) throw new Error('No preview card');
    return card;
  }

  it("paints the portal's primary button as the portal does, and warns of a colour hard to read", async () => {
    const { user } = renderEditor();
    const colour = screen.getByRole('textbox', { name: /Brand colour/ });
    expect(previewCard().style.getPropertyValue('--wp-color-primary')).toBe('#c2410c');
    expect(previewCard().style.getPropertyValue('--wp-color-primary-contrast')).toBe('#ffffff');
    await user.clear(colour);
    await user.type(colour, '#fde047');
    expect(previewCard().style.getPropertyValue('--wp-color-primary')).toBe('#fde047');
    expect(previewCard().style.getPropertyValue('--wp-color-primary-contrast')).toBe('#000000');
    expect(within(previewCard()).getByText('Refer a company').className).toContain('wp-button--primary');
    expect(screen.getByText(/This colour is hard to read/)).toBeTruthy();
    await user.clear(colour);
    await user.type(colour, '#1d4ed8');
    expect(screen.queryByText(/This colour is hard to read/)).toBeNull();
  });

  it('shows the description with its line breaks', async () => {
    const { user } = renderEditor();
    await user.type(screen.getByRole('textbox', { name: /^Description/ }), 'Banks.{Enter}Insurers.');
    const description = within(previewCard()).getByText(/Banks/);
    expect(description.textContent).toBe('Banks.\nInsurers.');
    expect(description.classList.contains('wp-multiline')).toBe(true);
  });
});
