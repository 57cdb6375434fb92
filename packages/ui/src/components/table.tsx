import type { ReactNode } from 'react';
import { cx } from '../class-names.js';

/** One column of a {@link Table}. */
export interface TableColumn<Row> {
  /** Stable key of the column (React key). */
  id: string;
  header: ReactNode;
  /** What the cell of this column shows for a row. */
  cell: (row: Row) => ReactNode;
  align?: 'start' | 'end';
  /** Marks the column whose cell names the row; it becomes the row header for screen readers. */
  isRowHeader?: boolean;
  /** Hides the column on narrow screens (secondary detail). */
  hideOnSmallScreens?: boolean;
}

/** Props of {@link Table}. */
export interface TableProps<Row> {
  /** Says what the table lists; required for accessibility, hide it visually with `isCaptionHidden`. */
  caption: string;
  isCaptionHidden?: boolean;
  columns: ReadonlyArray<TableColumn<Row>>;
  rows: ReadonlyArray<Row>;
  rowKey: (row: Row) => string;
  /** Shown instead of the table when there are no rows. */
  empty?: ReactNode;
}

/**
 * A data table. It scrolls horizontally inside its own focusable region on narrow screens instead of
 * stretching the page.
 */
export function Table<Row>({
  caption,
  isCaptionHidden = false,
  columns,
  rows,
  rowKey,
  empty,
}: TableProps<Row>) {
  if (rows.length === 0 && empty !== undefined) return <>{empty}</>;
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to scroll it.
    <section className="wp-table-scroll" aria-label={caption} tabIndex={0}>
      <table className="wp-table">
        <caption className={cx('wp-table__caption', isCaptionHidden && 'wp-visually-hidden')}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.id} scope="col" className={columnClassName(column)}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) =>
                column.isRowHeader ? (
                  <th key={column.id} scope="row" className={columnClassName(column)}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.id} className={columnClassName(column)}>
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

function columnClassName<Row>(column: TableColumn<Row>): string {
  return cx(
    column.align === 'end' && 'wp-table__cell--end',
    column.hideOnSmallScreens && 'wp-table__cell--wide-only',
  );
}
