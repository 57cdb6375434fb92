import { buttonClassName } from '@warmpath/ui';

/** Props of {@link CsvExportLink}. */
export interface CsvExportLinkProps {
  /** Which list: `/admin/export/<list>.csv`. */
  list: 'referrals' | 'participants';
  /** The list's current filters; empty values are left out. */
  filters: Record<string, string | boolean | undefined>;
}

/** The address of a CSV export with the list's filters as query parameters. */
export function csvExportHref({ list, filters }: CsvExportLinkProps): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value !== undefined && value !== '' && value !== false) params.set(key, String(value));
  }
  const query = params.toString();
  return `/admin/export/${list}.csv${query ? `?${query}` : ''}`;
}

/**
 * Downloads the list as CSV, filtered as it is shown. A plain link: the browser sends the session cookie and
 * saves the streamed file itself.
 */
export function CsvExportLink(props: CsvExportLinkProps) {
  return (
    <a className={buttonClassName({ variant: 'secondary' })} href={csvExportHref(props)} download>
      Export CSV
    </a>
  );
}
