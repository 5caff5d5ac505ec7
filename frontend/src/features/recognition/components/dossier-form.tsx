import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { FileAttachmentsField } from '@/components/files/file-attachments';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { dossierPath } from '@/config/paths';
import { fileIds } from '@/lib/files';
import type { AttachedFile } from '@/lib/files';
import { useSubmit } from '@/lib/use-submit';
import { useCreateDossier, useForms, useOwnUnits, useTitles } from '../api/recognition';
import type { DossierIn } from '../api/recognition';

type SubjectType = DossierIn['nominees'][number]['subject_type'];
const SUBJECT_TYPES: SubjectType[] = ['individual', 'collective', 'household'];

interface NomineeValues {
  subject_type: SubjectType;
  subject_name: string;
  /** `title:<code>` or `form:<code>`: a title of emulation or a form of commendation. */
  award: string;
  achievements?: string;
  score?: number | null;
}

interface DossierValues {
  unit_code: string;
  title: string;
  nominees: NomineeValues[];
  files?: AttachedFile[];
}

function toDossierBody(campaignId: string, values: DossierValues): DossierIn {
  return {
    campaign_id: campaignId,
    unit_code: values.unit_code,
    title: values.title.trim(),
    file_ids: fileIds(values.files),
    nominees: values.nominees.map((nominee) => {
      const [kind, code = ''] = nominee.award.split(':');
      return {
        subject_type: nominee.subject_type,
        subject_name: nominee.subject_name.trim(),
        unit_code: values.unit_code,
        achievements: nominee.achievements?.trim() ?? '',
        score: nominee.score ?? null,
        ...(kind === 'title' ? { title_code: code as DossierIn['nominees'][number]['title_code'] } : { form_code: code as DossierIn['nominees'][number]['form_code'] }),
      };
    }),
  };
}

/** A unit's own commendation dossier: its nominees, each for a title or a form, and its documents as files. */
export function DossierFormModal({ campaignId, onClose }: { campaignId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const units = useOwnUnits(campaignId);
  const titles = useTitles();
  const forms = useForms();
  const create = useCreateDossier();
  const { form, error, saving, submit } = useSubmit<DossierValues>(
    ['unit_code', 'title', 'nominees', 'file_ids'],
    async (values) => {
      const dossier = await create.mutateAsync(toDossierBody(campaignId, values));
      void message.success(t('recognition.dossiers.created'));
      void navigate(dossierPath(dossier.id));
    },
    onClose,
  );
  const awardOptions = [
    {
      label: t('recognition.dossiers.titles'),
      options: (titles.data?.items ?? []).map((title) => ({ value: `title:${title.code}`, label: title.name })),
    },
    {
      label: t('recognition.dossiers.forms'),
      options: (forms.data?.items ?? []).map((entry) => ({ value: `form:${entry.code}`, label: entry.name })),
    },
  ];
  return (
    <Modal
      open
      title={t('recognition.dossiers.new')}
      okText={t('recognition.dossiers.save')}
      cancelText={t('recognition.cancel')}
      confirmLoading={saving}
      okButtonProps={{ htmlType: 'submit', form: 'dossier-form' }}
      onCancel={onClose}
      width={760}
      destroyOnHidden
    >
      <Form<DossierValues>
        id="dossier-form"
        form={form}
        layout="vertical"
        initialValues={{ unit_code: units.length === 1 ? units[0]?.unit_code : undefined, nominees: [{ subject_type: 'individual' }], files: [] }}
        onFinish={(values) => void submit(values)}
      >
        <ProblemAlert error={error} />
        <Form.Item name="unit_code" label={t('recognition.unit')} rules={[{ required: true, message: t('recognition.required') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={units.map((unit) => ({ value: unit.unit_code, label: unit.unit_name }))} />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('recognition.dossiers.title')}
          rules={[{ required: true, whitespace: true, message: t('recognition.required') }, { max: 500 }]}
        >
          <Input placeholder={t('recognition.dossiers.titlePlaceholder')} />
        </Form.Item>
        <Form.List name="nominees">
          {(fields, { add, remove }) => (
            <Flex vertical gap="small">
              <Typography.Text strong>{t('recognition.dossiers.nominees')}</Typography.Text>
              {fields.map((field, index) => (
                <Flex key={field.key} vertical gap={0} style={{ borderBottom: '1px solid rgba(5, 5, 5, 0.06)', paddingBottom: 8 }}>
                  <Flex gap="small" wrap align="start">
                    <Form.Item name={[field.name, 'subject_type']} style={{ minWidth: 140, marginBottom: 8 }} rules={[{ required: true }]}>
                      <Select
                        aria-label={t('recognition.subjectTypeOf', { n: index + 1 })}
                        options={SUBJECT_TYPES.map((type) => ({ value: type, label: t(`recognition.subject.${type}`) }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'subject_name']}
                      style={{ flex: '1 1 180px', marginBottom: 8 }}
                      rules={[{ required: true, whitespace: true, message: t('recognition.required') }, { max: 200 }]}
                    >
                      <Input aria-label={t('recognition.subjectName', { n: index + 1 })} placeholder={t('recognition.subjectNamePlaceholder')} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'award']} style={{ flex: '1 1 220px', marginBottom: 8 }} rules={[{ required: true, message: t('recognition.required') }]}>
                      <Select aria-label={t('recognition.awardOf', { n: index + 1 })} showSearch={{ optionFilterProp: 'label' }} options={awardOptions} />
                    </Form.Item>
                    {fields.length > 1 && (
                      <Button
                        type="text"
                        aria-label={t('recognition.removeNominee', { n: index + 1 })}
                        icon={<MinusCircleOutlined />}
                        onClick={() => {
                          remove(field.name);
                        }}
                      />
                    )}
                  </Flex>
                  <Flex gap="small" wrap align="start">
                    <Form.Item name={[field.name, 'achievements']} style={{ flex: '3 1 240px', marginBottom: 8 }} rules={[{ max: 4000 }]}>
                      <Input.TextArea
                        aria-label={t('recognition.achievementsOf', { n: index + 1 })}
                        placeholder={t('recognition.dossiers.achievements')}
                        autoSize={{ minRows: 1, maxRows: 4 }}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'score']} style={{ flex: '1 1 100px', marginBottom: 8 }}>
                      <InputNumber aria-label={t('recognition.scoreOf', { n: index + 1 })} placeholder={t('recognition.dossiers.score')} min={0} max={100000} style={{ width: '100%' }} />
                    </Form.Item>
                  </Flex>
                </Flex>
              ))}
              <Button
                icon={<PlusOutlined />}
                onClick={() => {
                  add({ subject_type: 'individual' });
                }}
              >
                {t('recognition.dossiers.addNominee')}
              </Button>
            </Flex>
          )}
        </Form.List>
        <Form.Item name="files" label={t('recognition.dossiers.files')} style={{ marginTop: 12 }}>
          <FileAttachmentsField max={50} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
