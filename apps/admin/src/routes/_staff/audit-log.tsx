import { createFileRoute } from '@tanstack/react-router';
import { ComingSoonPage } from '../../features/coming-soon/coming-soon-page.js';

export const Route = createFileRoute('/_staff/audit-log')({
  head: () => ({ meta: [{ title: 'Audit log · Warmpath Admin' }] }),
  component: () => (
    <ComingSoonPage
      title="Audit log"
      icon="audit"
      description="An append-only record of every change: who did what, to what, and when."
      plannedCapabilities={[
        'Browse changes by person, action and target',
        'Compare the before and after of each change',
        'Export entries for compliance reviews',
      ]}
      meanwhile={
        <>
          Meanwhile, the log can be read through the REST API at <code>/api/v1/audit-log</code>.
        </>
      }
    />
  ),
});
