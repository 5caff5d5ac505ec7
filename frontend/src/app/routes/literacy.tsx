import { PlaceholderPage } from './placeholder-page';

export function LiteracyRoute() {
  return <PlaceholderPage title="pages.literacy" />;
}
