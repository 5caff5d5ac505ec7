import { DeleteOutlined, PlusOutlined, SaveOutlined, SendOutlined, SubnodeOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Form, Input, InputNumber, Select, Space, Typography, message } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { paths } from '@/config/paths';
import { can } from '@/lib/allowed-actions';
import { useFormatters } from '@/lib/format';
import { useCampaignChoices, useCriteriaSets } from '../api/get-criteria-sets';
import type { CriteriaSet } from '../api/get-criteria-sets';
import { useCreateCriteriaSet, usePublishCriteriaSet, useUpdateCriteriaSet } from '../api/save-criteria-set';
import { criteriaBody, draftOf, emptyCriterion, maxTotal, newKey, validateDraft } from '../logic/criteria-set';
import type { BandDraft, CriterionDraft, DraftProblem } from '../logic/criteria-set';
import type { Method } from '../logic/scores';
import { SetStatusTag } from './status-tag';

const METHODS: readonly Method[] = ['manual', 'target_progress', 'training_rate', 'contest_participation', 'boolean'];

function updateTree(
  drafts: CriterionDraft[],
  key: string,
  change: (draft: CriterionDraft) => CriterionDraft | null,
): CriterionDraft[] {
  return drafts.flatMap((draft) => {
    if (draft.key === key) {
      const changed = change(draft);
      return changed ? [changed] : [];
    }
    return [{ ...draft, children: updateTree(draft.children, key, change) }];
  });
}

export interface CriteriaSetEditorProps {
  /** The set to show; undefined for a new one. */
  criteriaSet?: CriteriaSet;
  etag?: string | null;
}

/**
 * A criteria set as a tree (code, title, maximum points, method, target; sub-criteria) and its
 * bands. Checked as the API checks it before saving. It can be changed when the set allows
 * `edit` (a new one when the list allows `create`) and published when it allows `publish`;
 * otherwise it is read-only.
 */
