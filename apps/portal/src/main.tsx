import '@warmpath/ui/styles.css';
import './portal.css';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { queryClient, trpc } from './api/trpc.js';
import { sendSignedOutToSignIn } from './features/session/send-signed-out-to-sign-in.js';
import { router } from './router.js';

const container = document.getElementById('root');
if (!container) throw new Error('index.html must contain an element with id "root"');

sendSignedOutToSignIn(queryClient, trpc, router);

createRoot(container).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
