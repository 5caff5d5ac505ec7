import { Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '@/config/paths';

/** The section's pages. */
export type LiteracyPage = 'coverage' | 'learners' | 'courses' | 'imports';

const PAGES: { key: LiteracyPage; path: string }[] = [
  { key: 'coverage', path: paths.literacy },
  { key: 'learners', path: paths.literacyLearners },
  { key: 'courses', path: paths.literacyCourses },
  { key: 'imports', path: paths.literacyImports },
];

/**
 * The section's pages as links in a horizontal menu (each a route of its own, so they can be
 * bookmarked); `visible` are those the user may open (app/navigation.tsx decides).
 */
export function LiteracyNav({ active, visible }: { active: LiteracyPage; visible: readonly LiteracyPage[] }) {
  const { t } = useTranslation();
  const pages = PAGES.filter((page) => visible.includes(page.key));
  return (
    <nav aria-label={t('literacy.nav.label')}>
      <Menu
        mode="horizontal"
        // Items wrap instead of collapsing into a "…" menu (whose hidden items stayed focusable: axe).
        disabledOverflow
        selectedKeys={[active]}
        style={{ marginBottom: 16, minWidth: 0, flexWrap: 'wrap' }}
        items={pages.map((page) => ({
          key: page.key,
          label: (
            <Link to={page.path} aria-current={page.key === active ? 'page' : undefined}>
              {t(`literacy.nav.${page.key}`)}
            </Link>
          ),
        }))}
      />
    </nav>
  );
}
