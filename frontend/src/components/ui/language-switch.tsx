import { CheckOutlined } from '@ant-design/icons';
import { Button, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { SUPPORTED_LANGUAGES, currentLanguage } from '@/lib/i18n';

/**
 * Two toggle buttons in a labelled group. Each is a real <button> (Tab, Enter,
 * Space) with aria-pressed; the active one also carries a check mark, so the
 * state is not shown by colour alone.
 */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const active = currentLanguage();

  return (
    <Space.Compact role="group" aria-label={t('language.label')}>
      {SUPPORTED_LANGUAGES.map((language) => {
        const pressed = language === active;
        return (
          <Button
            key={language}
            lang={language}
            aria-pressed={pressed}
            type={pressed ? 'primary' : 'default'}
            icon={pressed ? <CheckOutlined aria-hidden /> : undefined}
            onClick={() => {
              if (!pressed) void i18n.changeLanguage(language);
            }}
          >
            {t(`language.${language}`)}
          </Button>
        );
      })}
    </Space.Compact>
  );
}
