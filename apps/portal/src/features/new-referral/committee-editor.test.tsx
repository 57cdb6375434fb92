import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CommitteeEditor } from './committee-editor.js';
import { emptyContact } from './referral-draft.js';

const roles = [
  { value: 'champion', label: 'Champion' },
  { value: 'decision_maker', label: 'Decision maker' },
];

function render(count: number, errors: Record<string, string> = {}) {
  const contacts = Array.from({ length: count }, (_, index) => emptyContact(`c${index}`));
  return renderToStaticMarkup(
    <CommitteeEditor
      contacts={contacts}
      roles={roles}
      errors={errors}
      onChange={() => {}}
      newContactId={() => 'n'}
    />,
  );
}

describe('the buying committee editor', () => {
  it('names each person’s group and fields, so two contacts never share a label', () => {
    const html = render(2);
    expect(html).toContain('<legend class="committee__legend">Contact 1</legend>');
    expect(html).toContain('<legend class="committee__legend">Contact 2</legend>');
    expect(html).toContain('<span class="wp-visually-hidden">Contact 2 </span>Email');
    expect(html).toContain('<option value="decision_maker">Decision maker</option>');
  });

  it('lets a contact be removed only while another remains', () => {
    expect(render(1)).not.toContain('Remove contact');
    const html = render(2);
    expect(html).toContain('Remove contact 1');
    expect(html).toContain('Remove contact 2');
    expect(html).toContain('Add another contact');
  });

  it('shows each error under the field of the person it is about', () => {
    const html = render(2, { 'contacts.1.email': 'Enter a valid email' });
    expect(html).toMatch(/id="referral-contacts-1-email"[^>]*aria-invalid="true"/);
    expect(html).not.toMatch(/id="referral-contacts-0-email"[^>]*aria-invalid="true"/);
    expect(html).toContain(
      'id="referral-contacts-1-email-error" class="wp-field__error">Enter a valid email',
    );
  });

  it('stops offering more people at the most a referral can name', () => {
    expect(render(20)).not.toContain('Add another contact');
  });
});