export function CriteriaSetEditor({ criteriaSet, etag = null }: CriteriaSetEditorProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const navigate = useNavigate();
  const idPrefix = useId();
  const fieldId = (key: string, field: string) => `${idPrefix}-${key}-${field}`;
  const sets = useCriteriaSets({ enabled: !criteriaSet });
  const readOnly = criteriaSet ? !can(criteriaSet, 'edit') : !can(sets.data, 'create');
  const [name, setName] = useState(criteriaSet?.name ?? '');
  const [campaignId, setCampaignId] = useState(criteriaSet?.campaign_id);
  const [subjectType, setSubjectType] = useState<'collective' | 'individual'>(criteriaSet?.subject_type ?? 'collective');
  const [criteria, setCriteria] = useState<CriterionDraft[]>(() =>
    criteriaSet ? draftOf(criteriaSet.criteria) : [emptyCriterion()],
  );
  const [bands, setBands] = useState<BandDraft[]>(() =>
    (criteriaSet?.bands ?? []).map((band) => ({ key: newKey(), label: band.label, minScore: Number(band.min_score) })),
  );
  const [showProblems, setShowProblems] = useState(false);
  const campaigns = useCampaignChoices(!criteriaSet && !readOnly);
  const create = useCreateCriteriaSet();
  const update = useUpdateCriteriaSet(criteriaSet?.id ?? '');
  const publish = usePublishCriteriaSet(criteriaSet?.id ?? '');
  const [messageApi, messageHolder] = message.useMessage();

  const problems = validateDraft(name, criteria, bands);
  if (!criteriaSet && !campaignId) problems.unshift({ key: null, message: 'campaignRequired' });
  const problemText = (problem: DraftProblem) => t(`scoring.validation.${problem.message}`, { code: problem.values?.code ?? '', label: problem.values?.label ?? '' });
  const problemsOf = (key: string) => (showProblems ? problems.filter((problem) => problem.key === key) : []);

  const change = (key: string, patch: Partial<CriterionDraft>) => {
    setCriteria((drafts) => updateTree(drafts, key, (draft) => ({ ...draft, ...patch })));
  };
  const addChild = (key: string) => {
    setCriteria((drafts) =>
      updateTree(drafts, key, (draft) => ({
        ...draft,
        method: 'manual',
        targetCode: '',
        children: [...draft.children, emptyCriterion()],
      })),
    );
  };
  const remove = (key: string) => {
    setCriteria((drafts) => updateTree(drafts, key, () => null));
  };

  const save = () => {
    setShowProblems(true);
    if (problems.length > 0) return;
    const body = {
      name: name.trim(),
      criteria: criteriaBody(criteria),
      bands: bands.map((band) => ({ label: band.label.trim(), min_score: String(band.minScore ?? 0) })),
    };
    if (criteriaSet) {
      update.mutate(
        { body, etag },
        { onSuccess: () => void messageApi.success(t('scoring.sets.saved')) },
      );
    } else if (campaignId) {
      create.mutate(
        { ...body, campaign_id: campaignId, subject_type: subjectType, version: 1 },
        {
          onSuccess: (created) => {
            void navigate(`${paths.scoringCriteriaSets}/${created.id}`, { replace: true });
          },
        },
      );
    }
  };

  const renderCriterion = (draft: CriterionDraft, depth: number, label: string) => {
    const own = problemsOf(draft.key);
    const leaf = draft.children.length === 0;
    return (
      <Card
        key={draft.key}
        size="small"
        style={{ marginInlineStart: depth * 24, marginBottom: 8 }}
        role="group"
        aria-label={t('scoring.sets.criterionGroup', { code: draft.code || label })}
      >
        <Space wrap align="start">
          <Form.Item label={t('scoring.sets.code')} htmlFor={fieldId(draft.key, 'code')} style={{ marginBottom: 0 }}>
            <Input
                id={fieldId(draft.key, 'code')}
              value={draft.code}
              disabled={readOnly}
              style={{ width: 90 }}
              onChange={(event) => {
                change(draft.key, { code: event.target.value });
              }}
            />
          </Form.Item>
          <Form.Item label={t('scoring.sets.title')} htmlFor={fieldId(draft.key, 'title')} style={{ marginBottom: 0 }}>
            <Input
                id={fieldId(draft.key, 'title')}
              value={draft.title}
              disabled={readOnly}
              style={{ width: 340 }}
              onChange={(event) => {
                change(draft.key, { title: event.target.value });
              }}
            />
          </Form.Item>
          <Form.Item label={t('scoring.sets.maxPoints')} htmlFor={fieldId(draft.key, 'max')} style={{ marginBottom: 0 }}>
            <InputNumber
                id={fieldId(draft.key, 'max')}
              value={draft.maxPoints}
              disabled={readOnly}
              min={0}
              step={1}
              style={{ width: 90 }}
              onChange={(value) => {
                change(draft.key, { maxPoints: value });
              }}
            />
          </Form.Item>
          {leaf ? (
            <Form.Item label={t('scoring.sets.method')} htmlFor={fieldId(draft.key, 'method')} style={{ marginBottom: 0 }}>
              <Select<Method>
                id={fieldId(draft.key, 'method')}
                value={draft.method}
                disabled={readOnly}
                style={{ width: 220 }}
                options={METHODS.map((method) => ({ value: method, label: t(`scoring.method.${method}`) }))}
                onChange={(method) => {
                  change(draft.key, { method });
                }}
              />
            </Form.Item>
          ) : (
            <Typography.Text type="secondary">{t('scoring.sets.parentHint')}</Typography.Text>
          )}
          {leaf && draft.method === 'target_progress' && (
            <Form.Item label={t('scoring.sets.targetCode')} htmlFor={fieldId(draft.key, 'target')} style={{ marginBottom: 0 }}>
              <Input
                id={fieldId(draft.key, 'target')}
                value={draft.targetCode}
                disabled={readOnly}
                style={{ width: 140 }}
                onChange={(event) => {
                  change(draft.key, { targetCode: event.target.value });
                }}
              />
            </Form.Item>
          )}
          {!readOnly && (
            <Space>
              <Button
                icon={<SubnodeOutlined />}
                onClick={() => {
                  addChild(draft.key);
                }}
              >
                {t('scoring.sets.addChild')}
              </Button>
              <Button
                danger
                icon={<DeleteOutlined />}
                aria-label={t('scoring.sets.removeCriterion', { code: draft.code || label })}
                onClick={() => {
                  remove(draft.key);
                }}
              />
            </Space>
          )}
        </Space>
        {own.map((problem) => (
          <Typography.Paragraph key={problem.message} type="danger" role="alert" style={{ margin: '4px 0 0' }}>
            {problemText(problem)}
          </Typography.Paragraph>
        ))}
        {draft.children.map((child, index) => renderCriterion(child, 1, `${label}.${String(index + 1)}`))}
      </Card>
    );
  };

  const setProblems = showProblems ? problems.filter((problem) => problem.key === null) : [];
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      {messageHolder}
      {criteriaSet && (
        <Space>
          <SetStatusTag status={criteriaSet.status} />
          <Typography.Text>{t('scoring.sets.versionLabel', { version: criteriaSet.version })}</Typography.Text>
        </Space>
      )}
      {criteriaSet?.status === 'published' && <Alert type="info" showIcon title={t('scoring.sets.readOnly')} />}
      <Form layout="vertical" style={{ maxWidth: 720 }}>
        <Form.Item label={t('scoring.sets.name')} htmlFor={fieldId('set', 'name')} required>
          <Input
            id={fieldId('set', 'name')}
            value={name}
            disabled={readOnly}
            onChange={(event) => {
              setName(event.target.value);
            }}
          />
        </Form.Item>
        {!criteriaSet && (
          <Space wrap>
            <Form.Item label={t('scoring.sets.campaign')} htmlFor={fieldId('set', 'campaign')} required>
              <Select
                id={fieldId('set', 'campaign')}
                value={campaignId}
                style={{ width: 420 }}
                loading={campaigns.isPending}
                showSearch={{ optionFilterProp: 'label' }}
                options={(campaigns.data ?? []).map((campaign) => ({ value: campaign.id, label: `${campaign.code} — ${campaign.title}` }))}
                onChange={setCampaignId}
              />
            </Form.Item>
            <Form.Item label={t('scoring.sets.subjectType')} htmlFor={fieldId('set', 'type')} required>
              <Select
                id={fieldId('set', 'type')}
                value={subjectType}
                style={{ width: 200 }}
                options={(['collective', 'individual'] as const).map((type) => ({ value: type, label: t(`scoring.subjectType.${type}`) }))}
                onChange={setSubjectType}
              />
            </Form.Item>
          </Space>
        )}
      </Form>
      <ProblemAlert error={campaigns.error} />

      <Typography.Title level={2}>{t('scoring.sets.criteria')}</Typography.Title>
      <Typography.Text>{t('scoring.sets.maxTotalLabel', { total: format.number(maxTotal(criteria)) })}</Typography.Text>
      <div>{criteria.map((draft, index) => renderCriterion(draft, 0, String(index + 1)))}</div>
      {!readOnly && (
        <Button
          icon={<PlusOutlined />}
          onClick={() => {
            setCriteria((drafts) => [...drafts, emptyCriterion()]);
          }}
        >
          {t('scoring.sets.addCriterion')}
        </Button>
      )}

      <Typography.Title level={2}>{t('scoring.sets.bands')}</Typography.Title>
      {bands.map((band, index) => (
        <Space key={band.key} wrap align="start" role="group" aria-label={t('scoring.sets.bandGroup', { index: index + 1 })}>
          <Form.Item label={t('scoring.sets.bandLabel')} htmlFor={fieldId(band.key, 'label')} style={{ marginBottom: 0 }}>
            <Input
                id={fieldId(band.key, 'label')}
              value={band.label}
              disabled={readOnly}
              style={{ width: 320 }}
              onChange={(event) => {
                setBands((all) => all.map((b) => (b.key === band.key ? { ...b, label: event.target.value } : b)));
              }}
            />
          </Form.Item>
          <Form.Item label={t('scoring.sets.minScore')} htmlFor={fieldId(band.key, 'min')} style={{ marginBottom: 0 }}>
            <InputNumber
                id={fieldId(band.key, 'min')}
              value={band.minScore}
              disabled={readOnly}
              min={0}
              onChange={(value) => {
                setBands((all) => all.map((b) => (b.key === band.key ? { ...b, minScore: value } : b)));
              }}
            />
          </Form.Item>
          {!readOnly && (
            <Button
              danger
              icon={<DeleteOutlined />}
              aria-label={t('scoring.sets.removeBand', { index: index + 1 })}
              onClick={() => {
                setBands((all) => all.filter((b) => b.key !== band.key));
              }}
            />
          )}
          {problemsOf(band.key).map((problem) => (
            <Typography.Text key={problem.message} type="danger" role="alert">
              {problemText(problem)}
            </Typography.Text>
          ))}
        </Space>
      ))}
      {!readOnly && (
        <Button
          icon={<PlusOutlined />}
          onClick={() => {
            setBands((all) => [...all, { key: newKey(), label: '', minScore: null }]);
          }}
        >
          {t('scoring.sets.addBand')}
        </Button>
      )}

      {setProblems.length > 0 && (
        <Alert type="error" showIcon title={setProblems.map(problemText).join(' ')} />
      )}
      {showProblems && problems.length > 0 && (
        <Alert type="error" showIcon role="alert" title={t('scoring.validation.fixFirst', { n: problems.length })} />
      )}
      <ProblemAlert error={create.error ?? update.error ?? publish.error} messages={{ 412: t('scoring.sets.stale') }} />
      {(!readOnly || can(criteriaSet, 'publish')) && (
        <Space>
          {!readOnly && (
            <Button type="primary" icon={<SaveOutlined />} loading={create.isPending || update.isPending} onClick={save}>
              {t('scoring.actions.save')}
            </Button>
          )}
          {can(criteriaSet, 'publish') && (
            <Button
              icon={<SendOutlined />}
              loading={publish.isPending}
              onClick={() => {
                publish.mutate(undefined, { onSuccess: () => void messageApi.success(t('scoring.sets.publishedNow')) });
              }}
            >
              {t('scoring.sets.publish')}
            </Button>
          )}
        </Space>
      )}
    </Space>
  );
}
