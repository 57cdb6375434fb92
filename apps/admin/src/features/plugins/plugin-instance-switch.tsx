import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, FormAlert } from '@warmpath/ui';
import { describeError } from '../../api/errors.js';
import { trpc } from '../../api/trpc.js';
import type { InstalledPlugin } from '../../api/types.js';

/** Props of {@link PluginInstanceSwitch}. */
export interface PluginInstanceSwitchProps {
  pluginId: string;
  instance: InstalledPlugin['instances'][number];
}

/**
 * Turns a plugin instance off or back on. Every running server follows within seconds (no restart): a turned-off
 * instance stops answering its routes and webhooks and the engines stop calling it; its settings are kept.
 */
export function PluginInstanceSwitch({ pluginId, instance }: PluginInstanceSwitchProps) {
  const queryClient = useQueryClient();
  const setEnabled = useMutation(
    trpc.admin.plugins.setEnabled.mutationOptions({
      onSettled: () =>
        Promise.all([
          queryClient.invalidateQueries({ queryKey: trpc.admin.plugins.list.queryKey() }),
          queryClient.invalidateQueries({ queryKey: trpc.admin.system.status.queryKey() }),
        ]),
    }),
  );
  const isOff = instance.status === 'disabled';
  return (
    <div className="form-stack">
      {setEnabled.isError ? (
        <FormAlert title={isOff ? 'The instance was not turned on' : 'The instance was not turned off'}>
          {describeError(setEnabled.error)}
        </FormAlert>
      ) : null}
      <div className="button-row">
        <Button
          variant="secondary"
          size="sm"
          isLoading={setEnabled.isPending}
          onClick={() => setEnabled.mutate({ pluginId, instance: instance.instance, enabled: isOff })}
        >
          {isOff ? 'Turn on' : 'Turn off'}
        </Button>
      </div>
    </div>
  );
}
