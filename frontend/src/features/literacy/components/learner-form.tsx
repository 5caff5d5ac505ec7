import { DatePicker, Form, Input, Modal, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import type { LiteracySchemas } from '@/lib/api/services';
import type { Learner } from '../api/get-learners';
import type { LearnerCreate, LearnerUpdate } from '../api/learner';
import { CATEGORY_LABELS, GENDER_LABELS } from '../labels';
import { useSubmit } from '@/lib/use-submit';

interface Values {
  national_id?: string;
  full_name?: string;
  date_of_birth?: Dayjs | null;
  gender?: LiteracySchemas['Gender'];
  ethnicity?: string;
  commune_code?: string;
  category?: LiteracySchemas['Category'];
  unit_code?: string;
  phone?: string;
}

const FIELDS = ['national_id', 'full_name', 'date_of_birth', 'gender', 'ethnicity', 'commune_code', 'category', 'unit_code', 'phone'];
const blank = (value: string | undefined) => {
  const trimmed = value?.trim();
  return trimmed === '' ? undefined : trimmed;
};

type Props =
  | { mode: 'create'; learner?: undefined; open: boolean; onSubmit: (body: LearnerCreate) => Promise<unknown>; onClose: () => void }
  | { mode: 'edit'; learner: Learner; open: boolean; onSubmit: (body: LearnerUpdate) => Promise<unknown>; onClose: () => void };

/**
 * Registering a learner, or correcting one: name, birth date, gender, commune and category are required;
 * ethnicity and unit are cleared by emptying them. The phone is only ever shown masked: left empty on a
 * correction, the stored number stays.
 */
export function LearnerFormModal(props: Props) {
  const { t } = useTranslation();
  const { mode, learner, open, onClose } = props;
  const { form, error, saving, submit } = useSubmit<Values>(FIELDS, async (values) => {
    const common = {
      full_name: values.full_name?.trim() ?? '',
      date_of_birth: values.date_of_birth?.format('YYYY-MM-DD') ?? '',
      gender: values.gender ?? 'other',
      // The API lists every commune code in its schema and refuses an unknown one by field (422).
      commune_code: (values.commune_code?.trim() ?? '') as LiteracySchemas['CommuneCode'],
      category: values.category ?? 'citizen',
    };
    const phone = blank(values.phone);
    if (props.mode === 'create') {
      const ethnicity = blank(values.ethnicity);
      const unit = blank(values.unit_code);
      await props.onSubmit({
        ...common,
        national_id: values.national_id?.trim() ?? '',
        ...(ethnicity ? { ethnicity } : {}),
        ...(unit ? { unit_code: unit } : {}),
        ...(phone ? { phone } : {}),
      });
    } else {
      // Only what changed: a manager does not see the ethnicity (administrators only), so an empty field
      // there must not clear it.
      const ethnicity = blank(values.ethnicity) ?? null;
      const unit = blank(values.unit_code) ?? null;
      await props.onSubmit({
        ...common,
        ...(ethnicity === (props.learner.ethnicity ?? null) ? {} : { ethnicity }),
        ...(unit === (props.learner.unit_code ?? null) ? {} : { unit_code: unit }),
        ...(phone ? { phone } : {}),
      });
    }
  }, onClose);

  const required = { required: true, message: t('literacy.catalog.required') };
  return (
    <Modal
      open={open}
      title={mode === 'create' ? t('literacy.learner.newTitle') : t('literacy.learner.editTitle')}
      okText={t('literacy.catalog.save')}
      cancelText={t('literacy.catalog.cancel')}
      okButtonProps={{ htmlType: 'submit', form: 'learner-form' }}
      confirmLoading={saving}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<Values>
        id="learner-form"
        form={form}
        layout="vertical"
        initialValues={
          learner
            ? {
                full_name: learner.full_name ?? undefined,
                date_of_birth: learner.date_of_birth ? dayjs(learner.date_of_birth) : undefined,
                gender: learner.gender,
                ethnicity: learner.ethnicity ?? undefined,
                commune_code: learner.commune_code,
                category: learner.category,
                unit_code: learner.unit_code ?? undefined,
              }
            : { gender: undefined, category: 'citizen' }
        }
        onFinish={(values) => void submit(values)}
      >
        <ProblemAlert error={error} />
        {mode === 'create' && (
          <Form.Item name="national_id" label={t('literacy.learners.nationalId')} extra={t('literacy.learner.nationalIdHint')} rules={[required, { pattern: /^[0-9]{12}$/, message: t('literacy.learner.nationalIdHint') }]}>
            <Input inputMode="numeric" maxLength={12} autoComplete="off" />
          </Form.Item>
        )}
        <Form.Item name="full_name" label={t('literacy.learners.name')} rules={[{ ...required, whitespace: true }, { max: 200 }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="date_of_birth" label={t('literacy.learners.dateOfBirth')} rules={[required]}>
          <DatePicker format="DD/MM/YYYY" disabledDate={(day) => day.isAfter(dayjs())} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="gender" label={t('literacy.learners.gender')} rules={[required]}>
          <Select options={Object.entries(GENDER_LABELS).map(([value, key]) => ({ value, label: t(key) }))} />
        </Form.Item>
        <Form.Item name="category" label={t('literacy.learners.category')} rules={[required]}>
          <Select options={Object.entries(CATEGORY_LABELS).map(([value, key]) => ({ value, label: t(key) }))} />
        </Form.Item>
        <Form.Item name="commune_code" label={t('literacy.learners.commune')} extra={t('literacy.catalog.communeHint')} rules={[required, { pattern: /^[0-9]{5}$/, message: t('literacy.catalog.communeHint') }]}>
          <Input inputMode="numeric" maxLength={5} />
        </Form.Item>
        <Form.Item name="ethnicity" label={t('literacy.learner.ethnicity')} rules={[{ max: 64 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="unit_code" label={t('literacy.learners.unit')} rules={[{ pattern: /^[A-Za-z0-9._-]{1,32}$/, message: t('literacy.catalog.codeHint') }]}>
          <Input maxLength={32} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('literacy.learner.phone')}
          extra={learner?.phone_masked ? t('literacy.learner.phoneKept', { phone: learner.phone_masked }) : t('literacy.learner.phoneHint')}
          rules={[{ pattern: /^ *(\+84|0)([ .]?[0-9]){9,10} *$/, message: t('literacy.learner.phoneHint') }]}
        >
          <Input inputMode="tel" maxLength={20} autoComplete="off" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
