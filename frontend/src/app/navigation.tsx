/**
 * Which pages exist for whom — the one place the dashboard looks at the signed-in user's roles
 * (from /v1/auth/me). It decides the side menu, the literacy section's menu and the guards
 * around each section (RequireRole in the router). What a user may do with an object on a page is
 * never decided here nor anywhere in the dashboard: each control reads the object's
 * `allowed_actions` (`can` in lib/allowed-actions.ts).
 */
import {
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  BarChartOutlined,
  DashboardOutlined,
  FlagOutlined,
  ReadOutlined,
  TeamOutlined,
  TrophyOutlined,
  UserOutlined,
} from '@ant-design/icons';
import type { ParseKeys } from 'i18next';
import type { ReactNode } from 'react';
import { paths } from '@/config/paths';
import type { LiteracyPage } from '@/features/literacy/components/literacy-nav';
import { STAFF_ROLES, hasAnyRole } from '@/lib/auth/roles';
import type { CurrentUser, Role } from '@/lib/auth/roles';

export interface NavItem {
  path: string;
  label: ParseKeys;
  icon: ReactNode;
  /** Roles that see the item and may open the page (and its sub-pages). */
  roles: readonly Role[];
}

export const access = {
  overview: STAFF_ROLES,
  movements: STAFF_ROLES,
  scoring: STAFF_ROLES,
  indices: STAFF_ROLES,
  literacy: STAFF_ROLES,
  accounts: ['admin'],
  // Everyone on the staff sees the unit tree; only what `allowed_actions` lists can be changed.
  units: STAFF_ROLES,
  apiClients: ['admin'],
  me: ['learner'],
  recognition: STAFF_ROLES,
  tasks: STAFF_ROLES,
} as const satisfies Record<string, readonly Role[]>;

export const NAV_ITEMS: readonly NavItem[] = [
  { path: paths.home, label: 'nav.overview', icon: <DashboardOutlined />, roles: access.overview },
  { path: paths.movements, label: 'nav.movements', icon: <FlagOutlined />, roles: access.movements },
  { path: paths.scoring, label: 'nav.scoring', icon: <TrophyOutlined />, roles: access.scoring },
  { path: paths.recognition, label: 'nav.recognition', icon: <AuditOutlined />, roles: access.recognition },
  { path: paths.indices, label: 'indices.nav', icon: <BarChartOutlined />, roles: access.indices },
  { path: paths.literacy, label: 'nav.literacy', icon: <ReadOutlined />, roles: access.literacy },
  { path: paths.units, label: 'admin.nav.units', icon: <ApartmentOutlined />, roles: access.units },
  { path: paths.accounts, label: 'nav.accounts', icon: <TeamOutlined />, roles: access.accounts },
  { path: paths.apiClients, label: 'admin.nav.apiClients', icon: <ApiOutlined />, roles: access.apiClients },
  { path: paths.me, label: 'nav.me', icon: <UserOutlined />, roles: access.me },
];

/** Who may open each page of the literacy section: the learner register and imports are for administrators and unit managers. */
export const LITERACY_PAGE_ROLES: Record<LiteracyPage, readonly Role[]> = {
  coverage: STAFF_ROLES,
  learners: ['admin', 'manager'],
  courses: STAFF_ROLES,
  imports: ['admin', 'manager'],
};

/** Whether `user` may open a page guarded by `roles`. */
export function mayOpen(user: Pick<CurrentUser, 'roles'> | null | undefined, roles: readonly Role[]): boolean {
  return hasAnyRole(user, roles);
}

/** The side-menu items `user` sees. */
export function navItemsFor(user: Pick<CurrentUser, 'roles'>): NavItem[] {
  return NAV_ITEMS.filter((item) => mayOpen(user, item.roles));
}

/** The literacy section's pages `user` sees in its menu. */
export function literacyPagesFor(user: Pick<CurrentUser, 'roles'>): LiteracyPage[] {
  return (Object.keys(LITERACY_PAGE_ROLES) as LiteracyPage[]).filter((page) => mayOpen(user, LITERACY_PAGE_ROLES[page]));
}
