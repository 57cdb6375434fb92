import '@warmpath/ui/styles.css';
import './app.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { watchForExpiredSession } from './api/session-expiry.js';
import { queryClient, trpc } from './api/trpc.js';
import { router } from './router.js';

watchForExpiredSession(queryClient, () => {
  // Forget the signed-in user; re-running the route guards then sends the user to sign in, and back afterwards.
  queryClient.setQueryData(trpc.auth.me.queryKey(), null);
  void router.invalidate();
});

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain an element with id "root"');

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
