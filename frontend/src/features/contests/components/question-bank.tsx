import { DeleteOutlined, DownloadOutlined, EditOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, Form, Input, InputNumber, Modal, Popconfirm, Space, Table, Tag, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { applyFieldErrors } from '@/lib/form-errors';
import { downloadQuestionsTemplate, useContestQuestions, useQuestionMutations } from '../api/contest-admin';
import type { ImportResult, QuestionIn, QuestionOut } from '../api/contest-admin';

const KEYS = ['A', 'B', 'C', 'D', 'E', 'F'] as const;

interface QuestionFormValues {
  topic?: string;
  text: string;
  options: { text?: string }[];
  correct_keys: string[];
  explanation?: string;
  difficulty: number;
}

function toBody(values: QuestionFormValues): QuestionIn {
  const options = values.options
    .map((option, index) => ({ key: KEYS[index] ?? 'F', text: option.text?.trim() ?? '' }))
    .filter((option) => option.text !== '');
  return {
    topic: values.topic?.trim() ?? '',
    text: values.text.trim(),
    options,
    correct_keys: values.correct_keys.filter((key) => options.some((option) => option.key === key)),
    explanation: values.explanation?.trim() ?? '',
    difficulty: values.difficulty,
  };
}

function QuestionModal({
  question,
  onSave,
  onClose,
}: {
  question: QuestionOut | null;
  onSave: (body: QuestionIn) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<QuestionFormValues>();
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const initial: QuestionFormValues = question
    ? {
        topic: question.topic,
        text: question.text,
        options: question.options.map((option) => ({ text: option.text })),
        correct_keys: question.correct_keys,
        explanation: question.explanation,
        difficulty: question.difficulty,
      }
    : { text: '', options: [{}, {}, {}, {}], correct_keys: [], difficulty: 1 };
  const submit = async (values: QuestionFormValues) => {
    setError(null);
    setSaving(true);
    try {
      await onSave(toBody(values));
      onClose();
    } catch (caught) {
      applyFieldErrors(form, caught, ['topic', 'text', 'options', 'correct_keys', 'explanation', 'difficulty']);
      setError(caught);
    } finally {
      setSaving(false);
    }
  };
  return (
    <Modal
      open
      title={question ? t('contests.bank.edit') : t('contests.bank.add')}
      okText={t('contests.bank.save')}
      cancelText={t('contests.bank.cancel')}
      confirmLoading={saving}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      destroyOnHidden
    >
      <ProblemAlert error={error} />
      <Form<QuestionFormValues> form={form} layout="vertical" initialValues={initial} onFinish={(values) => void submit(values)}>
        <Form.Item name="topic" label={t('contests.bank.topic')} rules={[{ max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="text" label={t('contests.bank.text')} rules={[{ required: true, max: 2000 }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.List name="options">
          {(fields) =>
            fields.map((field, index) => (
              <Form.Item key={field.key} name={[field.name, 'text']} label={t('contests.bank.option', { key: KEYS[index] })} rules={[{ max: 1000 }]}>
                <Input />
              </Form.Item>
            ))
          }
        </Form.List>
        <Form.Item name="correct_keys" label={t('contests.bank.correctKeys')} rules={[{ required: true, type: 'array', min: 1 }]}>
          <Checkbox.Group options={KEYS.slice(0, 4).map((key) => ({ value: key, label: key }))} />
        </Form.Item>
        <Form.Item name="explanation" label={t('contests.bank.explanation')} rules={[{ max: 4000 }]}>
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.Item name="difficulty" label={t('contests.bank.difficulty')} rules={[{ required: true }]}>
          <InputNumber min={1} max={5} precision={0} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ImportOutcome({ result }: { result: ImportResult }) {
  const { t } = useTranslation();
  if (result.errors.length === 0) {
    return <Alert type="success" showIcon title={t('contests.bank.imported', { count: result.imported })} />;
  }
  return (
    <Alert
      type="error"
      showIcon
      title={t('contests.bank.importRefused', { count: result.errors.length })}
      description={
        <Table
          rowKey={(problem) => `${String(problem.line)}-${problem.field ?? ''}`}
          size="small"
          pagination={false}
          scroll={{ x: true }}
          dataSource={result.errors}
          columns={[
            { title: t('contests.bank.line'), dataIndex: 'line', align: 'right' },
            { title: t('contests.bank.field'), render: (_, problem) => problem.field ?? '—' },
            { title: t('contests.bank.reason'), dataIndex: 'reason' },
          ]}
        />
      }
    />
  );
}

/** The contest's question bank for those who run it: the questions with their keys, added and corrected one by
 * one, or imported from the xlsx template (every row, or none: the bad rows are listed with their line). */
export function QuestionBank({ contestId }: { contestId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const questions = useContestQuestions(contestId, true);
  const mutations = useQuestionMutations(contestId);
  const [editing, setEditing] = useState<QuestionOut | 'new' | null>(null);
  const [outcome, setOutcome] = useState<ImportResult | null>(null);
  const [templateError, setTemplateError] = useState<unknown>(null);
  return (
    <Card
      title={t('contests.bank.title', { count: questions.data?.total ?? 0 })}
      extra={
        <Space wrap>
          <Button icon={<PlusOutlined />} onClick={() => { setEditing('new'); }}>
            {t('contests.bank.add')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            onClick={() => {
              setTemplateError(null);
              downloadQuestionsTemplate(contestId).catch(setTemplateError);
            }}
          >
            {t('contests.bank.template')}
          </Button>
          <Upload
            accept=".xlsx"
            showUploadList={false}
            beforeUpload={(file) => {
              setOutcome(null);
              mutations.importFile.mutate(file, { onSuccess: setOutcome });
              return Upload.LIST_IGNORE;
            }}
          >
            <Button icon={<UploadOutlined />} loading={mutations.importFile.isPending}>
              {t('contests.bank.import')}
            </Button>
          </Upload>
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <ProblemAlert error={questions.error ?? mutations.importFile.error ?? mutations.remove.error ?? templateError} />
        {outcome ? <ImportOutcome result={outcome} /> : null}
        <Table
          rowKey="id"
          size="small"
          scroll={{ x: true }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          loading={questions.isPending}
          dataSource={questions.data?.items ?? []}
          columns={[
            { title: t('contests.bank.topic'), dataIndex: 'topic' },
            { title: t('contests.bank.text'), dataIndex: 'text' },
            {
              title: t('contests.bank.correctKeys'),
              render: (_, question) => (
                <Space size={4} wrap>
                  {question.correct_keys.map((key) => (
                    <Tag key={key} color="green">
                      {key}: {question.options.find((option) => option.key === key)?.text}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            { title: t('contests.bank.difficulty'), dataIndex: 'difficulty', align: 'right' },
            {
              title: '',
              render: (_, question) => (
                <Space>
                  <Button size="small" icon={<EditOutlined />} aria-label={t('contests.bank.editOf', { text: question.text })} onClick={() => { setEditing(question); }} />
                  <Popconfirm
                    title={t('contests.bank.deleteConfirm')}
                    okText={t('contests.bank.delete')}
                    cancelText={t('contests.bank.cancel')}
                    onConfirm={() => {
                      mutations.remove.mutate(question.id, { onSuccess: () => void message.success(t('contests.bank.deleted')) });
                    }}
                  >
                    <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('contests.bank.deleteOf', { text: question.text })} />
                  </Popconfirm>
                </Space>
              ),
            },
          ]}
        />
      </Space>
      {editing ? (
        <QuestionModal
          question={editing === 'new' ? null : editing}
          onClose={() => { setEditing(null); }}
          onSave={(body) =>
            editing === 'new'
              ? mutations.add.mutateAsync(body)
              : mutations.update.mutateAsync({ id: editing.id, body })
          }
        />
      ) : null}
    </Card>
  );
}
