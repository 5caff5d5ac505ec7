import { App, Alert, Button, Card, Descriptions, Form, Input, InputNumber, Modal, Select, DatePicker, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { paths, verifyPath } from '@/config/paths';
import { can } from '@/lib/allowed-actions';
import type { LiteracySchemas } from '@/lib/api/services';
import { applyFieldErrors } from '@/lib/form-errors';
import { useFormatters } from '@/lib/format';
import { useCourses } from '../api/get-courses';
import { useClasses } from '../api/get-classes';
import type { Learner } from '../api/get-learners';
import { useEraseLearner, useLearner, useLearnerRecords, usePatchLearner, useRecordTraining, useRevokeCertificate } from '../api/learner';
import type { RecordIn, TrainingRecord } from '../api/learner';
import { CATEGORY_LABELS, GENDER_LABELS, RECORD_STATUS_LABELS } from '../labels';
import { LearnerFormModal } from './learner-form';

/**
 * One learner: what is stored (masked), a correction, the erasure (after a confirmation that says what it
 * does), the training records with their certificates, recording a course, revoking a certificate. Each
 * button shows when the learner's or the record's `allowed_actions` has it.
 */
export function LearnerDetail({ learnerId }: { learnerId: string }) {
  const { t } = useTranslation();
  const { date, dateTime } = useFormatters();
  const { message } = App.useApp();
  const detail = useLearner(learnerId);
  const patch = usePatchLearner(learnerId);
  const [dialog, setDialog] = useState<'edit' | 'erase' | 'record' | null>(null);
  const learner = detail.data?.learner;

  if (!learner) {
    return <ProblemAlert error={detail.error} messages={{ 404: t('literacy.learner.notFound') }} />;
  }
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Link to={paths.literacyLearners}>{t('literacy.learner.back')}</Link>
      {learner.erased && <Alert type="info" showIcon title={t('literacy.learner.erasedNote')} />}
      <Card
        title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{learner.full_name ?? t('literacy.learners.erased')}</Typography.Title>}
        extra={
          <Space wrap>
            {can(learner, 'edit') && <Button onClick={() => { setDialog('edit'); }}>{t('literacy.learner.edit')}</Button>}
            {can(learner, 'erase') && <Button danger onClick={() => { setDialog('erase'); }}>{t('literacy.learner.erase')}</Button>}
          </Space>
        }
      >
        <Descriptions size="small" column={{ xs: 1, sm: 2 }}>
          <Descriptions.Item label={t('literacy.learners.nationalId')}><span translate="no">{learner.national_id_masked ?? '–'}</span></Descriptions.Item>
          <Descriptions.Item label={t('literacy.learners.dateOfBirth')}>{date(learner.date_of_birth)}</Descriptions.Item>
          <Descriptions.Item label={t('literacy.learners.gender')}>{t(GENDER_LABELS[learner.gender])}</Descriptions.Item>
          <Descriptions.Item label={t('literacy.learners.category')}>{t(CATEGORY_LABELS[learner.category])}</Descriptions.Item>
          <Descriptions.Item label={t('literacy.learners.commune')}>{learner.commune_code}</Descriptions.Item>
          <Descriptions.Item label={t('literacy.learners.unit')}>{learner.unit_code ?? '–'}</Descriptions.Item>
          {learner.ethnicity && <Descriptions.Item label={t('literacy.learner.ethnicity')}>{learner.ethnicity}</Descriptions.Item>}
          <Descriptions.Item label={t('literacy.learner.phone')}><span translate="no">{learner.phone_masked ?? '–'}</span></Descriptions.Item>
          <Descriptions.Item label={t('literacy.learner.updated')}>{dateTime(learner.updated_at)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <LearnerRecords learner={learner} onAdd={() => { setDialog('record'); }} />
      {learner.erased ? null : (
        <LearnerFormModal
          mode="edit"
          learner={learner}
          open={dialog === 'edit'}
          onClose={() => { setDialog(null); }}
          onSubmit={async (body) => {
            await patch.mutateAsync({ body, etag: detail.data?.etag ?? null });
            void message.success(t('literacy.learner.saved'));
          }}
        />
      )}
      <EraseDialog learner={learner} open={dialog === 'erase'} onClose={() => { setDialog(null); }} />
      <RecordDialog learner={learner} open={dialog === 'record'} onClose={() => { setDialog(null); }} />
    </Space>
  );
}

