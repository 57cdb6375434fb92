import { useQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { Card, EmptyState, ErrorState, Icon, LoadingState, PageHeader } from '@warmpath/ui';
import { describeError } from '../../api/errors.js';
import { trpc } from '../../api/trpc.js';
import { PluginsTable } from '../../features/plugins/plugins-table.js';

export const Route = createFileRoute('/_staff/plugins')({
  loader: ({ context: { queryClient, trpc } }) => {
    void queryClient.prefetchQuery(trpc.admin.system.status.queryOptions());
  },
  head: () => ({ meta: [{ title: 'Plugins · Warmpath Admin' }] }),
  component: PluginsPage,
});

function PluginsPage() {
  const status = useQuery(trpc.admin.system.status.queryOptions());
  return (
    <>
      <PageHeader
        title="Plugins"
        description="CRM connectors, reward providers, fraud rules and other extensions loaded by this installation."
      />
      <Card
        title="Loaded plugins"
        description={
          <>
            Built-in plugins plus those named in <code>WARMPATH_PLUGINS</code>. Settings forms and connection
            tests arrive in a later release.
          </>
        }
        isFlush
      >
        {status.isPending ? (
          <LoadingState label="Loading plugins…" />
        ) : status.isError ? (
          <ErrorState
            title="Plugins could not load"
            headingLevel={3}
            message={describeError(status.error)}
            onRetry={() => void status.refetch()}
            isRetrying={status.isRefetching}
          />
        ) : (
          <PluginsTable
            plugins={status.data.plugins}
            empty={
              <EmptyState
                icon={<Icon name="plugins" size={24} />}
                headingLevel={3}
                title="No plugins loaded"
                description={
                  <>
                    Add plugin packages to <code>WARMPATH_PLUGINS</code> and restart the server to load them.
                  </>
                }
              />
            }
          />
        )}
      </Card>
    </>
  );
}
