import { PlaceholderPage } from './placeholder-page';

export function MyProgressRoute() {
  return <PlaceholderPage title="pages.me" />;
}
