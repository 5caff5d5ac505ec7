import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  FilePdfOutlined,
  SafetyCertificateOutlined,
  SyncOutlined,
} from '@ant-design/icons';
import { Card, Empty, Progress, Space, Tag, Typography } from 'antd';
import type { ParseKeys } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useFormatters } from '@/lib/format';
import { useCompetenceNames } from '../api/get-competences';
import { certificatePdfUrl, certificateVerifyUrl, useMyProgress } from '../api/get-my-progress';
import type { CourseProgress, MyProgress } from '../api/get-my-progress';

const STATUS_LOOK: Record<CourseProgress['status'], { color: string; icon: ReactNode; label: ParseKeys }> = {
  enrolled: { color: 'default', icon: <ClockCircleOutlined />, label: 'me.status.enrolled' },
  in_progress: { color: 'processing', icon: <SyncOutlined />, label: 'me.status.in_progress' },
  completed: { color: 'success', icon: <CheckCircleOutlined />, label: 'me.status.completed' },
  failed: { color: 'error', icon: <CloseCircleOutlined />, label: 'me.status.failed' },
};

function CourseCard({ course }: { course: CourseProgress }) {
  const { t } = useTranslation();
  const { date, number } = useFormatters();
  const look = STATUS_LOOK[course.status];
  const progress = course.status === 'completed' ? 100 : course.progress;
  return (
    <li>
      <Card size="small">
        <Typography.Title level={3} style={{ fontSize: 16, marginTop: 0 }}>
          {course.title}
        </Typography.Title>
        <Space wrap size={[8, 4]} style={{ marginBottom: 4 }}>
          <Tag color={look.color} icon={look.icon}>
            {t(look.label)}
          </Tag>
          <Typography.Text type="secondary">{t('me.hours', { hours: number(course.hours) })}</Typography.Text>
        </Space>
        <Progress
          percent={progress}
          status={course.status === 'failed' ? 'exception' : course.status === 'completed' ? 'success' : 'normal'}
          format={(value) => `${number(value ?? 0)}%`}
          aria-label={t('me.progressOf', { course: course.title })}
        />
        {course.completed_on && (
          <Typography.Paragraph style={{ margin: 0 }}>{t('me.completedOn', { date: date(course.completed_on) })}</Typography.Paragraph>
        )}
      </Card>
    </li>
  );
}

const listStyle = { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: 12 } as const;

export interface MyProgressViewProps {
  progress: MyProgress;
  /** Competence code → name; codes alone while the names load (or if they cannot). */
  competenceNames?: ReadonlyMap<string, string>;
}

/** What the page shows once the progress is loaded (separate, so tests can give it data directly). */
export function MyProgressView({ progress, competenceNames }: MyProgressViewProps) {
  const { t } = useTranslation();
  const { date, number } = useFormatters();
  const completed = progress.courses.filter((course) => course.status === 'completed').length;
  const certificates = progress.courses.filter(
    (course): course is CourseProgress & { certificate_code: string } => !!course.certificate_code,
  );

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      {progress.full_name && <Typography.Paragraph style={{ margin: 0 }}>{t('me.greeting', { name: progress.full_name })}</Typography.Paragraph>}
      <Card size="small">
        <dl style={{ display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))', gap: 8, margin: 0, textAlign: 'center' }}>
          <div>
            <dt>{t('me.summary.courses')}</dt>
            <dd style={{ margin: 0, fontSize: 22, fontWeight: 600 }}>{number(progress.courses.length)}</dd>
          </div>
          <div>
            <dt>{t('me.summary.completed')}</dt>
            <dd style={{ margin: 0, fontSize: 22, fontWeight: 600 }}>{number(completed)}</dd>
          </div>
          <div>
            <dt>{t('me.summary.hours')}</dt>
            <dd style={{ margin: 0, fontSize: 22, fontWeight: 600 }}>{number(progress.hours_completed)}</dd>
          </div>
        </dl>
      </Card>

      <section aria-labelledby="me-courses">
        <Typography.Title level={2} id="me-courses" style={{ fontSize: 18 }}>
          {t('me.courses')}
        </Typography.Title>
        {progress.courses.length === 0 ? (
          <Empty description={t('me.noCourses')} />
        ) : (
          <ul style={listStyle}>
            {progress.courses.map((course) => (
              <CourseCard key={course.course_code} course={course} />
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="me-certificates">
        <Typography.Title level={2} id="me-certificates" style={{ fontSize: 18 }}>
          {t('me.certificates')}
        </Typography.Title>
        {certificates.length === 0 ? (
          <Typography.Paragraph type="secondary">{t('me.noCertificates')}</Typography.Paragraph>
        ) : (
          <ul style={listStyle}>
            {certificates.map((course) => (
              <li key={course.certificate_code}>
                <Card size="small">
                  <Typography.Text strong>
                    <SafetyCertificateOutlined aria-hidden /> {course.title}
                  </Typography.Text>
                  <Typography.Paragraph style={{ margin: '4px 0' }}>
                    {t('me.certificateCode')} <span translate="no">{course.certificate_code}</span>
                    {course.completed_on && <> · {date(course.completed_on)}</>}
                  </Typography.Paragraph>
                  <Space wrap>
                    <Typography.Link href={certificateVerifyUrl(course.certificate_code)} target="_blank" rel="noopener">
                      {t('me.verify')}
                    </Typography.Link>
                    <Typography.Link href={certificatePdfUrl(course.certificate_code)} target="_blank" rel="noopener" download={`${course.certificate_code}.pdf`}>
                      <FilePdfOutlined aria-hidden /> {t('me.pdf')}
                    </Typography.Link>
                  </Space>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="me-competences">
        <Typography.Title level={2} id="me-competences" style={{ fontSize: 18 }}>
          {t('me.competences')}
        </Typography.Title>
        {progress.competences.length === 0 ? (
          <Typography.Paragraph type="secondary">{t('me.noCompetences')}</Typography.Paragraph>
        ) : (
          <ul style={{ ...listStyle, gap: 8 }}>
            {progress.competences.map((competence) => {
              const name = competenceNames?.get(competence.code);
              return (
                <li key={competence.code} style={{ display: 'flex', gap: 8, alignItems: 'baseline' }}>
                  <CheckCircleOutlined aria-hidden style={{ color: '#1677ff' }} />
                  <span>
                    <span translate="no">{competence.code}</span>
                    {name && <> {name}</>} · {t('me.level', { level: competence.level })}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </Space>
  );
}

/** The learner's own progress: courses, certificates, competences, hours. */
export function MyProgressPanel() {
  const { t } = useTranslation();
  const progress = useMyProgress();
  const competenceNames = useCompetenceNames();
  if (progress.isPending) return <Typography.Paragraph>{t('app.loading')}</Typography.Paragraph>;
  if (progress.isError) return <ProblemAlert error={progress.error} messages={{ 404: t('me.notFound') }} />;
  return <MyProgressView progress={progress.data} competenceNames={competenceNames.data} />;
}
