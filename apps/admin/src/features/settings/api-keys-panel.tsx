import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Badge,
  Button,
  CheckboxField,
  EmptyState,
  Fieldset,
  FormAlert,
  formatDateTime,
  Skeleton,
  Table,
  TextField,
} from '@warmpath/ui';
import { type FormEvent, useState } from 'react';
import { describeError } from '../../api/errors.js';
import { trpc } from '../../api/trpc.js';
import type { ApiScope } from '../../api/types.js';
import { toggled } from '../../lib/toggled.js';
import { QueryErrorState } from '../errors/query-error-state.js';
import { CreateThenRevealDialog } from '../secrets/create-then-reveal-dialog.js';

const SCOPES: ReadonlyArray<ApiScope> = [
  'tracks:read',
  'tracks:write',
  'participants:read',
  'participants:write',
  'referrals:read',
  'referrals:write',
  'referrals:review',
  'events:write',
  'webhooks:read',
  'webhooks:write',
  'audit:read',
  'api-keys:read',
  'api-keys:write',
  'plugins:read',
  'plugins:write',
];

/** API keys of the REST API: list, create (the secret is shown once), revoke. */
export function ApiKeysPanel() {
  const queryClient = useQueryClient();
  const keys = useQuery(trpc.admin.apiKeys.list.queryOptions());
  const [isCreating, setIsCreating] = useState(false);
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<ApiScope[]>([]);
  const create = useMutation(
    trpc.admin.apiKeys.create.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.admin.apiKeys.list.queryKey() }),
    }),
  );
  const revoke = useMutation(
    trpc.admin.apiKeys.revoke.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.admin.apiKeys.list.queryKey() }),
    }),
  );
  function close() {
    setIsCreating(false);
    setName('');
    setScopes([]);
    create.reset();
  }
  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate({ name, scopes });
  }

  return (
    <div className="form-stack">
      <div>
        <Button onClick={() => setIsCreating(true)}>Create API key</Button>
      </div>
      {revoke.isError ? <FormAlert>{describeError(revoke.error)}</FormAlert> : null}
      {keys.isPending ? (
        <Skeleton lines={3} label="Loading API keys…" />
      ) : keys.isError ? (
        <QueryErrorState title="API keys could not load" headingLevel={3} query={keys} />
      ) : (
        <Table
          caption="API keys"
          isCaptionHidden
          rows={keys.data}
          rowKey={(key) => key.id}
          empty={
            <EmptyState
              headingLevel={3}
              title="No API keys"
              description="Integrations call the REST API with a key."
            />
          }
          columns={[
            {
              id: 'name',
              header: 'Name',
              isRowHeader: true,
              cell: (key) => (
                <span className="stacked-cell">
                  <span>{key.name}</span>
                  <code className="muted-text">{key.prefix}…</code>
                </span>
              ),
            },
            { id: 'scopes', header: 'Scopes', cell: (key) => key.scopes.join(', ') },
            {
              id: 'used',
              header: 'Last used',
              hideOnSmallScreens: true,
              cell: (key) => (key.lastUsedAt ? formatDateTime(key.lastUsedAt) : 'Never'),
            },
            {
              id: 'status',
              header: 'Status',
              cell: (key) => (key.revokedAt ? <Badge>Revoked</Badge> : <Badge tone="success">Active</Badge>),
            },
            {
              id: 'actions',
              header: <span className="wp-visually-hidden">Actions</span>,
              align: 'end',
              cell: (key) =>
                key.revokedAt ? null : (
                  <Button
                    size="sm"
                    variant="danger"
                    isLoading={revoke.isPending && revoke.variables?.id === key.id}
                    onClick={() => revoke.mutate({ id: key.id })}
                  >
                    Revoke<span className="wp-visually-hidden"> {key.name}</span>
                  </Button>
                ),
            },
          ]}
        />
      )}
      <CreateThenRevealDialog
        isOpen={isCreating}
        onClose={close}
        formId="create-api-key-form"
        title="Create an API key"
        description="Give the key a name that says where it is used, and only the scopes it needs."
        submitLabel="Create key"
        isSubmitting={create.isPending}
        onSubmit={submit}
        error={create.isError ? describeError(create.error) : null}
        errorTitle="No key was created"
        revealed={
          create.data
            ? { createdName: create.data.apiKey.name, secret: create.data.key, copyLabel: 'Copy key' }
            : null
        }
        revealTitle="Copy the new key now"
        revealDescription="This is the only time the key is shown. Store it in your integration’s secret store."
      >
        <TextField label="Name" required value={name} onChange={(event) => setName(event.target.value)} />
        <Fieldset legend="Scopes">
          <div className="checkbox-grid">
            {SCOPES.map((scope) => (
              <CheckboxField
                key={scope}
                label={scope}
                checked={scopes.includes(scope)}
                onChange={(event) => setScopes((current) => toggled(current, scope, event.target.checked))}
              />
            ))}
          </div>
        </Fieldset>
      </CreateThenRevealDialog>
    </div>
  );
}
