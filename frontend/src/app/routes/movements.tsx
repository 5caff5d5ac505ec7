import { PlaceholderPage } from './placeholder-page';

export function MovementsRoute() {
  return <PlaceholderPage title="pages.movements" />;
}
