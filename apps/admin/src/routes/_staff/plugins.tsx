import { useQuery } from '@tanstack/react-query';
import { createFileRoute } from '@tanstack/react-router';
import { Card, EmptyState, Icon, LoadingState, PageHeader } from '@warmpath/ui';
import { PermissionRequired } from '../../access/permission-required.js';
import { useCan } from '../../access/use-can.js';
import { trpc } from '../../api/trpc.js';
import { QueryErrorState } from '../../features/errors/query-error-state.js';
import { PluginInstanceHealth } from '../../features/plugins/plugin-instance-health.js';
import { PluginInstanceSwitch } from '../../features/plugins/plugin-instance-switch.js';
import { PluginSettingsForm } from '../../features/plugins/plugin-settings-form.js';
import { PluginsTable } from '../../features/plugins/plugins-table.js';

export const Route = createFileRoute('/_staff/plugins')({
  loader: ({ context: { queryClient, trpc } }) => {
    void queryClient.prefetchQuery(trpc.admin.system.status.queryOptions());
  },
  head: () => ({ meta: [{ title: 'Plugins · Warmpath Admin' }] }),
  component: () => (
    <PermissionRequired permission="plugins:read">
      <PluginsPage />
    </PermissionRequired>
  ),
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
            Built-in plugins plus those named in <code>WARMPATH_PLUGINS</code>. Their settings are below.
          </>
        }
        isFlush
      >
        {status.isPending ? (
          <LoadingState label="Loading plugins…" />
        ) : status.isError ? (
          <QueryErrorState title="Plugins could not load" headingLevel={3} query={status} />
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
      <PluginSettingsSection />
    </>
  );
}

/** Each installed plugin's health and settings form per instance, with its connection test. */
function PluginSettingsSection() {
  const canManage = useCan('plugins:manage');
  const plugins = useQuery(trpc.admin.plugins.list.queryOptions());
  if (plugins.isPending) return <LoadingState label="Loading plugin settings…" />;
  if (plugins.isError) {
    return <QueryErrorState title="Plugin settings could not load" query={plugins} />;
  }
  return (
    <div className="form-stack section-top">
      {plugins.data.map((plugin) => (
        <Card
          key={plugin.id}
          title={`${plugin.displayName ?? plugin.id} settings`}
          description={plugin.description ?? `Version ${plugin.version}`}
        >
          <div className="form-stack">
            {plugin.instances.map((instance) => (
              <section
                key={instance.instance}
                className="form-stack"
                aria-label={`Instance ${instance.instance}`}
              >
                {plugin.instances.length > 1 ? (
                  <h3 className="chart-heading">Instance {instance.instance}</h3>
                ) : null}
                <PluginInstanceHealth health={instance.health} status={instance.status} />
                {canManage ? <PluginInstanceSwitch pluginId={plugin.id} instance={instance} /> : null}
                <PluginSettingsForm plugin={plugin} instance={instance} isReadOnly={!canManage} />
              </section>
            ))}
          </div>
        </Card>
      ))}
    </div>
  );
}
