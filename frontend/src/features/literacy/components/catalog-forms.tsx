import { DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import type { LiteracySchemas } from '@/lib/api/services';
import type { ClassCreate, CourseCreate } from '../api/mutate-catalog';
import { CATEGORY_LABELS, VENUE_LABELS } from '../labels';
import { useSubmit } from '@/lib/use-submit';

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const COMMUNE = /^[0-9]{5}$/;

/** A course of the catalogue: code, title, hours, level 1–8 and the learner categories that must take it. */
export function CourseFormModal({ open, onSubmit, onClose }: { open: boolean; onSubmit: (body: CourseCreate) => Promise<unknown>; onClose: () => void }) {
  const { t } = useTranslation();
  const { form, error, saving, submit } = useSubmit<CourseCreate>(
    ['code', 'title', 'hours', 'level', 'required_for'],
    (values) => onSubmit({ ...values, code: values.code.trim(), title: values.title.trim(), required_for: values.required_for ?? [] }),
    onClose,
  );
  return (
    <Modal open={open} title={t('literacy.catalog.newCourse')} okText={t('literacy.catalog.save')} cancelText={t('literacy.catalog.cancel')} okButtonProps={{ htmlType: 'submit', form: 'course-form' }} confirmLoading={saving} onCancel={onClose} destroyOnHidden>
      <Form<CourseCreate> id="course-form" form={form} layout="vertical" initialValues={{ level: 1, required_for: [] }} onFinish={(values) => void submit(values)}>
        <ProblemAlert error={error} />
        <Form.Item name="code" label={t('literacy.courses.code')} rules={[{ required: true, message: t('literacy.catalog.required') }, { pattern: CODE, message: t('literacy.catalog.codeHint') }]} extra={t('literacy.catalog.codeHint')}>
          <Input maxLength={64} />
        </Form.Item>
        <Form.Item name="title" label={t('literacy.courses.title')} rules={[{ required: true, whitespace: true, message: t('literacy.catalog.required') }, { max: 500 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="hours" label={t('literacy.courses.hours')} rules={[{ required: true, message: t('literacy.catalog.required') }]}>
          <InputNumber min={0.5} max={10000} step={0.5} />
        </Form.Item>
        <Form.Item name="level" label={t('literacy.courses.level')} rules={[{ required: true, message: t('literacy.catalog.required') }]}>
          <InputNumber min={1} max={8} precision={0} />
        </Form.Item>
        <Form.Item name="required_for" label={t('literacy.courses.requiredFor')}>
          <Select mode="multiple" allowClear options={Object.entries(CATEGORY_LABELS).map(([value, key]) => ({ value, label: t(key) }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface ClassValues {
  course_code?: string;
  venue_type?: LiteracySchemas['VenueType'];
  venue_name?: string;
  commune_code?: string;
  dates?: [Dayjs, Dayjs];
  trainer?: string;
}

/** A class that teaches a course at a venue of a commune, between two days. */
export function ClassFormModal({ open, courses, onSubmit, onClose }: { open: boolean; courses: readonly { code: string; title: string }[]; onSubmit: (body: ClassCreate) => Promise<unknown>; onClose: () => void }) {
  const { t } = useTranslation();
  const { form, error, saving, submit } = useSubmit<ClassValues>(
    ['course_code', 'venue_type', 'venue_name', 'commune_code', 'starts_on', 'ends_on', 'trainer'],
    (values) =>
      onSubmit({
        course_code: values.course_code ?? '',
        venue_type: values.venue_type ?? 'other',
        venue_name: values.venue_name?.trim() ?? '',
        // The API lists every commune code in its schema and refuses an unknown one by field (422).
        commune_code: (values.commune_code?.trim() ?? '') as LiteracySchemas['CommuneCode'],
        starts_on: values.dates?.[0].format('YYYY-MM-DD') ?? '',
        ends_on: values.dates?.[1].format('YYYY-MM-DD') ?? '',
        trainer: values.trainer?.trim() ?? '',
      }),
    onClose,
  );
  return (
    <Modal open={open} title={t('literacy.catalog.newClass')} okText={t('literacy.catalog.save')} cancelText={t('literacy.catalog.cancel')} okButtonProps={{ htmlType: 'submit', form: 'class-form' }} confirmLoading={saving} onCancel={onClose} destroyOnHidden>
      <Form<ClassValues> id="class-form" form={form} layout="vertical" initialValues={{ venue_type: 'community_learning_centre' }} onFinish={(values) => void submit(values)}>
        <ProblemAlert error={error} />
        <Form.Item name="course_code" label={t('literacy.classes.course')} rules={[{ required: true, message: t('literacy.catalog.required') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={courses.map((course) => ({ value: course.code, label: course.title }))} />
        </Form.Item>
        <Form.Item name="venue_type" label={t('literacy.classes.venueType')} rules={[{ required: true, message: t('literacy.catalog.required') }]}>
          <Select options={Object.entries(VENUE_LABELS).map(([value, key]) => ({ value, label: t(key) }))} />
        </Form.Item>
        <Form.Item name="venue_name" label={t('literacy.classes.venue')} rules={[{ required: true, whitespace: true, message: t('literacy.catalog.required') }, { max: 500 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="commune_code" label={t('literacy.classes.commune')} extra={t('literacy.catalog.communeHint')} rules={[{ required: true, message: t('literacy.catalog.required') }, { pattern: COMMUNE, message: t('literacy.catalog.communeHint') }]}>
          <Input inputMode="numeric" maxLength={5} />
        </Form.Item>
        <Form.Item name="dates" label={t('literacy.classes.dates')} rules={[{ required: true, message: t('literacy.catalog.required') }]}>
          <DatePicker.RangePicker format="DD/MM/YYYY" />
        </Form.Item>
        <Form.Item name="trainer" label={t('literacy.classes.trainer')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
