/** Props of {@link BrandMark}. */
export interface BrandMarkProps {
  /** The surface, shown after the name ("Admin", "Portal"). */
  product?: string;
}

/** The Warmpath logo and name. */
export function BrandMark({ product }: BrandMarkProps) {
  return (
    <span className="wp-brand">
      <svg
        className="wp-brand__mark"
        width="28"
        height="28"
        viewBox="0 0 28 28"
        aria-hidden="true"
        focusable="false"
      >
        <rect width="28" height="28" rx="7" fill="var(--wp-color-primary)" />
        <path
          d="M7 19c3.5 0 4-10 7-10s3.5 10 7 10"
          fill="none"
          stroke="var(--wp-color-primary-contrast)"
          strokeWidth="2.5"
          strokeLinecap="round"
        />
        <circle cx="21" cy="19" r="2" fill="var(--wp-color-primary-contrast)" />
      </svg>
      <span className="wp-brand__name">Warmpath</span>
      {product ? <span className="wp-brand__product">{product}</span> : null}
    </span>
  );
}
