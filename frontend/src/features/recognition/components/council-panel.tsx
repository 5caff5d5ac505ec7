import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Flex, Form, Input, InputNumber, Modal, Select, Table } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { councilPath } from '@/config/paths';
import { useUnitName } from '@/lib/units';
import { PICKER_FORMAT, toApiDate } from '@/lib/picker-dates';
import { can } from '@/lib/allowed-actions';
import { useFormatters } from '@/lib/format';
import { useConvene, useCouncils, useDossiers, useOfficials } from '../api/recognition';
import type { CouncilSessionOut, DossierOut } from '../api/recognition';

interface ConveneValues {
  title: string;
  held_on: Dayjs;
  members: string[];
  dossier_ids: string[];
  quorum: number;
  threshold: number;
}

/** Threshold choices: a simple majority, two thirds, or every member. */
const THRESHOLDS = [
  { value: 0.5, key: 'half' },
  { value: 0.6667, key: 'twoThirds' },
  { value: 1, key: 'all' },
] as const;

function ConveneModal({ dossiers, open, onClose }: { dossiers: DossierOut[]; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const unitName = useUnitName();
  const [form] = Form.useForm<ConveneValues>();
  const officials = useOfficials(undefined, open);
  const convene = useConvene();
  return (
    <Modal
      open={open}
      title={t('recognition.council.convene')}
      okText={t('recognition.council.conveneOk')}
      cancelText={t('recognition.cancel')}
      confirmLoading={convene.isPending}
      okButtonProps={{ htmlType: 'submit', form: 'convene-form' }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<ConveneValues>
        id="convene-form"
        form={form}
        layout="vertical"
        initialValues={{ held_on: dayjs(), quorum: 1, threshold: 0.5, dossier_ids: dossiers.map((dossier) => dossier.id) }}
        onFinish={(values) => {
          convene.mutate(
            {
              title: values.title.trim(),
              held_on: toApiDate(values.held_on) ?? '',
              members: values.members,
              dossier_ids: values.dossier_ids,
              quorum: values.quorum,
              threshold: values.threshold,
            },
            {
              onSuccess: (session) => {
                onClose();
                void navigate(councilPath(session.id));
              },
            },
          );
        }}
      >
        <ProblemAlert error={convene.error} />
        <Form.Item name="title" label={t('recognition.council.sessionTitle')} rules={[{ required: true, whitespace: true, message: t('recognition.required') }, { max: 500 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="held_on" label={t('recognition.council.heldOn')} rules={[{ required: true, message: t('recognition.required') }]}>
          <DatePicker format={PICKER_FORMAT} />
        </Form.Item>
        <Form.Item name="members" label={t('recognition.council.members')} rules={[{ required: true, message: t('recognition.required') }]}>
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            options={(officials.data?.items ?? []).map((official) => ({ value: official.id, label: official.full_name }))}
          />
        </Form.Item>
        <Form.Item name="dossier_ids" label={t('recognition.council.dossiers')} rules={[{ required: true, message: t('recognition.required') }]}>
          <Checkbox.Group
            style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
            options={dossiers.map((dossier) => ({ value: dossier.id, label: `${unitName(dossier.unit_code)} — ${dossier.title}` }))}
          />
        </Form.Item>
        <Flex gap="middle" wrap>
          <Form.Item name="quorum" label={t('recognition.council.quorum')} rules={[{ required: true, message: t('recognition.required') }]}>
            <InputNumber min={1} max={100} />
          </Form.Item>
          <Form.Item name="threshold" label={t('recognition.council.threshold')} rules={[{ required: true }]}>
            <Select style={{ minWidth: 200 }} options={THRESHOLDS.map((choice) => ({ value: choice.value, label: t(`recognition.council.thresholds.${choice.key}`) }))} />
          </Form.Item>
        </Flex>
      </Form>
    </Modal>
  );
}

/** Council sessions, and convening one on the dossiers taken to the council that the user may decide on. */
export function CouncilPanel() {
  const { t } = useTranslation();
  const format = useFormatters();
  const councils = useCouncils();
  const atCouncil = useDossiers(undefined, 'council');
  const [open, setOpen] = useState(false);
  const decidable = (atCouncil.data?.items ?? []).filter((dossier) => can(dossier, 'approve'));
  return (
    <Flex vertical gap="middle">
      <ProblemAlert error={councils.error ?? atCouncil.error} />
      {decidable.length > 0 && (
        <div>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => {
              setOpen(true);
            }}
          >
            {t('recognition.council.convene')}
          </Button>
        </div>
      )}
      <Table<CouncilSessionOut>
        rowKey="id"
        size="small"
        scroll={{ x: true }}
        pagination={false}
        loading={councils.isLoading}
        dataSource={councils.data?.items ?? []}
        columns={[
          { title: t('recognition.council.sessionTitle'), render: (_, session) => <Link to={councilPath(session.id)}>{session.title}</Link> },
          { title: t('recognition.council.heldOn'), render: (_, session) => format.date(session.held_on) },
          { title: t('recognition.council.members'), render: (_, session) => session.member_names.join(', ') },
          { title: t('recognition.council.dossiers'), render: (_, session) => session.dossier_ids.length, align: 'right' },
        ]}
      />
      <ConveneModal
        dossiers={decidable}
        open={open}
        onClose={() => {
          setOpen(false);
        }}
      />
    </Flex>
  );
}
