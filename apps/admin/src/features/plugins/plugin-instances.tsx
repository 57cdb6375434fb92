import { Badge } from '@warmpath/ui';
import type { LoadedPlugin } from '../../api/types.js';

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
            {instance.status === 'active' ? (
              <Badge tone="success">Active</Badge>
            ) : (
              <Badge tone="danger">Settings invalid</Badge>
            )}
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
