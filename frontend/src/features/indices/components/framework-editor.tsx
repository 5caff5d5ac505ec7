import { ApartmentOutlined, CopyOutlined, DeleteOutlined, NodeIndexOutlined, PlusOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, InputNumber, Select, Space, Typography, message } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { can } from '@/lib/allowed-actions';
import { useCampaignChoices, useFrameworkChanges } from '../api/indices';
import type { Framework } from '../api/indices';
import {
  AGGREGATIONS,
  NORMALISATIONS,
  SOURCES,
  draftOf,
  emptyNode,
  nodesBody,
  updateTree,
  validateTree,
} from '../logic/framework-draft';
import type { Aggregation, DraftProblem, IndicatorDraft, NodeDraft, Normalisation, Source } from '../logic/framework-draft';

type SubjectKind = 'commune' | 'department' | 'unit';
type Missing = 'reweight' | 'impute_group_mean';

export interface FrameworkEditorProps {
  /** The framework to edit; undefined for a new draft. */
  framework?: Framework;
  etag?: string | null;
  /** Called with the framework once it is created, published or copied (to show it). */
  onChosen: (frameworkId: string) => void;
}

/**
 * A framework's tree (pillars → indices → indicators: weights, direction, normalisation, aggregation),
 * checked as the API checks it. A draft is changed when it allows `edit` (a new one when the list
 * allows `create`) and published when it allows `publish`; a published one is read-only and a new
 * version is its copy (`copy`).
 */
