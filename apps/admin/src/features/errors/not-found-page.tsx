import { Link } from '@tanstack/react-router';
import { buttonClassName, EmptyState } from '@warmpath/ui';

/** Shown for a console address that matches no page. */
export function NotFoundPage() {
  return (
    <EmptyState
      title="Page not found"
      headingLevel={1}
      description="This address does not match any page of the console. It may have moved, or the link may be mistyped."
      action={
        <Link to="/" className={buttonClassName({ variant: 'secondary' })}>
          Go to the dashboard
        </Link>
      }
    />
  );
}
