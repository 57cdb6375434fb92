import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { SelectField } from './select-field.js';
import { TextAreaField } from './text-area-field.js';
import { TextField } from './text-field.js';

/** The attributes of the first element matching `tag` in `html`. */
function attributesOf(html: string, tag: string): Record<string, string> {
  const element = html.match(new RegExp(`<${tag}\\b([^>]*)>`))?.[1] ?? '';
  return Object.fromEntries(
    [...element.matchAll(/([\w-]+)="([^"]*)"/g)].map((match) => [match[1], match[2]]),
  );
}

describe('form fields', () => {
  it('tie the label, hint and error to the control, and mark it invalid and required', () => {
    const fields = {
      input: <TextField id="name" label="Name" hint="As on the contract" error="Required" required />,
      textarea: <TextAreaField id="name" label="Name" hint="As on the contract" error="Required" required />,
      select: (
        <SelectField
          id="name"
          label="Name"
          hint="As on the contract"
          error="Required"
          required
          options={[]}
        />
      ),
    };
    for (const [tag, field] of Object.entries(fields)) {
      const html = renderToStaticMarkup(field);
      expect(attributesOf(html, 'label').for, tag).toBe('name');
      expect(attributesOf(html, tag)).toMatchObject({
        id: 'name',
        'aria-invalid': 'true',
        'aria-describedby': 'name-hint name-error',
      });
      expect(html).toContain('<p id="name-hint" class="wp-field__hint">As on the contract</p>');
      expect(html).toContain('<p id="name-error" class="wp-field__error">Required</p>');
      expect(html).toContain('wp-field--invalid');
      expect(html).toMatch(/<span class="wp-field__required" aria-hidden="true"> \*<\/span>/);
    }
  });

  it('leave out what a valid field without a hint has no use for', () => {
    const html = renderToStaticMarkup(<TextField id="email" label="Email" />);
    expect(attributesOf(html, 'input')).not.toHaveProperty('aria-describedby');
    expect(attributesOf(html, 'input')).not.toHaveProperty('aria-invalid');
    expect(html).not.toContain('wp-field__required');
  });

  it('keep a text field caller’s own description, read before the hint', () => {
    const html = renderToStaticMarkup(
      <TextField id="code" label="Code" hint="8 characters" aria-describedby="code-counter" />,
    );
    expect(attributesOf(html, 'input')['aria-describedby']).toBe('code-counter code-hint');
  });
});
