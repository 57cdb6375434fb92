import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CopyButton } from './copy-button.js';

describe('the copy button', () => {
  it('puts the value on the clipboard and says so', async () => {
    const user = userEvent.setup();
    render(<CopyButton value="https://x.example/r/abc" label="Copy link" context="for Enterprise" />);
    await user.click(screen.getByRole('button', { name: 'Copy link for Enterprise' }));
    expect(await navigator.clipboard.readText()).toBe('https://x.example/r/abc');
    expect(screen.getByRole('status').textContent).toBe('Copied to the clipboard');
    expect(screen.getByRole('button').textContent).toContain('Copied');
  });

  it('says to copy by hand where the clipboard refuses', async () => {
    const user = userEvent.setup();
    render(<CopyButton value="secret" />);
    vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValueOnce(new Error('denied'));
    await user.click(screen.getByRole('button', { name: 'Copy' }));
    expect(screen.getByRole('status').textContent).toBe('Copy failed: select the text and copy it');
  });
});
