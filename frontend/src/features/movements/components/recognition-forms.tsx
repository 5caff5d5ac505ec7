import { DatePicker, Form, Input, Modal, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { FileAttachmentsField } from '@/components/files/file-attachments';
import { fileIds } from '@/lib/files';
import type { AttachedFile } from '@/lib/files';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useSubmit } from '@/lib/use-submit';
import type { Assessment, CommendationIn, InitiativeIn } from '../api/mutate-campaign';
import { TEXT_MAX, TITLE_MAX } from '../validation';
import { PICKER_FORMAT, toApiDate } from '@/lib/picker-dates';
import { keepEnterInField } from './enter-key';

interface UnitChoice {
  code: string;
  name: string;
}

const required = (message: string) => ({ required: true, whitespace: true, message });

interface InitiativeValues {
  title?: string;
  summary?: string;
  unit_code?: string;
  authors?: string[];
  files?: AttachedFile[];
}

/** A unit's initiative (sáng kiến): title, summary, authors; filed for a unit the user acts for. */
export function InitiativeFormModal({ open, units, onSubmit, onClose }: { open: boolean; units: readonly UnitChoice[]; onSubmit: (body: InitiativeIn) => Promise<unknown>; onClose: () => void }) {
  const { t } = useTranslation();
  const { form, error, saving, submit } = useSubmit<InitiativeValues>(
    ['title', 'summary', 'unit_code', 'authors', 'file_ids'],
    (values) =>
      onSubmit({
        title: values.title?.trim() ?? '',
        summary: values.summary?.trim() ?? '',
        unit_code: values.unit_code ?? '',
        authors: (values.authors ?? []).map((author) => author.trim()).filter(Boolean),
        file_ids: fileIds(values.files),
      }),
    onClose,
  );
  return (
    <Modal open={open} title={t('movements.initiatives.add')} okText={t('movements.form.save')} cancelText={t('movements.form.cancel')} okButtonProps={{ htmlType: 'submit', form: 'initiative-form' }} confirmLoading={saving} onCancel={onClose} destroyOnHidden>
      <Form<InitiativeValues> id="initiative-form" form={form} layout="vertical" initialValues={{ unit_code: units.length === 1 ? units[0]?.code : undefined, authors: [], files: [] }} onKeyDown={keepEnterInField} onFinish={(values) => void submit(values)}>
        <ProblemAlert error={error} />
        <Form.Item name="unit_code" label={t('movements.initiatives.unit')} rules={[{ required: true, message: t('movements.validation.required') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={units.map((unit) => ({ value: unit.code, label: unit.name }))} />
        </Form.Item>
        <Form.Item name="title" label={t('movements.initiatives.title')} rules={[required(t('movements.validation.required')), { max: TITLE_MAX, message: t('movements.validation.tooLong', { max: TITLE_MAX }) }]}>
          <Input />
        </Form.Item>
        <Form.Item name="summary" label={t('movements.initiatives.summary')} rules={[{ max: TEXT_MAX, message: t('movements.validation.tooLong', { max: TEXT_MAX }) }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item name="authors" label={t('movements.initiatives.authors')} extra={t('movements.initiatives.authorsHint')} rules={[{ required: true, type: 'array', min: 1, message: t('movements.validation.required') }]}>
          <Select mode="tags" open={false} tokenSeparators={[',', ';']} />
        </Form.Item>
        <Form.Item name="files" label={t('movements.initiatives.files')}>
          <FileAttachmentsField />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface AssessmentValues {
  status?: Assessment['status'];
  assessment?: string;
}

/** The organiser's decision on an initiative: accepted or rejected, with its reasons. */
export function AssessInitiativeModal({ initiative, onSubmit, onClose }: { initiative: { id: string; title: string } | null; onSubmit: (id: string, body: Assessment) => Promise<unknown>; onClose: () => void }) {
  const { t } = useTranslation();
  const { form, error, saving, submit } = useSubmit<AssessmentValues>(
    ['status', 'assessment'],
    (values) => (initiative ? onSubmit(initiative.id, { status: values.status ?? 'accepted', assessment: values.assessment?.trim() ?? '' }) : Promise.resolve()),
    onClose,
  );
  return (
    <Modal open={initiative !== null} title={t('movements.initiatives.assessTitle', { title: initiative?.title ?? '' })} okText={t('movements.initiatives.assess')} cancelText={t('movements.form.cancel')} okButtonProps={{ htmlType: 'submit', form: 'assess-form' }} confirmLoading={saving} onCancel={onClose} destroyOnHidden>
      <Form<AssessmentValues> id="assess-form" form={form} layout="vertical" initialValues={{ status: 'accepted' }} onFinish={(values) => void submit(values)}>
        <ProblemAlert error={error} />
        <Form.Item name="status" label={t('movements.initiatives.decision')} rules={[{ required: true, message: t('movements.validation.required') }]}>
          <Radio.Group options={[{ value: 'accepted', label: t('movements.initiativeStatus.accepted') }, { value: 'rejected', label: t('movements.initiativeStatus.rejected') }]} />
        </Form.Item>
        <Form.Item name="assessment" label={t('movements.initiatives.assessment')} rules={[required(t('movements.validation.required')), { max: TEXT_MAX, message: t('movements.validation.tooLong', { max: TEXT_MAX }) }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface CommendationValues {
  recipient_type?: 'unit' | 'person';
  unit_code?: string;
  person_name?: string;
  form?: string;
  decision_no?: string;
  decided_on?: Dayjs;
  reason?: string;
}

function commendationBody(values: CommendationValues): CommendationIn {
  const decision = {
    unit_code: values.unit_code ?? '',
    form: values.form?.trim() ?? '',
    decision_no: values.decision_no?.trim() ?? '',
    decided_on: toApiDate(values.decided_on) ?? '',
    reason: values.reason?.trim() ?? '',
  };
  return values.recipient_type === 'person'
    ? { ...decision, recipient_type: 'person', person_name: values.person_name?.trim() ?? '' }
    : { ...decision, recipient_type: 'unit' };
}

/** A commendation decision (khen thưởng) recorded for a participating unit or one of its people. */
export function CommendationFormModal({ open, units, onSubmit, onClose }: { open: boolean; units: readonly UnitChoice[]; onSubmit: (body: CommendationIn) => Promise<unknown>; onClose: () => void }) {
  const { t } = useTranslation();
  const { form, error, saving, submit } = useSubmit<CommendationValues>(
    ['recipient_type', 'unit_code', 'person_name', 'form', 'decision_no', 'decided_on', 'reason'],
    (values) => onSubmit(commendationBody(values)),
    onClose,
  );
  const recipient = Form.useWatch('recipient_type', form);
  return (
    <Modal open={open} title={t('movements.commendations.add')} okText={t('movements.form.save')} cancelText={t('movements.form.cancel')} okButtonProps={{ htmlType: 'submit', form: 'commendation-form' }} confirmLoading={saving} onCancel={onClose} destroyOnHidden>
      <Form<CommendationValues> id="commendation-form" form={form} layout="vertical" initialValues={{ recipient_type: 'unit' }} onKeyDown={keepEnterInField} onFinish={(values) => void submit(values)}>
        <ProblemAlert error={error} />
        <Form.Item name="recipient_type" label={t('movements.commendations.recipientType')}>
          <Radio.Group options={[{ value: 'unit', label: t('movements.commendations.toUnit') }, { value: 'person', label: t('movements.commendations.toPerson') }]} />
        </Form.Item>
        <Form.Item name="unit_code" label={t('movements.commendations.unit')} rules={[{ required: true, message: t('movements.validation.required') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={units.map((unit) => ({ value: unit.code, label: unit.name }))} />
        </Form.Item>
        {recipient === 'person' && (
          <Form.Item name="person_name" label={t('movements.commendations.personName')} rules={[required(t('movements.validation.required')), { max: 200, message: t('movements.validation.tooLong', { max: 200 }) }]}>
            <Input autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item name="form" label={t('movements.commendations.form')} extra={t('movements.commendations.formHint')} rules={[required(t('movements.validation.required')), { max: 200, message: t('movements.validation.tooLong', { max: 200 }) }]}>
          <Input />
        </Form.Item>
        <Form.Item name="decision_no" label={t('movements.commendations.decisionNo')} rules={[required(t('movements.validation.required')), { max: 100, message: t('movements.validation.tooLong', { max: 100 }) }]}>
          <Input />
        </Form.Item>
        <Form.Item name="decided_on" label={t('movements.commendations.decidedOn')} rules={[{ required: true, message: t('movements.validation.required') }]}>
          <DatePicker format={PICKER_FORMAT} disabledDate={(day) => day.isAfter(new Date(), 'day')} />
        </Form.Item>
        <Form.Item name="reason" label={t('movements.commendations.reason')} rules={[{ max: TEXT_MAX, message: t('movements.validation.tooLong', { max: TEXT_MAX }) }]}>
          <Input.TextArea rows={3} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
