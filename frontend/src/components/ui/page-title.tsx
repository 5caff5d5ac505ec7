import { Typography } from 'antd';
import { useEffect } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface PageTitleProps {
  /** The page's name, already translated: the <h1> and the start of the tab's title. */
  title: string;
  /** Buttons or links shown beside the heading. */
  extra?: ReactNode;
}

/** The one <h1> of a page; also sets `document.title` ("Phong trào thi đua · Thi Đua Số"). */
export function PageTitle({ title, extra }: PageTitleProps) {
  const { t } = useTranslation();
  const appName = t('app.name');
  useEffect(() => {
    document.title = `${title} · ${appName}`;
    return () => {
      document.title = appName;
    };
  }, [title, appName]);
  return (
    <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: 12, marginBottom: 16 }}>
      <Typography.Title level={1} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {extra}
    </div>
  );
}
