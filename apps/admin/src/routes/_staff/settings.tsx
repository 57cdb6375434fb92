import { createFileRoute } from '@tanstack/react-router';
import { ComingSoonPage } from '../../features/coming-soon/coming-soon-page.js';

export const Route = createFileRoute('/_staff/settings')({
  head: () => ({ meta: [{ title: 'Settings · Warmpath Admin' }] }),
  component: () => (
    <ComingSoonPage
      title="Settings"
      icon="settings"
      description="Your team, API keys, webhooks and the program’s branding."
      plannedCapabilities={[
        'Invite staff and choose their roles',
        'Create, scope and revoke API keys',
        'Add webhook endpoints and redeliver failed deliveries',
      ]}
    />
  ),
});
