import type { ReactNode } from 'react';

/**
 * Why a form was not accepted, at its top. `role="alert"` makes screen readers announce it as it appears, while
 * everything the user typed stays in the fields.
 */
export function FormAlert({ children }: { children: ReactNode }) {
  return (
    <div className="portal-notice portal-notice--danger" role="alert">
      {children}
    </div>
  );
}
