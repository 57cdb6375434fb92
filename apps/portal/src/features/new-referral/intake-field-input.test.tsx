import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { IntakeFieldInput } from './intake-field-input.js';
import type { IntakeField } from './intake-form.js';

function render(field: IntakeField, error?: string, value?: string | string[]) {
  const html = renderToStaticMarkup(
    <IntakeFieldInput field={field} value={value} onChange={() => {}} error={error} />,
  );
  return { html, container: { tagWithId: (id: string) => openingTag(html, id) } };
}

/** The opening tag of the element with this id: enough HTML inspection here, without a DOM library. */
function openingTag(html: string, id: string): string {
  const match = new RegExp(`<[a-z]+[^>]*\\bid="${id}"[^>]*>`).exec(html);
  if (!match) throw new Error(`No element with id ${id} in ${html}`);
  return match[0];
}

describe('a question of the track’s form', () => {
  it('uses the input type its field type calls for, labelled with the question', () => {
    for (const [type, inputType] of [
      ['number', 'number'],
      ['email', 'email'],
      ['url', 'url'],
      ['date', 'date'],
      ['text', 'text'],
    ] as const) {
      const { html, container } = render({ key: 'q', label: 'The question', type, required: false });
      const input = container.tagWithId('referral-answers-q');
      expect(input).toContain(`type="${inputType}"`);
      expect(html).toContain('<label class="wp-field__label" for="referral-answers-q">The question');
    }
  });

  it('marks a required question for sight and for screen readers', () => {
    const { html, container } = render({ key: 'seats', label: 'Seats', type: 'number', required: true });
    expect(html).toContain('aria-hidden="true"> *</span>');
    expect(container.tagWithId('referral-answers-seats')).toContain('required=""');
  });

  it('shows the server’s error under the field and ties it to the input', () => {
    const { html, container } = render(
      { key: 'seats', label: 'Seats', type: 'number', required: true },
      'Enter a number',
    );
    const input = container.tagWithId('referral-answers-seats');
    expect(input).toContain('aria-invalid="true"');
    expect(input).toContain('aria-describedby="referral-answers-seats-error"');
    expect(html).toContain('id="referral-answers-seats-error" class="wp-field__error">Enter a number</p>');
  });

  it('offers a select’s options after an empty “Choose…” so nothing is picked by accident', () => {
    const { html, container } = render(
      { key: 'urgency', label: 'Urgency', type: 'select', required: false, options: ['Low', 'High'] },
      undefined,
      'High',
    );
    expect(container.tagWithId('referral-answers-urgency').startsWith('<select')).toBe(true);
    expect(html).toMatch(
      /<option value="">Choose…<\/option><option value="Low">Low<\/option><option value="High" selected="">High<\/option>/,
    );
  });

  it('asks a multiselect as a group of checkboxes named by the question', () => {
    const { html } = render(
      {
        key: 'products',
        label: 'Products',
        type: 'multiselect',
        required: true,
        options: ['CRM', 'Billing'],
      },
      undefined,
      ['Billing'],
    );
    expect(html).toMatch(/<fieldset[^>]*><legend class="wp-field__label">Products/);
    expect(html.match(/type="checkbox"/g)).toHaveLength(2);
    expect(html).toMatch(
      /<input id="[^"]+" type="checkbox" checked=""\/><label for="[^"]+">Billing<\/label>/,
    );
  });

  it('gives a long answer a text area', () => {
    const { container } = render({ key: 'scope', label: 'Scope', type: 'textarea', required: false });
    expect(container.tagWithId('referral-answers-scope').startsWith('<textarea')).toBe(true);
  });
});
