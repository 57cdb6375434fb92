import { createFileRoute, useNavigate } from '@tanstack/react-router';
import { Card, PageHeader, Tabs } from '@warmpath/ui';
import { PermissionRequired } from '../../access/permission-required.js';
import { useCan } from '../../access/use-can.js';
import { ApiKeysPanel } from '../../features/settings/api-keys-panel.js';
import { UsersPanel } from '../../features/settings/users-panel.js';
import { WebhooksPanel } from '../../features/settings/webhooks-panel.js';

interface SettingsSearch {
  tab?: 'api-keys' | 'webhooks' | undefined;
}

export const Route = createFileRoute('/_staff/settings')({
  validateSearch: (search: Record<string, unknown>): SettingsSearch =>
    search.tab === 'api-keys' || search.tab === 'webhooks' ? { tab: search.tab } : {},
  head: () => ({ meta: [{ title: 'Settings · Warmpath Admin' }] }),
  component: () => (
    <PermissionRequired permission="users:read">
      <SettingsPage />
    </PermissionRequired>
  ),
});

function SettingsPage() {
  const { tab } = Route.useSearch();
  const navigate = useNavigate({ from: Route.fullPath });
  // Each tab only for roles that can load it (the page itself needs users:read).
  const canManageKeys = useCan('api_keys:manage');
  const canReadWebhooks = useCan('webhooks:read');
  const tabs = [
    { id: 'users', label: 'Staff', content: <UsersPanel /> },
    ...(canManageKeys ? [{ id: 'api-keys', label: 'API keys', content: <ApiKeysPanel /> }] : []),
    ...(canReadWebhooks ? [{ id: 'webhooks', label: 'Webhooks', content: <WebhooksPanel /> }] : []),
  ];
  const selectedId = tabs.some((item) => item.id === tab) ? (tab ?? 'users') : 'users';
  return (
    <>
      <PageHeader
        title="Settings"
        description="Who can use the console, the keys integrations use, and the webhooks Warmpath sends."
      />
      <Card>
        <Tabs
          label="Settings sections"
          selectedId={selectedId}
          onSelect={(id) =>
            void navigate({
              search: id === 'api-keys' || id === 'webhooks' ? { tab: id } : {},
              replace: true,
            })
          }
          items={tabs}
        />
      </Card>
    </>
  );
}
