import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { can } from '@/lib/allowed-actions';
import { useFormatters } from '@/lib/format';
import { useClasses } from '../api/get-classes';
import type { TrainingClass } from '../api/get-classes';
import { useCourses } from '../api/get-courses';
import type { Course } from '../api/get-courses';
import { useCreateClass, useCreateCourse } from '../api/mutate-catalog';
import { CATEGORY_LABELS, VENUE_LABELS } from '../labels';
import { ClassFormModal, CourseFormModal } from './catalog-forms';

const CLASS_PAGE_SIZE = 20;

/** The course catalogue and the classes that teach it (filtered by course, paged by offset); adding a course or
 * a class shows when its list allows `create`. */
export function CoursesAndClasses() {
  const { t } = useTranslation();
  const { date, number } = useFormatters();
  const courses = useCourses();
  const [courseCode, setCourseCode] = useState<string>();
  const [page, setPage] = useState(1);
  const classes = useClasses({ course_code: courseCode, limit: CLASS_PAGE_SIZE, offset: (page - 1) * CLASS_PAGE_SIZE });
  const { message } = App.useApp();
  const createCourse = useCreateCourse();
  const createClass = useCreateClass();
  const [dialog, setDialog] = useState<'course' | 'class' | null>(null);
  const titles = new Map((courses.data?.items ?? []).map((course) => [course.code, course.title]));

  const courseColumns: TableColumnsType<Course> = [
    { key: 'code', title: t('literacy.courses.code'), dataIndex: 'code' },
    { key: 'title', title: t('literacy.courses.title'), dataIndex: 'title' },
    { key: 'hours', title: t('literacy.courses.hours'), align: 'right', render: (_, row) => number(row.hours) },
    { key: 'level', title: t('literacy.courses.level'), align: 'right', dataIndex: 'level' },
    {
      key: 'required',
      title: t('literacy.courses.requiredFor'),
      render: (_, row) =>
        row.required_for.length === 0
          ? t('literacy.courses.optional')
          : row.required_for.map((category) => <Tag key={category}>{t(CATEGORY_LABELS[category])}</Tag>),
    },
  ];
  const classColumns: TableColumnsType<TrainingClass> = [
    { key: 'course', title: t('literacy.classes.course'), render: (_, row) => titles.get(row.course_code) ?? row.course_code },
    { key: 'venue', title: t('literacy.classes.venue'), dataIndex: 'venue_name' },
    { key: 'venueType', title: t('literacy.classes.venueType'), render: (_, row) => t(VENUE_LABELS[row.venue_type]) },
    { key: 'commune', title: t('literacy.classes.commune'), dataIndex: 'commune_code' },
    { key: 'dates', title: t('literacy.classes.dates'), render: (_, row) => `${date(row.starts_on)} – ${date(row.ends_on)}` },
    { key: 'trainer', title: t('literacy.classes.trainer'), dataIndex: 'trainer' },
  ];

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Card
        title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{t('literacy.courses.heading')}</Typography.Title>}
        extra={can(courses.data, 'create') ? <Button icon={<PlusOutlined />} onClick={() => { setDialog('course'); }}>{t('literacy.catalog.newCourse')}</Button> : undefined}
      >
        <ProblemAlert error={courses.error} />
        <Table<Course>
          rowKey="code"
          size="small"
          columns={courseColumns}
          dataSource={courses.data?.items ?? []}
          loading={courses.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      </Card>
      <Card
        title={<Typography.Title level={2} style={{ margin: 0, fontSize: 18 }}>{t('literacy.classes.heading')}</Typography.Title>}
        extra={can(classes.data, 'create') ? <Button icon={<PlusOutlined />} onClick={() => { setDialog('class'); }}>{t('literacy.catalog.newClass')}</Button> : undefined}
      >
        <Space style={{ marginBottom: 12 }} wrap>
          <label htmlFor="class-course-filter">{t('literacy.classes.filterCourse')}</label>
          <Select
            id="class-course-filter"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ minWidth: 260 }}
            placeholder={t('literacy.classes.anyCourse')}
            value={courseCode}
            onChange={(value: string | undefined) => { setCourseCode(value); setPage(1); }}
            options={(courses.data?.items ?? []).map((course) => ({ value: course.code, label: course.title }))}
          />
        </Space>
        <ProblemAlert error={classes.error} />
        <Table<TrainingClass>
          rowKey="id"
          size="small"
          columns={classColumns}
          dataSource={classes.data?.items ?? []}
          loading={classes.isFetching}
          scroll={{ x: 'max-content' }}
          pagination={{
            current: page,
            pageSize: CLASS_PAGE_SIZE,
            total: classes.data?.total ?? undefined,
            showSizeChanger: false,
            onChange: setPage,
          }}
        />
      </Card>
      <CourseFormModal
        open={dialog === 'course'}
        onSubmit={(body) => createCourse.mutateAsync(body).then(() => { void message.success(t('literacy.catalog.courseAdded')); })}
        onClose={() => { setDialog(null); }}
      />
      <ClassFormModal
        open={dialog === 'class'}
        courses={courses.data?.items ?? []}
        onSubmit={(body) => createClass.mutateAsync(body).then(() => { void message.success(t('literacy.catalog.classAdded')); })}
        onClose={() => { setDialog(null); }}
      />
    </Space>
  );
}
