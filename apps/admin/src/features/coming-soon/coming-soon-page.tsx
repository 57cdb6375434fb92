import { Card, EmptyState, Icon, type IconName, PageHeader } from '@warmpath/ui';
import type { ReactNode } from 'react';

/** Props of {@link ComingSoonPage}. */
export interface ComingSoonPageProps {
  title: string;
  /** What the section is for, in one sentence. */
  description: string;
  icon: IconName;
  /** What the finished page will let staff do. */
  plannedCapabilities: ReadonlyArray<string>;
  /** How to get at the same data today, if there is a way (usually the REST API). */
  meanwhile?: ReactNode;
}

/** An honest placeholder for a console section that is planned but not built yet. */
export function ComingSoonPage({
  title,
  description,
  icon,
  plannedCapabilities,
  meanwhile,
}: ComingSoonPageProps) {
  return (
    <>
      <PageHeader title={title} description={description} />
      <Card>
        <EmptyState
          className="coming-soon__state"
          icon={<Icon name={icon} size={24} />}
          title="Coming soon"
          description={<>This part of the console is not built yet. When it is, you will be able to:</>}
        />
        <ul className="coming-soon__list">
          {plannedCapabilities.map((capability) => (
            <li key={capability}>{capability}</li>
          ))}
        </ul>
        {meanwhile ? <p className="coming-soon__meanwhile">{meanwhile}</p> : null}
      </Card>
    </>
  );
}