function EraseDialog({ learner, open, onClose }: { learner: Learner; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const erase = useEraseLearner(learner.id);
  return (
    <Modal
      open={open}
      title={t('literacy.learner.eraseTitle', { name: learner.full_name ?? '' })}
      okText={t('literacy.learner.eraseConfirm')}
      okButtonProps={{ danger: true }}
      cancelText={t('literacy.catalog.cancel')}
      confirmLoading={erase.isPending}
      onCancel={onClose}
      onOk={() => {
        erase.mutate(undefined, {
          onSuccess: () => {
            void message.success(t('literacy.learner.erasedDone'));
            onClose();
            void navigate(paths.literacyLearners);
          },
        });
      }}
      destroyOnHidden
    >
      <ProblemAlert error={erase.error} />
      <Typography.Paragraph>{t('literacy.learner.eraseWhat')}</Typography.Paragraph>
      <ul>
        <li>{t('literacy.learner.eraseCleared')}</li>
        <li>{t('literacy.learner.eraseKept')}</li>
        <li>{t('literacy.learner.eraseAccount')}</li>
      </ul>
      <Typography.Paragraph strong>{t('literacy.learner.eraseFinal')}</Typography.Paragraph>
    </Modal>
  );
}

function LearnerRecords({ learner, onAdd }: { learner: Learner; onAdd: () => void }) {
  const { t } = useTranslation();
  const { date, number } = useFormatters();
  const records = useLearnerRecords(learner.id);
  const courses = useCourses();
  const [revoking, setRevoking] = useState<TrainingRecord | null>(null);
  const titles = new Map((courses.data?.items ?? []).map((course) => [course.code, course.title]));
  const columns: TableColumnsType<TrainingRecord> = [
    { key: 'course', title: t('literacy.learner.course'), render: (_, row) => titles.get(row.course_code) ?? row.course_code },
    { key: 'status', title: t('literacy.learner.status'), render: (_, row) => <Tag>{t(RECORD_STATUS_LABELS[row.status])}</Tag> },
    { key: 'progress', title: t('literacy.learner.progress'), align: 'right', render: (_, row) => `${number(row.progress)}%` },
    { key: 'score', title: t('literacy.learner.score'), align: 'right', render: (_, row) => (row.score === null ? '–' : number(row.score)) },
    { key: 'enrolled', title: t('literacy.learner.enrolledOn'), render: (_, row) => date(row.enrolled_on) },
    { key: 'completed', title: t('literacy.learner.completedOn'), render: (_, row) => date(row.completed_on) },
    {
      key: 'certificate',
      title: t('literacy.learner.certificate'),
      render: (_, row) =>
        row.certificate_code ? (
          <Space wrap size={4}>
            <Link to={verifyPath(row.certificate_code)} translate="no">{row.certificate_code}</Link>
            {can(row, 'revoke_certificate') && (
              <Button size="small" danger onClick={() => { setRevoking(row); }} aria-label={t('literacy.learner.revokeOf', { code: row.certificate_code })}>
                {t('literacy.learner.revoke')}
              </Button>
            )}
          </Space>
        ) : (
          '–'
        ),
    },
  ];
  return (
    <Card
      title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{t('literacy.learner.records')}</Typography.Title>}
      extra={can(learner, 'add_record') ? <Button type="primary" onClick={onAdd}>{t('literacy.learner.addRecord')}</Button> : undefined}
    >
      <ProblemAlert error={records.error} />
      <Table<TrainingRecord>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={records.data?.items ?? []}
        loading={records.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: t('literacy.learner.noRecords') }}
      />
      <RevokeDialog record={revoking} onClose={() => { setRevoking(null); }} />
    </Card>
  );
}

