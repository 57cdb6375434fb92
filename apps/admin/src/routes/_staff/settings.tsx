import { createFileRoute, useNavigate } from '@tanstack/react-router';
import { Card, PageHeader, Tabs } from '@warmpath/ui';
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
  component: SettingsPage,
});

function SettingsPage() {
  const { user } = Route.useRouteContext();
  const { tab } = Route.useSearch();
  const navigate = useNavigate({ from: Route.fullPath });
  return (
    <>
      <PageHeader
        title="Settings"
        description="Who can use the console, the keys integrations use, and the webhooks Warmpath sends."
      />
      <Card>
        <Tabs
          label="Settings sections"
          selectedId={tab ?? 'users'}
          onSelect={(id) =>
            void navigate({
              search: id === 'api-keys' || id === 'webhooks' ? { tab: id } : {},
              replace: true,
            })
          }
          items={[
            { id: 'users', label: 'Staff', content: <UsersPanel currentUserId={user.id} /> },
            { id: 'api-keys', label: 'API keys', content: <ApiKeysPanel /> },
            { id: 'webhooks', label: 'Webhooks', content: <WebhooksPanel /> },
          ]}
        />
      </Card>
    </>
  );
}
