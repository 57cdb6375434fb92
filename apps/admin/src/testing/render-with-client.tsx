import { QueryClientProvider } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { onTestFinished } from 'vitest';
import { queryClient } from '../api/trpc.js';

/**
 * Renders a piece of the console with the app's own query client (the one its `trpc` helpers are bound to),
 * emptied when the test ends so no answer leaks into the next test.
 */
export function renderWithClient(ui: ReactElement) {
  onTestFinished(() => queryClient.clear());
  return render(<QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>);
}
