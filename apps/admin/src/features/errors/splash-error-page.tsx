import type { ErrorComponentProps } from '@tanstack/react-router';
import { BrandMark, SplashLayout } from '@warmpath/ui';
import { RouteErrorPage } from './route-error-page.js';

/** A page-load failure outside the console frame (the sign-in check itself failed, so there is no frame yet). */
export function SplashErrorPage(props: ErrorComponentProps) {
  return (
    <SplashLayout brand={<BrandMark product="Admin" />}>
      <RouteErrorPage {...props} />
    </SplashLayout>
  );
}
