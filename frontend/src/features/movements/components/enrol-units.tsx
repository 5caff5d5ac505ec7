import { Form, Modal, Select, TreeSelect } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useUnits } from '@/lib/units';
import { unitTree, withClusters } from '../unit-tree';

export interface EnrolUnitsModalProps {
  open: boolean;
  /** Units already taking part: not offered again. */
  enrolled: readonly string[];
  onSubmit: (unitCodes: string[]) => Promise<unknown>;
  onClose: () => void;
}

/** Enrols units in a movement: picked in the unit tree (searchable by name), or a whole cluster at once. */
export function EnrolUnitsModal({ open, enrolled, onSubmit, onClose }: EnrolUnitsModalProps) {
  const { t } = useTranslation();
  const units = useUnits();
  const [picked, setPicked] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const available = (units.data?.items ?? []).filter((unit) => !enrolled.includes(unit.code));
  const clusters = [...new Set(available.map((unit) => unit.cluster).filter((cluster): cluster is string => cluster !== null))].sort((a, b) => a.localeCompare(b, 'vi'));

  const submit = async () => {
    if (picked.length === 0) return;
    setError(null);
    setSaving(true);
    try {
      await onSubmit(picked);
      setPicked([]);
      onClose();
    } catch (caught) {
      setError(caught);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('movements.enrol.title')}
      okText={t('movements.enrol.submit', { count: picked.length })}
      cancelText={t('movements.form.cancel')}
      okButtonProps={{ disabled: picked.length === 0 }}
      confirmLoading={saving}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <ProblemAlert error={error ?? units.error} />
      <Form layout="vertical">
        <Form.Item label={t('movements.enrol.cluster')} extra={t('movements.enrol.clusterHint')}>
          <Select
            mode="multiple"
            allowClear
            value={[]}
            options={clusters.map((cluster) => ({ value: cluster, label: cluster }))}
            onChange={(chosen: string[]) => { setPicked((current) => withClusters(current, chosen, available)); }}
          />
        </Form.Item>
        <Form.Item label={t('movements.enrol.units')} extra={t('movements.enrol.unitsHint')}>
          <TreeSelect
            multiple
            treeCheckable
            showCheckedStrategy={TreeSelect.SHOW_ALL}
            treeCheckStrictly={false}
            allowClear
            showSearch={{ treeNodeFilterProp: 'title' }}
            treeDefaultExpandAll
            loading={units.isPending}
            value={picked}
            onChange={(value: string[]) => { setPicked(value); }}
            treeData={unitTree(available)}
            style={{ width: '100%' }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
