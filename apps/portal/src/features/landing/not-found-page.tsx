import { Link } from '@tanstack/react-router';
import { buttonClassName, EmptyState } from '@warmpath/ui';

/** Shown for a portal address that matches no page. */
export function NotFoundPage() {
  return (
    <EmptyState
      title="Page not found"
      headingLevel={1}
      description="This link does not lead anywhere in the referral portal. It may be mistyped or out of date."
      action={
        <Link to="/" className={buttonClassName({ variant: 'secondary' })}>
          Go to the program page
        </Link>
      }
    />
  );
}
