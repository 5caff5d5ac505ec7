import { Alert, Button, Form, Input, Modal, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { applyFieldErrors } from '@/lib/form-errors';
import { problemMessage } from '@/lib/problem-message';
import { parsePeopleSheet } from '../logic/people-sheet';
import type { PersonRow, SheetProblem } from '../logic/people-sheet';

export interface AddPeopleModalProps {
  open: boolean;
  onAdd: (person: PersonRow) => Promise<unknown>;
  onClose: () => void;
  onAdded: (count: number) => void;
}

interface Failure {
  subject_id: string;
  message: string;
}

/**
 * Individuals added to a round that scores people: one at a time, or many pasted from a sheet
 * (each row sent on its own; what scoring-api refuses is listed with its reason, the rest are added).
 */
export function AddPeopleModal({ open, onAdd, onClose, onAdded }: AddPeopleModalProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PersonRow>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [tab, setTab] = useState<'one' | 'sheet'>('one');
  const [sheet, setSheet] = useState('');
  const [problems, setProblems] = useState<SheetProblem[]>([]);
  const [failures, setFailures] = useState<Failure[]>([]);

  // The modal stays mounted: each opening starts afresh, on the one-person tab.
  const close = () => {
    setTab('one');
    setSheet('');
    setProblems([]);
    setFailures([]);
    setError(null);
    onClose();
  };

  const addOne = async (values: PersonRow) => {
    setError(null);
    setSaving(true);
    try {
      await onAdd({
        subject_id: values.subject_id.trim(),
        subject_name: values.subject_name.trim(),
        unit_code: values.unit_code.trim(),
        ...(values.cluster?.trim() ? { cluster: values.cluster.trim() } : {}),
      });
      onAdded(1);
      close();
    } catch (caught) {
      applyFieldErrors(form, caught, ['subject_id', 'subject_name', 'unit_code', 'cluster']);
      setError(caught);
    } finally {
      setSaving(false);
    }
  };

  const addSheet = async () => {
    const parsed = parsePeopleSheet(sheet);
    setProblems(parsed.problems);
    setFailures([]);
    if (parsed.problems.length > 0 || parsed.rows.length === 0) return;
    setSaving(true);
    const failed: Failure[] = [];
    let added = 0;
    for (const row of parsed.rows) {
      try {
        await onAdd(row);
        added += 1;
      } catch (caught) {
        failed.push({ subject_id: row.subject_id, message: problemMessage(t, caught) });
      }
    }
    setSaving(false);
    if (added > 0) onAdded(added);
    setFailures(failed);
    if (failed.length === 0) close();
    else setSheet(sheet.split(/\r\n|\n|\r/).filter((line) => failed.some((f) => line.includes(f.subject_id))).join('\n'));
  };

  const readFile = (file: File | undefined) => {
    if (!file) return;
    void file.text().then(setSheet);
  };

  return (
    <Modal
      open={open}
      title={t('scoring.people.title')}
      okText={tab === 'one' ? t('scoring.people.addOne') : t('scoring.people.addSheet')}
      cancelText={t('scoring.people.cancel')}
      confirmLoading={saving}
      onOk={() => { if (tab === 'one') form.submit(); else void addSheet(); }}
      onCancel={close}
      destroyOnHidden
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => { setTab(key === 'sheet' ? 'sheet' : 'one'); }}
        items={[
          {
            key: 'one',
            label: t('scoring.people.one'),
            children: (
              <Form<PersonRow> form={form} layout="vertical" onFinish={(values) => void addOne(values)}>
                <ProblemAlert error={error} />
                <Form.Item name="subject_name" label={t('scoring.people.name')} rules={[{ required: true, whitespace: true, message: t('scoring.people.required') }, { max: 300 }]}>
                  <Input autoComplete="off" />
                </Form.Item>
                <Form.Item
                  name="subject_id"
                  label={t('scoring.people.identifier')}
                  extra={t('scoring.people.identifierHint')}
                  rules={[{ required: true, message: t('scoring.people.required') }, { pattern: /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, message: t('scoring.people.identifierHint') }]}
                >
                  <Input autoComplete="off" />
                </Form.Item>
                <Form.Item name="unit_code" label={t('scoring.people.unit')} extra={t('scoring.people.unitHint')} rules={[{ required: true, message: t('scoring.people.required') }, { pattern: /^[A-Za-z0-9._-]{1,32}$/, message: t('scoring.people.unitHint') }]}>
                  <Input autoComplete="off" />
                </Form.Item>
                <Form.Item name="cluster" label={t('scoring.people.cluster')} rules={[{ max: 100 }]}>
                  <Input />
                </Form.Item>
              </Form>
            ),
          },
          {
            key: 'sheet',
            label: t('scoring.people.sheet'),
            children: (
              <Form layout="vertical">
                <Typography.Paragraph>{t('scoring.people.sheetHelp')}</Typography.Paragraph>
                <Form.Item label={t('scoring.people.file')} htmlFor="people-sheet-file">
                  <input id="people-sheet-file" aria-label={t('scoring.people.file')} type="file" accept=".csv,.tsv,.txt,text/csv,text/plain" onChange={(event) => { readFile(event.target.files?.[0]); }} />
                </Form.Item>
                <Form.Item label={t('scoring.people.rows')} htmlFor="people-sheet-rows">
                  <Input.TextArea id="people-sheet-rows" aria-label={t('scoring.people.rows')} rows={8} value={sheet} onChange={(event) => { setSheet(event.target.value); }} style={{ fontFamily: 'monospace' }} />
                </Form.Item>
                {problems.length > 0 && (
                  <Alert
                    type="error"
                    showIcon
                    title={t('scoring.people.sheetProblems')}
                    description={<ul style={{ margin: 0 }}>{problems.map((p) => <li key={p.line}>{t('scoring.people.lineProblem', { line: p.line, problem: t(`scoring.people.problem.${p.problem}`) })}</li>)}</ul>}
                  />
                )}
                {failures.length > 0 && (
                  <Alert
                    type="warning"
                    showIcon
                    title={t('scoring.people.someRefused')}
                    description={<ul style={{ margin: 0 }}>{failures.map((f) => <li key={f.subject_id}>{f.subject_id}: {f.message}</li>)}</ul>}
                  />
                )}
              </Form>
            ),
          },
        ]}
      />
      {tab === 'one' ? null : <Button type="link" style={{ padding: 0 }} onClick={() => { setSheet('Mã\tHọ và tên\tMã đơn vị\tCụm, khối\n'); }}>{t('scoring.people.template')}</Button>}
    </Modal>
  );
}
