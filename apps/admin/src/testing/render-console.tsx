import { createMemoryHistory, createRouter, RouterProvider } from '@tanstack/react-router';
import { queryClient, trpc } from '../api/trpc.js';
import { routeTree } from '../routeTree.gen.js';
import { renderWithClient } from './render-with-client.js';

/**
 * Renders the whole console (route guards, shell, sidebar, page) at `path`, as the browser would after opening that
 * address; answers come from the fake tRPC server the test installed.
 */
export function renderConsoleAt(path: string) {
  const router = createRouter({
    routeTree,
    history: createMemoryHistory({ initialEntries: [path] }),
    context: { queryClient, trpc },
  });
  return renderWithClient(<RouterProvider router={router} />);
}
