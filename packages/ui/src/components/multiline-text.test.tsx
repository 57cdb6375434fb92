import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { MultilineText } from './multiline-text.js';

describe('multiline text', () => {
  it('keeps line breaks and paragraphs as typed, styled to show them', () => {
    render(<MultilineText text={'We refer banks.\nAnd insurers.\n\nAsk us anything.'} className="extra" />);
    const text = screen.getByText(/We refer banks/);
    expect(text.tagName).toBe('P');
    expect(text.textContent).toBe('We refer banks.\nAnd insurers.\n\nAsk us anything.');
    expect(text.className).toBe('wp-multiline extra');
  });

  it('shows markup as text instead of rendering it', () => {
    const { container } = render(<MultilineText text={'<img src=x onerror="alert(1)"><b>bold</b>'} />);
    expect(container.querySelector('img, b')).toBeNull();
    expect(container.textContent).toBe('<img src=x onerror="alert(1)"><b>bold</b>');
  });
});