function RevokeDialog({ record, onClose }: { record: TrainingRecord | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const revoke = useRevokeCertificate();
  const [form] = Form.useForm<{ reason?: string }>();
  const code = record?.certificate_code ?? '';
  return (
    <Modal
      open={record !== null}
      title={t('literacy.learner.revokeTitle', { code })}
      okText={t('literacy.learner.revoke')}
      okButtonProps={{ danger: true, htmlType: 'submit', form: 'revoke-form' }}
      cancelText={t('literacy.catalog.cancel')}
      confirmLoading={revoke.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <ProblemAlert error={revoke.error} />
      <Typography.Paragraph>{t('literacy.learner.revokeWhat')}</Typography.Paragraph>
      <Form
        id="revoke-form"
        form={form}
        layout="vertical"
        onFinish={(values) => {
          revoke.mutate(
            { code, reason: values.reason?.trim() ?? '' },
            {
              onSuccess: () => {
                void message.success(t('literacy.learner.revoked', { code }));
                onClose();
              },
            },
          );
        }}
      >
        <Form.Item name="reason" label={t('literacy.learner.revokeReason')} rules={[{ required: true, whitespace: true, message: t('literacy.catalog.required') }, { max: 1000 }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface RecordValues {
  course_code?: string;
  class_id?: string;
  status?: LiteracySchemas['RecordStatus'];
  progress?: number | null;
  score?: number | null;
  enrolled_on?: Dayjs | null;
  completed_on?: Dayjs | null;
}

/** A course taken by the learner (a second one for the same course updates it, as the API does). */
function RecordDialog({ learner, open, onClose }: { learner: Learner; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const courses = useCourses();
  const save = useRecordTraining();
  const [form] = Form.useForm<RecordValues>();
  const courseCode = Form.useWatch('course_code', form);
  const classes = useClasses({ course_code: courseCode, limit: 100, offset: 0 });
  const submit = (values: RecordValues) => {
    const body: RecordIn = {
      learner_id: learner.id,
      course_code: values.course_code ?? '',
      status: values.status ?? 'enrolled',
      progress: values.progress ?? 0,
      class_id: values.class_id ?? null,
      score: values.score ?? null,
      enrolled_on: values.enrolled_on?.format('YYYY-MM-DD') ?? null,
      completed_on: values.completed_on?.format('YYYY-MM-DD') ?? null,
      source: 'dashboard',
    };
    save.mutate(body, {
      onSuccess: () => {
        void message.success(t('literacy.learner.recordSaved'));
        form.resetFields();
        onClose();
      },
      onError: (error) => applyFieldErrors(form, error, Object.keys(body)),
    });
  };
  const required = { required: true, message: t('literacy.catalog.required') };
  return (
    <Modal
      open={open}
      title={t('literacy.learner.addRecord')}
      okText={t('literacy.catalog.save')}
      cancelText={t('literacy.catalog.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'record-form' }}
      confirmLoading={save.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<RecordValues> id="record-form" form={form} layout="vertical" initialValues={{ status: 'enrolled', progress: 0, enrolled_on: dayjs() }} onFinish={submit}>
        <ProblemAlert error={save.error} />
        <Form.Item name="course_code" label={t('literacy.learner.course')} rules={[required]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={(courses.data?.items ?? []).map((course) => ({ value: course.code, label: course.title }))} />
        </Form.Item>
        <Form.Item name="class_id" label={t('literacy.learner.class')}>
          <Select
            allowClear
            disabled={!courseCode}
            options={(classes.data?.items ?? []).map((item) => ({ value: item.id, label: `${item.venue_name} (${dayjs(item.starts_on).format('DD/MM/YYYY')})` }))}
          />
        </Form.Item>
        <Form.Item name="status" label={t('literacy.learner.status')} rules={[required]}>
          <Select options={Object.entries(RECORD_STATUS_LABELS).map(([value, key]) => ({ value, label: t(key) }))} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="progress" label={t('literacy.learner.progress')}>
            <InputNumber min={0} max={100} precision={0} suffix="%" />
          </Form.Item>
          <Form.Item name="score" label={t('literacy.learner.score')}>
            <InputNumber min={0} max={100} precision={2} />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="enrolled_on" label={t('literacy.learner.enrolledOn')}>
            <DatePicker format="DD/MM/YYYY" disabledDate={(day) => day.isAfter(dayjs())} />
          </Form.Item>
          <Form.Item name="completed_on" label={t('literacy.learner.completedOn')}>
            <DatePicker format="DD/MM/YYYY" disabledDate={(day) => day.isAfter(dayjs())} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}
