/**
 * The side menu and who may open each page: one table, read by the shell (which
 * items show) and by the router (RequireRole around each page).
 */
import {
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
import { STAFF_ROLES } from '@/lib/auth/roles';
import type { Role } from '@/lib/auth/roles';

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
  /** Starting and editing movements (the API decides per organising unit). */
  movementsManage: ['admin', 'manager'],
  scoring: STAFF_ROLES,
  literacy: STAFF_ROLES,
  accounts: ['admin'],
  me: ['learner'],
} as const satisfies Record<string, readonly Role[]>;

export const NAV_ITEMS: readonly NavItem[] = [
  { path: paths.home, label: 'nav.overview', icon: <DashboardOutlined />, roles: access.overview },
  { path: paths.movements, label: 'nav.movements', icon: <FlagOutlined />, roles: access.movements },
  { path: paths.scoring, label: 'nav.scoring', icon: <TrophyOutlined />, roles: access.scoring },
  { path: paths.literacy, label: 'nav.literacy', icon: <ReadOutlined />, roles: access.literacy },
  { path: paths.accounts, label: 'nav.accounts', icon: <TeamOutlined />, roles: access.accounts },
  { path: paths.me, label: 'nav.me', icon: <UserOutlined />, roles: access.me },
];
