import { Table } from '@warmpath/ui';
import type { ReactNode } from 'react';
import type { LoadedPlugin } from '../../api/types.js';
import { PluginInstances } from './plugin-instances.js';

/** Props of {@link PluginsTable}. */
export interface PluginsTableProps {
  plugins: ReadonlyArray<LoadedPlugin>;
  empty: ReactNode;
}

/** The plugins this installation loaded, with the state of each instance. */
export function PluginsTable({ plugins, empty }: PluginsTableProps) {
  return (
    <Table
      caption="Loaded plugins"
      isCaptionHidden
      rows={plugins}
      rowKey={(plugin) => plugin.id}
      empty={empty}
      columns={[
        { id: 'id', header: 'Plugin', isRowHeader: true, cell: (plugin) => <code>{plugin.id}</code> },
        { id: 'version', header: 'Version', cell: (plugin) => plugin.version },
        {
          id: 'instances',
          header: 'Instances',
          cell: (plugin) => <PluginInstances instances={plugin.instances} />,
        },
      ]}
    />
  );
}
