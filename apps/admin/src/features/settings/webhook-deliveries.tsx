import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Badge, Button, EmptyState, FormAlert, formatDateTime, Skeleton, Table } from '@warmpath/ui';
import { useCan } from '../../access/use-can.js';
import { describeError } from '../../api/errors.js';
import { trpc } from '../../api/trpc.js';
import { useCursorPages } from '../../api/use-cursor-pages.js';
import { QueryErrorState } from '../errors/query-error-state.js';
import { LoadMoreButton } from '../lists/load-more-button.js';

const statusTones = { pending: 'warning', succeeded: 'success', failed: 'danger' } as const;

/** The delivery log of one endpoint, newest first, with a way to send a delivery again. */
export function WebhookDeliveries({ endpointId }: { endpointId: string }) {
  const canRedeliver = useCan('webhooks:write');
  const queryClient = useQueryClient();
  const deliveries = useCursorPages(endpointId, (cursor) =>
    trpc.admin.webhooks.deliveries.queryOptions({ endpointId, limit: 20, ...(cursor ? { cursor } : {}) }),
  );
  const redeliver = useMutation(
    trpc.admin.webhooks.redeliver.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.admin.webhooks.deliveries.pathKey() }),
    }),
  );
  if (deliveries.isPending) return <Skeleton lines={3} label="Loading deliveries…" />;
  if (deliveries.isError) {
    return <QueryErrorState title="Deliveries could not load" headingLevel={3} query={deliveries} />;
  }
  return (
    <div className="form-stack">
      {redeliver.isError ? <FormAlert>{describeError(redeliver.error)}</FormAlert> : null}
      <Table
        caption="Deliveries"
        rows={deliveries.pages.flatMap((page) => page.data)}
        rowKey={(delivery) => delivery.id}
        empty={<EmptyState headingLevel={3} title="Nothing sent yet" />}
        columns={[
          {
            id: 'event',
            header: 'Event',
            isRowHeader: true,
            cell: (delivery) => <code>{delivery.eventType}</code>,
          },
          {
            id: 'status',
            header: 'Status',
            cell: (delivery) => <Badge tone={statusTones[delivery.status]}>{delivery.status}</Badge>,
          },
          {
            id: 'answer',
            header: 'Last answer',
            cell: (delivery) =>
              delivery.lastError ?? (delivery.lastStatusCode ? `HTTP ${delivery.lastStatusCode}` : '—'),
          },
          { id: 'attempts', header: 'Attempts', align: 'end', cell: (delivery) => delivery.attempts },
          {
            id: 'at',
            header: 'Created',
            hideOnSmallScreens: true,
            cell: (delivery) => formatDateTime(delivery.createdAt),
          },
          {
            id: 'actions',
            header: <span className="wp-visually-hidden">Actions</span>,
            align: 'end',
            cell: (delivery) =>
              canRedeliver ? (
                <Button
                  size="sm"
                  variant="secondary"
                  isLoading={redeliver.isPending && redeliver.variables?.deliveryId === delivery.id}
                  onClick={() => redeliver.mutate({ deliveryId: delivery.id })}
                >
                  Send again<span className="wp-visually-hidden"> {delivery.eventType}</span>
                </Button>
              ) : null,
          },
        ]}
      />
      <LoadMoreButton query={deliveries} />
    </div>
  );
}