export function FrameworkEditor({ framework, etag = null, onChosen }: FrameworkEditorProps) {
  const { t } = useTranslation();
  const idPrefix = useId();
  const fieldId = (key: string, field: string) => `${idPrefix}-${key}-${field}`;
  const readOnly = framework ? !can(framework, 'edit') : false;
  const [name, setName] = useState(framework?.name ?? '');
  const [subjectKind, setSubjectKind] = useState<SubjectKind>(framework?.subject_kind ?? 'department');
  const [campaignId, setCampaignId] = useState<string | null>(framework?.campaign_id ?? null);
  const [totalPoints, setTotalPoints] = useState<number | null>(framework ? framework.total_points : 1000);
  const [aggregation, setAggregation] = useState<Aggregation>(framework?.aggregation ?? 'arithmetic');
  const [missing, setMissing] = useState<Missing>(framework?.missing ?? 'reweight');
  const [nodes, setNodes] = useState<NodeDraft[]>(() => (framework ? draftOf(framework.nodes) : [emptyNode(false)]));
  const [showProblems, setShowProblems] = useState(false);
  const campaigns = useCampaignChoices(!framework);
  const changes = useFrameworkChanges();
  const [messageApi, messageHolder] = message.useMessage();

  const problems = validateTree(nodes, totalPoints);
  if (!name.trim()) problems.unshift({ key: null, code: 'nameMissing' });
  const problemText = (problem: DraftProblem) => t(`indices.editor.problem.${problem.code}`, { node: problem.node ?? '' });
  const problemsOf = (key: string | null) => (showProblems ? problems.filter((problem) => problem.key === key) : []);

  const change = (key: string, patch: Partial<NodeDraft>) => {
    setNodes((drafts) => updateTree(drafts, key, (draft) => ({ ...draft, ...patch })));
  };
  const changeIndicator = (draft: NodeDraft, patch: Partial<IndicatorDraft>) => {
    if (draft.indicator) change(draft.key, { indicator: { ...draft.indicator, ...patch } });
  };
  const addChild = (key: string, indicator: boolean) => {
    setNodes((drafts) => updateTree(drafts, key, (draft) => ({ ...draft, children: [...draft.children, emptyNode(indicator)] })));
  };

  const save = () => {
    setShowProblems(true);
    if (problems.length > 0) return;
    const body = { name: name.trim(), aggregation, missing, nodes: nodesBody(nodes) };
    if (framework) {
      changes.update.mutate({ id: framework.id, body, etag }, { onSuccess: () => void messageApi.success(t('indices.editor.saved')) });
    } else {
      changes.create.mutate(
        { ...body, subject_kind: subjectKind, campaign_id: campaignId, total_points: totalPoints, outliers: 'winsorise' },
        { onSuccess: (created) => { onChosen(created.id); } },
      );
    }
  };

  const renderNode = (draft: NodeDraft, depth: number) => {
    const level = draft.indicator ? 'indicator' : depth === 0 ? 'pillar' : 'index';
    const label = t(`indices.editor.${level}`, { code: draft.code || '…' });
    const indicator = draft.indicator;
    return (
      <Card key={draft.key} size="small" role="group" aria-label={label} style={{ marginInlineStart: depth * 16, marginBottom: 8 }}>
        <Space wrap align="start">
          <Typography.Text strong>{t(`indices.editor.level.${level}`)}</Typography.Text>
          <Form.Item label={t('indices.editor.code')} htmlFor={fieldId(draft.key, 'code')} style={{ marginBottom: 0 }}>
            <Input id={fieldId(draft.key, 'code')} value={draft.code} disabled={readOnly} maxLength={64} style={{ width: 100 }}
              onChange={(event) => { change(draft.key, { code: event.target.value }); }} />
          </Form.Item>
          <Form.Item label={t('indices.editor.title')} htmlFor={fieldId(draft.key, 'title')} style={{ marginBottom: 0 }}>
            <Input id={fieldId(draft.key, 'title')} value={draft.title} disabled={readOnly} maxLength={300} style={{ width: 280, maxWidth: '100%' }}
              onChange={(event) => { change(draft.key, { title: event.target.value }); }} />
          </Form.Item>
          <Form.Item label={t('indices.editor.weight')} htmlFor={fieldId(draft.key, 'weight')} style={{ marginBottom: 0 }}>
            <InputNumber id={fieldId(draft.key, 'weight')} value={draft.weight} disabled={readOnly} min={0} max={1_000_000} style={{ width: 100 }}
              onChange={(value) => { change(draft.key, { weight: value }); }} />
          </Form.Item>
          {!indicator && (
            <Form.Item label={t('indices.aggregation')} htmlFor={fieldId(draft.key, 'aggregation')} style={{ marginBottom: 0 }}>
              <Select<Aggregation> id={fieldId(draft.key, 'aggregation')} value={draft.aggregation} disabled={readOnly} style={{ width: 180 }}
                options={AGGREGATIONS.map((value) => ({ value, label: t(`indices.editor.aggregations.${value}`) }))}
                onChange={(value) => { change(draft.key, { aggregation: value }); }} />
            </Form.Item>
          )}
          {indicator && (
            <>
              <Form.Item label={t('indices.editor.source')} htmlFor={fieldId(draft.key, 'source')} style={{ marginBottom: 0 }}>
                <Select<Source> id={fieldId(draft.key, 'source')} value={indicator.source} disabled={readOnly} style={{ width: 220 }}
                  options={SOURCES.map((value) => ({ value, label: t(`indices.editor.sources.${value}`) }))}
                  onChange={(value) => { changeIndicator(draft, { source: value }); }} />
              </Form.Item>
              {indicator.source === 'target_progress' && (
                <Form.Item label={t('indices.editor.targetCode')} htmlFor={fieldId(draft.key, 'targetCode')} style={{ marginBottom: 0 }}>
                  <Input id={fieldId(draft.key, 'targetCode')} value={indicator.targetCode} disabled={readOnly} maxLength={64} style={{ width: 140 }}
                    onChange={(event) => { changeIndicator(draft, { targetCode: event.target.value }); }} />
                </Form.Item>
              )}
              <Form.Item label={t('indices.editor.direction')} htmlFor={fieldId(draft.key, 'direction')} style={{ marginBottom: 0 }}>
                <Select<1 | -1> id={fieldId(draft.key, 'direction')} value={indicator.direction} disabled={readOnly} style={{ width: 170 }}
                  options={[{ value: 1, label: t('indices.editor.moreIsBetter') }, { value: -1, label: t('indices.editor.lessIsBetter') }]}
                  onChange={(value) => { changeIndicator(draft, { direction: value }); }} />
              </Form.Item>
              <Form.Item label={t('indices.editor.normalisation')} htmlFor={fieldId(draft.key, 'normalisation')} style={{ marginBottom: 0 }}>
                <Select<Normalisation> id={fieldId(draft.key, 'normalisation')} value={indicator.normalisation} disabled={readOnly} style={{ width: 200 }}
                  options={NORMALISATIONS.map((value) => ({ value, label: t(`indices.editor.normalisations.${value}`) }))}
                  onChange={(value) => { changeIndicator(draft, { normalisation: value }); }} />
              </Form.Item>
              {indicator.normalisation === 'distance_to_target' && (
                <Form.Item label={t('indices.editor.target')} htmlFor={fieldId(draft.key, 'target')} style={{ marginBottom: 0 }}>
                  <InputNumber id={fieldId(draft.key, 'target')} value={indicator.target} disabled={readOnly} style={{ width: 110 }}
                    onChange={(value) => { changeIndicator(draft, { target: value }); }} />
                </Form.Item>
              )}
              {indicator.normalisation === 'goalposts' && (
                <>
                  <Form.Item label={t('indices.editor.low')} htmlFor={fieldId(draft.key, 'low')} style={{ marginBottom: 0 }}>
                    <InputNumber id={fieldId(draft.key, 'low')} value={indicator.low} disabled={readOnly} style={{ width: 100 }}
                      onChange={(value) => { changeIndicator(draft, { low: value }); }} />
                  </Form.Item>
                  <Form.Item label={t('indices.editor.high')} htmlFor={fieldId(draft.key, 'high')} style={{ marginBottom: 0 }}>
                    <InputNumber id={fieldId(draft.key, 'high')} value={indicator.high} disabled={readOnly} style={{ width: 100 }}
                      onChange={(value) => { changeIndicator(draft, { high: value }); }} />
                  </Form.Item>
                </>
              )}
            </>
          )}
          {!readOnly && (
            <Space wrap>
              {!indicator && depth === 0 && (
                <Button icon={<ApartmentOutlined />} onClick={() => { addChild(draft.key, false); }}>
                  {t('indices.editor.addIndex')}
                </Button>
              )}
              {!indicator && (
                <Button icon={<NodeIndexOutlined />} onClick={() => { addChild(draft.key, true); }}>
                  {t('indices.editor.addIndicator')}
                </Button>
              )}
              <Button danger icon={<DeleteOutlined />} aria-label={t('indices.editor.remove', { node: label })}
                onClick={() => { setNodes((drafts) => updateTree(drafts, draft.key, () => null)); }} />
            </Space>
          )}
        </Space>
        {problemsOf(draft.key).map((problem) => (
          <Typography.Paragraph key={problem.code} type="danger" role="alert" style={{ margin: '4px 0 0' }}>
            {problemText(problem)}
          </Typography.Paragraph>
        ))}
        {draft.children.map((child) => renderNode(child, depth + 1))}
      </Card>
    );
  };

  const error = changes.create.error ?? changes.update.error ?? changes.publish.error ?? changes.copy.error;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {messageHolder}
      {framework?.status === 'published' && <Alert type="info" showIcon title={t('indices.editor.readOnly')} />}
      <Form layout="vertical" style={{ maxWidth: 720 }}>
        <Form.Item label={t('indices.editor.name')} htmlFor={fieldId('fw', 'name')} required>
          <Input id={fieldId('fw', 'name')} value={name} disabled={readOnly} maxLength={200} onChange={(event) => { setName(event.target.value); }} />
        </Form.Item>
        <Space wrap>
          <Form.Item label={t('indices.editor.subjectKind')} htmlFor={fieldId('fw', 'kind')}>
            <Select<SubjectKind> id={fieldId('fw', 'kind')} value={subjectKind} disabled={!!framework} style={{ width: 180 }}
              options={(['commune', 'department', 'unit'] as const).map((value) => ({ value, label: t(`indices.editor.kinds.${value}`) }))}
              onChange={setSubjectKind} />
          </Form.Item>
          <Form.Item label={t('indices.totalPoints')} htmlFor={fieldId('fw', 'total')}>
            <InputNumber id={fieldId('fw', 'total')} value={totalPoints} disabled={!!framework} min={0} max={1_000_000} placeholder={t('indices.relative')}
              style={{ width: 140 }} onChange={setTotalPoints} />
          </Form.Item>
          <Form.Item label={t('indices.editor.overall')} htmlFor={fieldId('fw', 'aggregation')}>
            <Select<Aggregation> id={fieldId('fw', 'aggregation')} value={aggregation} disabled={readOnly} style={{ width: 180 }}
              options={AGGREGATIONS.map((value) => ({ value, label: t(`indices.editor.aggregations.${value}`) }))}
              onChange={setAggregation} />
          </Form.Item>
          <Form.Item label={t('indices.missing')} htmlFor={fieldId('fw', 'missing')}>
            <Select<Missing> id={fieldId('fw', 'missing')} value={missing} disabled={readOnly} style={{ width: 220 }}
              options={(['reweight', 'impute_group_mean'] as const).map((value) => ({ value, label: t(`indices.editor.missingRules.${value}`) }))}
              onChange={setMissing} />
          </Form.Item>
        </Space>
        {!framework && (
          <Form.Item label={t('indices.editor.campaign')} htmlFor={fieldId('fw', 'campaign')} extra={t('indices.editor.campaignHelp')}>
            <Select id={fieldId('fw', 'campaign')} allowClear value={campaignId ?? undefined} loading={campaigns.isPending} style={{ width: '100%', maxWidth: 480 }}
              showSearch={{ optionFilterProp: 'label' }}
              options={(campaigns.data ?? []).map((campaign) => ({ value: campaign.id, label: campaign.title }))}
              onChange={(value: string | undefined) => { setCampaignId(value ?? null); }} />
          </Form.Item>
        )}
      </Form>
      <ProblemAlert error={campaigns.error} />
      <div>{nodes.map((draft) => renderNode(draft, 0))}</div>
      {!readOnly && (
        <Button icon={<PlusOutlined />} onClick={() => { setNodes((drafts) => [...drafts, emptyNode(false)]); }}>
          {t('indices.editor.addPillar')}
        </Button>
      )}
      {problemsOf(null).map((problem) => (
        <Alert key={problem.code} type="error" showIcon title={problemText(problem)} />
      ))}
      <ProblemAlert error={error} messages={{ 412: t('indices.editor.stale') }} />
      <Space wrap>
        {!readOnly && (
          <Button type="primary" icon={<SaveOutlined />} loading={changes.create.isPending || changes.update.isPending} onClick={save}>
            {framework ? t('indices.editor.save') : t('indices.editor.create')}
          </Button>
        )}
        {framework && can(framework, 'publish') && (
          <Button icon={<SendOutlined />} loading={changes.publish.isPending}
            onClick={() => { changes.publish.mutate(framework.id, { onSuccess: () => void messageApi.success(t('indices.editor.publishedNow')) }); }}>
            {t('indices.editor.publish')}
          </Button>
        )}
        {framework && can(framework, 'copy') && (
          <Button icon={<CopyOutlined />} loading={changes.copy.isPending}
            onClick={() => { changes.copy.mutate(framework.id, { onSuccess: (copy) => { onChosen(copy.id); } }); }}>
            {t('indices.editor.newVersion')}
          </Button>
        )}
      </Space>
    </Space>
  );
}
