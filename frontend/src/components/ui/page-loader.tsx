import { Flex, Spin } from 'antd';
import { useTranslation } from 'react-i18next';

export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Flex role="status" justify="center" align="center" gap="small" style={{ padding: 48 }}>
      <Spin aria-hidden />
      <span>{t('app.loading')}</span>
    </Flex>
  );
}
