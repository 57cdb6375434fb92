import { useQuery } from '@tanstack/react-query';
import { Badge, Card, KeyValueList, LoadingState } from '@warmpath/ui';
import { trpc } from '../../api/trpc.js';
import type { LoadedPlugin, SystemStatus } from '../../api/types.js';
import { QueryErrorState } from '../errors/query-error-state.js';
import { databaseLabel, isEmbeddedSetup, jobQueueLabel, modeLabel } from './system-status-labels.js';

/** What this installation runs on: the facts an operator (or a support request) needs first. */
export function SystemStatusCard() {
  const status = useQuery(trpc.admin.system.status.queryOptions());
  return (
    <Card title="System" description="This installation">
      {status.isPending ? (
        <LoadingState label="Loading system status…" />
      ) : status.isError ? (
        <QueryErrorState title="Status could not load" headingLevel={3} query={status} />
      ) : (
        <SystemStatusDetails status={status.data} />
      )}
    </Card>
  );
}

function SystemStatusDetails({ status }: { status: SystemStatus }) {
  return (
    <div className="system-status">
      <KeyValueList
        items={[
          { label: 'Version', value: <code>{status.version}</code> },
          { label: 'Mode', value: modeLabel(status.mode) },
          { label: 'Database', value: databaseLabel(status.database) },
          { label: 'Job queue', value: jobQueueLabel(status.jobs) },
          { label: 'Public URL', value: <code>{status.publicUrl}</code> },
          {
            label: 'Plugins',
            value:
              status.plugins.length === 0 ? (
                'None loaded'
              ) : (
                <span className="badge-list">
                  {status.plugins.map((plugin) => (
                    <Badge key={plugin.id} tone={hasInvalidInstance(plugin) ? 'danger' : 'neutral'}>
                      {plugin.id}
                    </Badge>
                  ))}
                </span>
              ),
          },
        ]}
      />
      {isEmbeddedSetup(status) ? (
        <p className="system-status__note">
          Running on the embedded defaults. For production, set <code>DATABASE_URL</code> and{' '}
          <code>REDIS_URL</code>.
        </p>
      ) : null}
    </div>
  );
}

function hasInvalidInstance(plugin: LoadedPlugin): boolean {
  return plugin.instances.some((instance) => instance.status !== 'active');
}
