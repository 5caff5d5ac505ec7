import { CheckOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { judgingPath } from '@/config/paths';
import { can } from '@/lib/allowed-actions';
import { useFormatters } from '@/lib/format';
import { useSubmit } from '@/lib/use-submit';
import { useCampaignActions } from '../api/contest-admin';
import { useCreateJudging, useJudgeChoices, useJudging, useJudgingMutations, useJudgingRanking, useJudgings } from '../api/judging';
import type { DecisionIn, JudgingIn, JudgingOut, RankedInitiative } from '../api/judging';

const LEVELS = ['provincial', 'grassroots', 'none'] as const;

function ScoreModal({ judging, item, onClose }: { judging: JudgingOut; item: RankedInitiative; onClose: () => void }) {
  const { t } = useTranslation();
  const { score } = useJudgingMutations(judging.id);
  const [form] = Form.useForm<Record<string, number>>();
  return (
    <Modal
      open
      title={t('contests.judging.scoreOf', { title: item.title })}
      okText={t('contests.bank.save')}
      cancelText={t('contests.bank.cancel')}
      confirmLoading={score.isPending}
      onOk={() => {
        form.submit();
      }}
      onCancel={onClose}
      destroyOnHidden
    >
      <ProblemAlert error={score.error} />
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => {
          score.mutate(
            {
              initiative_id: item.initiative_id,
              scores: judging.criteria.map((criterion) => ({ criterion_code: criterion.code, points: values[criterion.code] ?? 0 })),
            },
            { onSuccess: onClose },
          );
        }}
      >
        {judging.criteria.map((criterion) => (
          <Form.Item
            key={criterion.code}
            name={criterion.code}
            label={t('contests.judging.criterion', { title: criterion.title, max: Number(criterion.max_points) })}
            rules={[{ required: true }]}
          >
            <InputNumber min={0} max={Number(criterion.max_points)} step={0.5} style={{ width: '100%' }} />
          </Form.Item>
        ))}
      </Form>
    </Modal>
  );
}

function DecideModal({ judging, item, onClose }: { judging: JudgingOut; item: RankedInitiative; onClose: () => void }) {
  const { t } = useTranslation();
  const { decide } = useJudgingMutations(judging.id);
  const [level, setLevel] = useState<DecisionIn['level']>('provincial');
  const [note, setNote] = useState('');
  return (
    <Modal
      open
      title={t('contests.judging.decideOf', { title: item.title })}
      okText={t('contests.judging.decide')}
      cancelText={t('contests.bank.cancel')}
      confirmLoading={decide.isPending}
      onOk={() => {
        decide.mutate({ initiative_id: item.initiative_id, level, note: note.trim() }, { onSuccess: onClose });
      }}
      onCancel={onClose}
      destroyOnHidden
    >
      <ProblemAlert error={decide.error} />
      <Typography.Paragraph>{t('contests.judging.decideHint')}</Typography.Paragraph>
      <Select
        aria-label={t('contests.judging.level')}
        value={level}
        style={{ width: '100%' }}
        options={LEVELS.map((value) => ({ value, label: t(`contests.judging.levels.${value}`) }))}
        onChange={setLevel}
      />
      <Input.TextArea
        aria-label={t('contests.judging.note')}
        placeholder={t('contests.judging.note')}
        value={note}
        maxLength={2000}
        autoSize={{ minRows: 2 }}
        style={{ marginTop: 12 }}
        onChange={(event) => { setNote(event.target.value); }}
      />
    </Modal>
  );
}

function JudgingRanking({ judging }: { judging: JudgingOut }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const ranking = useJudgingRanking(judging.id);
  const [scoring, setScoring] = useState<RankedInitiative | null>(null);
  const [deciding, setDeciding] = useState<RankedInitiative | null>(null);
  const points = (value: string | null | undefined) => (value === null || value === undefined ? '—' : format.number(Number(value)));
  return (
    <>
      <ProblemAlert error={ranking.error} />
      <Typography.Paragraph type="secondary">
        {t('contests.judging.judges', { names: judging.judge_names.join(', ') })}
      </Typography.Paragraph>
      <Table
        rowKey="initiative_id"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        loading={ranking.isPending}
        dataSource={ranking.data?.items ?? []}
        columns={[
          { title: t('contests.admin.rank'), dataIndex: 'rank', align: 'right' },
          { title: t('contests.judging.initiative'), dataIndex: 'title' },
          { title: t('contests.admin.unit'), dataIndex: 'unit_name' },
          ...judging.criteria.map((criterion) => ({
            title: criterion.title,
            align: 'right' as const,
            render: (_: unknown, item: RankedInitiative) => points(item.criteria[criterion.code]),
          })),
          { title: t('contests.judging.mean'), align: 'right', render: (_, item) => points(item.mean_score) },
          {
            title: t('contests.judging.scoredBy'),
            align: 'right',
            render: (_, item) => `${String(item.judges_scored)}/${String(judging.judges.length)}`,
          },
          {
            title: t('contests.judging.level'),
            render: (_, item) => (item.level ? <Tag color="gold">{t(`contests.judging.levels.${item.level}`)}</Tag> : '—'),
          },
          {
            title: '',
            render: (_, item) =>
              item.level ? null : (
                <Space>
                  {can(judging, 'score') && (
                    <Button size="small" icon={<EditOutlined />} onClick={() => { setScoring(item); }}>
                      {t('contests.judging.score')}
                    </Button>
                  )}
                  {can(judging, 'decide') && (
                    <Button size="small" icon={<CheckOutlined />} onClick={() => { setDeciding(item); }}>
                      {t('contests.judging.decide')}
                    </Button>
                  )}
                </Space>
              ),
          },
        ]}
      />
      {scoring ? <ScoreModal judging={judging} item={scoring} onClose={() => { setScoring(null); }} /> : null}
      {deciding ? <DecideModal judging={judging} item={deciding} onClose={() => { setDeciding(null); }} /> : null}
    </>
  );
}

