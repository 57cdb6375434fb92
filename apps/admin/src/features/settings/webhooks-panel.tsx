import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Badge,
  Button,
  CheckboxField,
  Dialog,
  EmptyState,
  Fieldset,
  FormAlert,
  Skeleton,
  Table,
  TextField,
} from '@warmpath/ui';
import { type FormEvent, useState } from 'react';
import { useCan } from '../../access/use-can.js';
import { describeError } from '../../api/errors.js';
import { trpc } from '../../api/trpc.js';
import type { WebhookEndpointItem, WebhookEventChoice } from '../../api/types.js';
import { toggled } from '../../lib/toggled.js';
import { QueryErrorState } from '../errors/query-error-state.js';
import { CreateThenRevealDialog } from '../secrets/create-then-reveal-dialog.js';
import { WebhookDeliveries } from './webhook-deliveries.js';

const EVENTS: ReadonlyArray<{ value: WebhookEventChoice; label: string }> = [
  { value: '*', label: 'Every event (including future ones)' },
  { value: 'participant.created', label: 'participant.created' },
  { value: 'referral.created', label: 'referral.created' },
  { value: 'referral.status_changed', label: 'referral.status_changed' },
  { value: 'referral.sla_breached', label: 'referral.sla_breached' },
];

/**
 * Outbound webhook endpoints: add one (its signing secret shown once), enable/disable, read its delivery log.
 * Roles that may only read webhooks see the endpoints and their logs, without the buttons that change them.
 */
export function WebhooksPanel() {
  const canWrite = useCan('webhooks:write');
  const queryClient = useQueryClient();
  const endpoints = useQuery(trpc.admin.webhooks.list.queryOptions({ limit: 200 }));
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.admin.webhooks.list.pathKey() });
  const update = useMutation(trpc.admin.webhooks.update.mutationOptions({ onSuccess: refresh }));
  const [isCreating, setIsCreating] = useState(false);
  const [openLog, setOpenLog] = useState<WebhookEndpointItem | null>(null);

  return (
    <div className="form-stack">
      {canWrite ? (
        <div>
          <Button onClick={() => setIsCreating(true)}>Add endpoint</Button>
        </div>
      ) : null}
      {update.isError ? <FormAlert>{describeError(update.error)}</FormAlert> : null}
      {endpoints.isPending ? (
        <Skeleton lines={3} label="Loading webhook endpoints…" />
      ) : endpoints.isError ? (
        <QueryErrorState title="Webhook endpoints could not load" headingLevel={3} query={endpoints} />
      ) : (
        <Table
          caption="Webhook endpoints"
          isCaptionHidden
          rows={endpoints.data.data}
          rowKey={(endpoint) => endpoint.id}
          empty={
            <EmptyState
              headingLevel={3}
              title="No webhook endpoints"
              description="Add one to have Warmpath tell your systems about new referrals and stage changes."
            />
          }
          columns={[
            {
              id: 'url',
              header: 'URL',
              isRowHeader: true,
              cell: (endpoint) => (
                <span className="stacked-cell">
                  <code>{endpoint.url}</code>
                  {endpoint.description ? <span className="muted-text">{endpoint.description}</span> : null}
                </span>
              ),
            },
            { id: 'events', header: 'Events', cell: (endpoint) => endpoint.events.join(', ') },
            {
              id: 'status',
              header: 'Status',
              cell: (endpoint) =>
                endpoint.disabledAt ? <Badge>Disabled</Badge> : <Badge tone="success">Enabled</Badge>,
            },
            {
              id: 'actions',
              header: <span className="wp-visually-hidden">Actions</span>,
              align: 'end',
              cell: (endpoint) => (
                <span className="button-row">
                  <Button size="sm" variant="secondary" onClick={() => setOpenLog(endpoint)}>
                    Deliveries<span className="wp-visually-hidden"> of {endpoint.url}</span>
                  </Button>
                  {canWrite ? (
                    <Button
                      size="sm"
                      variant={endpoint.disabledAt ? 'secondary' : 'danger'}
                      onClick={() =>
                        update.mutate({ id: endpoint.id, changes: { enabled: Boolean(endpoint.disabledAt) } })
                      }
                    >
                      {endpoint.disabledAt ? 'Enable' : 'Disable'}
                      <span className="wp-visually-hidden"> {endpoint.url}</span>
                    </Button>
                  ) : null}
                </span>
              ),
            },
          ]}
        />
      )}
      <CreateEndpointDialog isOpen={isCreating} onClose={() => setIsCreating(false)} onCreated={refresh} />
      <Dialog
        isOpen={openLog !== null}
        onClose={() => setOpenLog(null)}
        title="Deliveries"
        description={openLog?.url}
      >
        {openLog ? <WebhookDeliveries endpointId={openLog.id} /> : null}
      </Dialog>
    </div>
  );
}

function CreateEndpointDialog({
  isOpen,
  onClose,
  onCreated,
}: {
  isOpen: boolean;
  onClose: () => void;
  onCreated: () => Promise<void>;
}) {
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<WebhookEventChoice[]>(['*']);
  const create = useMutation(trpc.admin.webhooks.create.mutationOptions({ onSuccess: onCreated }));
  function close() {
    setUrl('');
    setDescription('');
    setEvents(['*']);
    create.reset();
    onClose();
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ url, events, ...(description.trim() ? { description } : {}) });
  }
  return (
    <CreateThenRevealDialog
      isOpen={isOpen}
      onClose={close}
      formId="create-webhook-form"
      title="Add a webhook endpoint"
      description="Warmpath sends signed JSON to this URL and retries until it answers 2xx."
      submitLabel="Add endpoint"
      isSubmitting={create.isPending}
      onSubmit={submit}
      error={create.isError ? describeError(create.error) : null}
      errorTitle="The endpoint was not added"
      revealed={
        create.data
          ? { createdName: create.data.url, secret: create.data.secret, copyLabel: 'Copy secret' }
          : null
      }
      revealTitle="Copy the signing secret now"
      revealDescription="Verify every delivery with this secret (Standard Webhooks). It is shown only this once."
    >
      <TextField
        label="URL"
        type="url"
        required
        placeholder="https://example.com/webhooks/warmpath"
        value={url}
        onChange={(event) => setUrl(event.target.value)}
      />
      <TextField
        label="Description"
        value={description}
        onChange={(event) => setDescription(event.target.value)}
      />
      <Fieldset legend="Events">
        {EVENTS.map((choice) => (
          <CheckboxField
            key={choice.value}
            label={choice.label}
            checked={events.includes(choice.value)}
            onChange={(event) => setEvents((current) => toggled(current, choice.value, event.target.checked))}
          />
        ))}
      </Fieldset>
    </CreateThenRevealDialog>
  );
}
