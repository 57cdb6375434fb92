import { Badge, type BadgeTone } from '@warmpath/ui';
import type { LoadedPlugin } from '../../api/types.js';

const STATUS: Record<LoadedPlugin['instances'][number]['status'], { label: string; tone: BadgeTone }> = {
  active: { label: 'Active', tone: 'success' },
  disabled: { label: 'Turned off', tone: 'neutral' },
  'invalid-settings': { label: 'Settings invalid', tone: 'danger' },
};

/** Props of {@link PluginInstances}. */
export interface PluginInstancesProps {
  instances: LoadedPlugin['instances'];
}

/** Each instance of a plugin: whether it runs, what it registered, and what stops it when it does not. */
export function PluginInstances({ instances }: PluginInstancesProps) {
  if (instances.length === 0) return <span className="muted">No instances</span>;
  return (
    <ul className="plugin-instances">
      {instances.map((instance) => (
        <li key={instance.instance} className="plugin-instances__item">
          <span className="plugin-instances__heading">
            <code>{instance.instance}</code>
            <Badge tone={STATUS[instance.status].tone}>{STATUS[instance.status].label}</Badge>
          </span>
          {instance.problems.length > 0 ? (
            <ul className="plugin-instances__problems">
              {instance.problems.map((problem) => (
                <li key={problem}>{problem}</li>
              ))}
            </ul>
          ) : null}
          {instance.implementations.length > 0 ? (
            <span className="badge-list">
              {instance.implementations.map((implementation) => (
                <Badge key={implementation} tone="accent">
                  {implementation}
                </Badge>
              ))}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
