import { PlaceholderPage } from './placeholder-page';

export function ScoringRoute() {
  return <PlaceholderPage title="pages.scoring" />;
}
