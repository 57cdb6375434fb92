import { useQuery } from '@tanstack/react-query';
import { FormAlert } from '@warmpath/ui';
import { trpc } from '../../api/trpc.js';

/**
 * Says so when the program holds the made-up activity a first start seeds, so nobody reads its charts and
 * referrals as real ones. Nothing while loading, on error, or for a program of its own.
 */
export function DemoDataNotice() {
  const status = useQuery(trpc.admin.system.status.queryOptions());
  if (!status.data?.demoData) return null;
  return (
    <FormAlert tone="info" title="Demo data" className="demo-data-notice">
      The referrers, referrals and clicks here were made up on first start to show the console (every address
      is on a <code>.example</code> domain). For a program of your own, start on an empty data directory with{' '}
      <code>WARMPATH_DEMO=false</code>.
    </FormAlert>
  );
}