function NewJudgingModal({ campaignId, onClose }: { campaignId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateJudging(campaignId);
  const officials = useJudgeChoices(true);
  const { form, error, saving, submit } = useSubmit<JudgingIn>(
    ['title', 'judges'],
    (values) => create.mutateAsync({ title: values.title.trim(), judges: values.judges }),
    onClose,
  );
  return (
    <Modal
      open
      title={t('contests.judging.new')}
      okText={t('contests.bank.save')}
      cancelText={t('contests.bank.cancel')}
      confirmLoading={saving}
      okButtonProps={{ htmlType: 'submit', form: 'judging-form' }}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<JudgingIn> id="judging-form" form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        <ProblemAlert error={error ?? officials.error} />
        <Form.Item
          name="title"
          label={t('contests.judging.roundTitle')}
          rules={[{ required: true, whitespace: true, message: t('contests.settings.required') }, { max: 500 }]}
        >
          <Input placeholder={t('contests.judging.roundTitlePlaceholder')} />
        </Form.Item>
        <Form.Item
          name="judges"
          label={t('contests.judging.judgesLabel')}
          rules={[{ required: true, message: t('contests.judging.judgesRequired') }]}
        >
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            loading={officials.isPending}
            options={(officials.data?.items ?? []).map((official) => ({ value: official.id, label: official.full_name }))}
          />
        </Form.Item>
        <Typography.Paragraph type="secondary">{t('contests.judging.defaultCriteria')}</Typography.Paragraph>
      </Form>
    </Modal>
  );
}

/** One round of judging: its judges, criteria and ranking (its own page). */
export function JudgingDetail({ judgingId }: { judgingId: string }) {
  const { t } = useTranslation();
  const judging = useJudging(judgingId);
  if (!judging.data) return <ProblemAlert error={judging.error} />;
  return (
    <Card>
      <Flex vertical gap="small">
        <Typography.Paragraph style={{ marginBottom: 0 }}>
          {t('contests.judging.criteriaList', {
            criteria: judging.data.criteria.map((criterion) => `${criterion.title} (${String(Number(criterion.max_points))})`).join(', '),
          })}
        </Typography.Paragraph>
        <JudgingRanking judging={judging.data} />
      </Flex>
    </Card>
  );
}

/** The initiative contest of a movement: each round of judging ranked by the judges' mean; judges score, the
 * organiser records the recognition level and sets up rounds (each control only where `allowed_actions` lets the caller). */
export function InitiativeJudging({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const campaign = useCampaignActions(campaignId);
  const judgings = useJudgings(campaignId);
  const [judgingId, setJudgingId] = useState<string | undefined>();
  const [creating, setCreating] = useState(false);
  const items = judgings.data?.items ?? [];
  const judging = items.find((item) => item.id === judgingId) ?? items[0];
  return (
    <Card
      title={t('contests.judging.title')}
      extra={
        <Space wrap>
          {items.length > 1 && (
            <Select
              aria-label={t('contests.judging.round')}
              value={judging?.id}
              style={{ minWidth: 200 }}
              options={items.map((item) => ({ value: item.id, label: item.title }))}
              onChange={setJudgingId}
            />
          )}
          {can(campaign.data, 'add_judging') && (
            <Button icon={<PlusOutlined />} onClick={() => { setCreating(true); }}>
              {t('contests.judging.new')}
            </Button>
          )}
        </Space>
      }
    >
      <Flex vertical gap="small">
        <ProblemAlert error={judgings.error} />
        {creating ? <NewJudgingModal campaignId={campaignId} onClose={() => { setCreating(false); }} /> : null}
        {judging ? (
          <>
            <Typography.Title level={4}>
              <Link to={judgingPath(campaignId, judging.id)}>{judging.title}</Link>
            </Typography.Title>
            <JudgingRanking judging={judging} />
          </>
        ) : (
          judgings.isSuccess && <Empty description={t('contests.judging.none')} />
        )}
      </Flex>
    </Card>
  );
}
