import { CheckCircleFilled, CloseCircleFilled, LoadingOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Tag } from 'antd';
import { useId } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SERVICES, serviceHealthKeys, useServiceHealth } from '../api/get-service-health';
import type { Service } from '../api/get-service-health';

function ServiceStatusRow({ service }: { service: Service }) {
  const { t } = useTranslation();
  const nameId = useId();
  const health = useServiceHealth(service);

  let state: ReactNode;
  if (health.isPending) {
    state = (
      <Tag icon={<LoadingOutlined aria-hidden />} color="default">
        {t('status.state.checking')}
      </Tag>
    );
  } else if (health.isError) {
    state = (
      <Tag icon={<CloseCircleFilled aria-hidden />} color="error">
        {t('status.state.down')}
      </Tag>
    );
  } else {
    state = (
      <Tag icon={<CheckCircleFilled aria-hidden />} color="success">
        {t('status.state.up')}
      </Tag>
    );
  }

  return (
    <li
      aria-labelledby={nameId}
      style={{
        display: 'flex',
        justifyContent: 'space-between',
        alignItems: 'center',
        gap: 16,
        padding: '8px 0',
      }}
    >
      <span id={nameId}>{t(`status.services.${service}`)}</span>
      {state}
    </li>
  );
}

export function SystemStatusPanel() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const titleId = useId();

  return (
    <Card
      title={<h2 id={titleId} style={{ margin: 0, fontSize: 'inherit', whiteSpace: 'normal' }}>{t('status.title')}</h2>}
      extra={
        <Button
          icon={<ReloadOutlined aria-hidden />}
          onClick={() => void queryClient.invalidateQueries({ queryKey: serviceHealthKeys.all })}
        >
          {t('status.refresh')}
        </Button>
      }
    >
      <ul aria-labelledby={titleId} aria-live="polite" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {SERVICES.map((service) => (
          <ServiceStatusRow key={service} service={service} />
        ))}
      </ul>
    </Card>
  );
}
