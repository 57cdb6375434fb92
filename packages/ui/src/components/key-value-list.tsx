import type { ReactNode } from 'react';

/** One row of a {@link KeyValueList}. */
export interface KeyValueItem {
  label: ReactNode;
  value: ReactNode;
}

/** Props of {@link KeyValueList}. */
export interface KeyValueListProps {
  items: ReadonlyArray<KeyValueItem>;
}

/** Labelled facts (settings, status) as a description list. */
export function KeyValueList({ items }: KeyValueListProps) {
  return (
    <dl className="wp-kv">
      {items.map((item, index) => (
        // The list is static for a render and labels may be elements, so position is the stable key.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above.
        <div className="wp-kv__row" key={index}>
          <dt className="wp-kv__label">{item.label}</dt>
          <dd className="wp-kv__value">{item.value}</dd>
        </div>
      ))}
    </dl>
  );
}
