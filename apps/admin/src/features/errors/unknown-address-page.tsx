import { BrandMark, Card, SplashLayout } from '@warmpath/ui';
import { NotFoundPage } from './not-found-page.js';

/** An address outside every console page, shown on its own (the visitor may not be signed in). */
export function UnknownAddressPage() {
  return (
    <SplashLayout brand={<BrandMark product="Admin" />}>
      <Card>
        <NotFoundPage />
      </Card>
    </SplashLayout>
  );
}
