import { PlaceholderPage } from './placeholder-page';

export function AccountsRoute() {
  return <PlaceholderPage title="pages.accounts" />;
}
