import { CopyOutlined, DownloadOutlined, PlayCircleOutlined, PlusOutlined, SaveOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Form, Input, InputNumber, Select, Slider, Space, Table, Tag, Tree, Typography, Upload } from 'antd';
import type { TreeDataNode } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Chart } from '@/components/ui/chart';
import type { ChartOption } from '@/components/ui/chart';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { can } from '@/lib/allowed-actions';
import { useFormatters } from '@/lib/format';
import {
  downloadRun,
  downloadTemplate,
  useCreateRun,
  useFramework,
  useFrameworkChanges,
  useFrameworks,
  useRun,
  useRuns,
  useUncertainty,
  useUploadValues,
  useWriteValues,
} from '../api/indices';
import type { Framework, FrameworkNode, IndexRun } from '../api/indices';
import { valueIndicators } from '../logic/framework-draft';
import { weightsThatDoNotAddUp, whatIf } from '../logic/what-if';
import { FrameworkEditor } from './framework-editor';

/** A unit as a person reads it: its name, else its code. */
const nameOf = (row: { subject_code: string; subject_name?: string | null }) => row.subject_name ?? row.subject_code;

function treeData(nodes: readonly FrameworkNode[], method: (node: FrameworkNode) => string): TreeDataNode[] {
  return nodes.map((node) => ({
    key: node.code,
    title: `${node.code} · ${node.title} — ${node.weight}${node.indicator ? ` · ${method(node)}` : ''}`,
    children: node.children ? treeData(node.children, method) : undefined,
  }));
}

/** The framework's tree: weights, methods, and whether the weights add up. */
function FrameworkTree({ framework, onChosen }: { framework: Framework; onChosen: (id: string) => void }) {
  const { t } = useTranslation();
  const wrong = weightsThatDoNotAddUp(framework.nodes, framework.total_points);
  const method = (node: FrameworkNode) =>
    t('indices.source', { source: node.indicator?.source ?? 'manual', normalisation: node.indicator?.normalisation ?? 'minmax' });
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2 }}
        items={[
          { key: 'status', label: t('indices.status'), children: <Tag>{framework.status === 'published' ? t('indices.published') : t('indices.draft')}</Tag> },
          { key: 'version', label: t('indices.version'), children: framework.version },
          { key: 'aggregation', label: t('indices.aggregation'), children: framework.aggregation },
          { key: 'missing', label: t('indices.missing'), children: framework.missing },
          { key: 'total', label: t('indices.totalPoints'), children: framework.total_points ?? t('indices.relative') },
        ]}
      />
      {wrong.length > 0 ? (
        <Alert type="error" title={t('indices.weightsWrong', { nodes: wrong.join(', ') })} />
      ) : (
        framework.total_points !== null && <Alert type="success" title={t('indices.weightsAddUp', { total: framework.total_points })} />
      )}
      <Tree treeData={treeData(framework.nodes, method)} defaultExpandAll selectable={false} aria-label={t('indices.treeLabel')} />
      {can(framework, 'copy') && <NewVersion framework={framework} onChosen={onChosen} />}
    </Space>
  );
}

/** A published framework never changes: its new version is a draft copy, shown once made. */
function NewVersion({ framework, onChosen }: { framework: Framework; onChosen: (id: string) => void }) {
  const { t } = useTranslation();
  const { copy } = useFrameworkChanges();
  return (
    <>
      <Button icon={<CopyOutlined />} loading={copy.isPending} onClick={() => { copy.mutate(framework.id, { onSuccess: (made) => { onChosen(made.id); } }); }}>
        {t('indices.editor.newVersion')}
      </Button>
      <ProblemAlert error={copy.error} />
    </>
  );
}

/** Values typed one at a time (a unit, a manual or uploaded indicator, its value). */
function ValuesForm({ framework }: { framework: Framework }) {
  const { t } = useTranslation();
  const indicators = valueIndicators(framework.nodes);
  const write = useWriteValues(framework.id);
  const [subject, setSubject] = useState('');
  const [indicator, setIndicator] = useState<string | undefined>(indicators[0]?.code);
  const [value, setValue] = useState<number | null>(null);
  if (indicators.length === 0) return null;
  return (
    <Form layout="vertical" aria-label={t('indices.valuesForm')} onFinish={() => {
      if (subject.trim() && indicator && value !== null) {
        write.mutate([{ subject_code: subject.trim(), indicator_code: indicator, value }]);
      }
    }}>
      <Space wrap align="end">
        <Form.Item label={t('indices.subjectCode')} htmlFor="index-value-subject" style={{ marginBottom: 0 }}>
          <Input id="index-value-subject" value={subject} maxLength={32} style={{ width: 160 }} onChange={(event) => { setSubject(event.target.value); }} />
        </Form.Item>
        <Form.Item label={t('indices.indicator')} htmlFor="index-value-indicator" style={{ marginBottom: 0 }}>
          <Select id="index-value-indicator" value={indicator} style={{ width: 280, maxWidth: '100%' }} showSearch={{ optionFilterProp: 'label' }}
            options={indicators.map((item) => ({ value: item.code, label: `${item.code} · ${item.title}` }))} onChange={setIndicator} />
        </Form.Item>
        <Form.Item label={t('indices.value')} htmlFor="index-value-value" style={{ marginBottom: 0 }}>
          <InputNumber id="index-value-value" value={value} style={{ width: 140 }} onChange={setValue} />
        </Form.Item>
        <Button htmlType="submit" icon={<SaveOutlined />} loading={write.isPending} disabled={!subject.trim() || !indicator || value === null}>
          {t('indices.writeValue')}
        </Button>
      </Space>
      <ProblemAlert error={write.error} />
      {write.data && <Alert type="success" title={t('indices.uploaded', { written: write.data.written, total: write.data.total })} />}
    </Form>
  );
}

/** The run: ranking table, pillar bars, what-if weights and, once analysed, rank intervals as whiskers. */
function RunView({ run }: { run: IndexRun }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const uncertainty = useUncertainty(run.id);
  const [exportError, setExportError] = useState<unknown>(null);
  const pillars = useMemo(() => run.results[0]?.pillars.map((pillar) => pillar.code) ?? [], [run]);
  const [weights, setWeights] = useState<Record<string, number>>({});
  const current = useMemo(() => Object.fromEntries(pillars.map((code) => [code, weights[code] ?? 1])), [pillars, weights]);
  const recomputed = useMemo(() => new Map(whatIf(run.results, current).map((row) => [row.subject_code, row])), [run, current]);
  const changed = Object.keys(weights).length > 0;
  const analysis = uncertainty.data ?? run.uncertainty ?? null;

  const pillarOption = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 40, bottom: 24, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 1 },
      yAxis: { type: 'category', inverse: true, data: run.results.map(nameOf) },
      series: pillars.map((code) => ({
        name: code,
        type: 'bar',
        data: run.results.map((row) => row.pillars.find((pillar) => pillar.code === code)?.score ?? null),
      })),
    }),
    [run, pillars],
  );

  const whiskerOption = useMemo<ChartOption | null>(() => {
    if (!analysis) return null;
    const rows = [...analysis.ranks].sort((a, b) => a.median - b.median);
    return {
      tooltip: { trigger: 'item' },
      grid: { left: 8, right: 16, top: 16, bottom: 32, containLabel: true },
      xAxis: { type: 'value', inverse: false, min: 1, name: t('indices.rank'), nameLocation: 'middle', nameGap: 24 },
      yAxis: { type: 'category', inverse: true, data: rows.map(nameOf) },
      series: [
        {
          name: t('indices.interval'),
          type: 'boxplot',
          // p05 · median · p95 drawn as a whisker (the box shrinks to the median)
          data: rows.map((row) => [row.p05, row.median, row.median, row.median, row.p95]),
        },
      ],
    };
  }, [analysis, t]);

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {can(run, 'export') && (
          <Button
            icon={<DownloadOutlined />}
            onClick={() => {
              setExportError(null);
              downloadRun(run.id).catch(setExportError);
            }}
          >
            {t('indices.export')}
          </Button>
        )}
        {can(run, 'uncertainty') && (
          <Button loading={uncertainty.isPending} onClick={() => { uncertainty.mutate({ samples: 1000, weight_spread: 0.25, seed: 1 }); }}>
            {t('indices.analyse')}
          </Button>
        )}
      </Space>
      <ProblemAlert error={uncertainty.error ?? exportError} />
      {run.report.sources.some((source) => source.status !== 'ok') && (
        <Alert
          type="warning"
          title={t('indices.degraded', {
            sources: run.report.sources
              .filter((source) => source.status !== 'ok')
              .map((source) => source.source)
              .join(', '),
          })}
        />
      )}
      <Card size="small" title={t('indices.whatIf')}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('indices.whatIfHelp')}</Typography.Text>
          {pillars.map((code) => (
            <Form.Item key={code} label={code} style={{ marginBottom: 0 }}>
              <Slider
                min={0}
                max={5}
                step={0.5}
                value={current[code]}
                ariaLabelForHandle={t('indices.weightOf', { pillar: code })}
                onChange={(value: number) => { setWeights((previous) => ({ ...previous, [code]: value })); }}
              />
            </Form.Item>
          ))}
          {changed && <Button onClick={() => { setWeights({}); }}>{t('indices.resetWeights')}</Button>}
        </Space>
      </Card>
      <Table
        rowKey="subject_code"
        dataSource={run.results}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: true }}
        aria-label={t('indices.tableLabel')}
        columns={[
          { title: t('indices.rank'), dataIndex: 'rank', width: 70 },
          { title: t('indices.subject'), key: 'subject', render: (_: unknown, row: { subject_code: string; subject_name?: string | null }) => nameOf(row) },
          { title: t('indices.cluster'), dataIndex: 'cluster', render: (cluster: string | null) => cluster ?? '—' },
          { title: t('indices.score'), dataIndex: 'score', align: 'right', render: (score: number | null) => (score === null ? '—' : format.number(score)) },
          {
            title: t('indices.rankChange'),
            dataIndex: 'rank_change',
            render: (change: number | null) => (change === null ? '—' : change > 0 ? `▲ ${change}` : change < 0 ? `▼ ${-change}` : '='),
          },
          ...(changed
            ? [
                {
                  title: t('indices.whatIfRank'),
                  key: 'whatIf',
                  render: (_: unknown, row: { subject_code: string }) => recomputed.get(row.subject_code)?.rank ?? '—',
                },
              ]
            : []),
          ...(analysis
            ? [
                {
                  title: t('indices.interval'),
                  key: 'interval',
                  render: (_: unknown, row: { subject_code: string }) => {
                    const interval = analysis.ranks.find((item) => item.subject_code === row.subject_code);
                    return interval ? `${format.number(interval.p05)}–${format.number(interval.p95)}` : '—';
                  },
                },
              ]
            : []),
          {
            title: t('indices.missingValues'),
            dataIndex: 'missing',
            render: (missing: string[]) => (missing.length ? missing.join(', ') : '—'),
          },
        ]}
      />
      <Chart option={pillarOption} label={t('indices.pillarChart')} height={Math.max(220, run.results.length * 28 + 80)} />
      {whiskerOption && analysis && (
        <section aria-label={t('indices.intervals')}>
          <Typography.Title level={5}>{t('indices.intervals')}</Typography.Title>
          <Chart option={whiskerOption} label={t('indices.intervalChart')} height={Math.max(220, analysis.ranks.length * 28 + 80)} />
          <Table
            rowKey="input"
            size="small"
            pagination={false}
            dataSource={analysis.sensitivity}
            aria-label={t('indices.sensitivity')}
            columns={[
              { title: t('indices.input'), dataIndex: 'input' },
              { title: t('indices.firstOrder'), dataIndex: 'first_order', render: (value: number) => format.number(value) },
              { title: t('indices.totalOrder'), dataIndex: 'total', render: (value: number) => format.number(value) },
            ]}
          />
        </section>
      )}
    </Space>
  );
}

/** Composite indices: pick a framework, see its tree, upload values, run it, read the ranking and its uncertainty. */
export function IndexPage() {
  const { t } = useTranslation();
  const frameworks = useFrameworks();
  const [chosen, setChosen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const items = frameworks.data?.items ?? [];
  const framework = items.find((item) => item.id === chosen) ?? items[0];
  const detail = useFramework(framework?.id);
  const choose = (id: string) => {
    setChosen(id);
    setCreating(false);
    setRunId(undefined);
  };
  const runs = useRuns(framework?.id);
  const [runId, setRunId] = useState<string | undefined>(undefined);
  const latest = runs.data?.items[0]?.id;
  const run = useRun(runId ?? latest);
  const upload = useUploadValues(framework?.id ?? '');
  const createRun = useCreateRun(framework?.id ?? '');
  const [period, setPeriod] = useState(String(new Date().getFullYear()));
  const [templateError, setTemplateError] = useState<unknown>(null);

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ProblemAlert error={frameworks.error} />
      <Form.Item label={t('indices.framework')} htmlFor="index-framework" style={{ marginBottom: 0 }}>
        <Select
          id="index-framework"
          style={{ width: '100%', maxWidth: 480 }}
          loading={frameworks.isPending}
          value={framework?.id}
          options={items.map((item) => ({
            value: item.id,
            label: `${item.name} (v${String(item.version)}${item.status === 'draft' ? `, ${t('indices.draft')}` : ''})`,
          }))}
          onChange={choose}
        />
      </Form.Item>
      {can(frameworks.data, 'create') && !creating && (
        <Button icon={<PlusOutlined />} onClick={() => { setCreating(true); }}>
          {t('indices.editor.new')}
        </Button>
      )}
      {creating && (
        <Card size="small" title={t('indices.editor.newTitle')} extra={<Button onClick={() => { setCreating(false); }}>{t('indices.editor.cancel')}</Button>}>
          <FrameworkEditor onChosen={choose} />
        </Card>
      )}
      {framework && !creating && (
        <>
          <Card size="small" title={t('indices.tree')}>
            {can(framework, 'edit') ? (
              detail.data?.framework.id === framework.id && (
                <FrameworkEditor key={framework.id} framework={detail.data.framework} etag={detail.data.etag} onChosen={choose} />
              )
            ) : (
              <FrameworkTree framework={framework} onChosen={choose} />
            )}
            <ProblemAlert error={detail.error} />
          </Card>
          {can(framework, 'values') && (
            <Card size="small" title={t('indices.values')}>
              <Space wrap>
                <Button
                  icon={<DownloadOutlined />}
                  onClick={() => {
                    setTemplateError(null);
                    downloadTemplate(framework.id).catch(setTemplateError);
                  }}
                >
                  {t('indices.template')}
                </Button>
                <Upload
                  accept=".xlsx"
                  showUploadList={false}
                  beforeUpload={(file) => {
                    upload.mutate(file);
                    return false;
                  }}
                >
                  <Button icon={<UploadOutlined />} loading={upload.isPending}>
                    {t('indices.upload')}
                  </Button>
                </Upload>
              </Space>
              <ProblemAlert error={upload.error ?? templateError} />
              {upload.data && <Alert type="success" title={t('indices.uploaded', { written: upload.data.written, total: upload.data.total })} />}
              <ValuesForm key={framework.id} framework={framework} />
            </Card>
          )}
          {can(framework, 'run') && (
            <Space wrap align="end">
              <Form.Item label={t('indices.period')} htmlFor="index-period" style={{ marginBottom: 0 }}>
                <Input id="index-period" value={period} maxLength={32} onChange={(event) => { setPeriod(event.target.value); }} style={{ width: 140 }} />
              </Form.Item>
              <Button
                type="primary"
                icon={<PlayCircleOutlined />}
                loading={createRun.isPending}
                onClick={() => { createRun.mutate(period, {
                    onSuccess: (created) => { setRunId(created.id); },
                  }); }
                }
              >
                {t('indices.run')}
              </Button>
            </Space>
          )}
          <ProblemAlert error={createRun.error ?? runs.error ?? run.error} />
          {(runs.data?.items.length ?? 0) > 1 && (
            <Form.Item label={t('indices.runs')} htmlFor="index-run" style={{ marginBottom: 0 }}>
              <Select
                id="index-run"
                style={{ width: '100%', maxWidth: 360 }}
                value={runId ?? latest}
                options={(runs.data?.items ?? []).map((item) => ({ value: item.id, label: item.period }))}
                onChange={(value: string) => { setRunId(value); }}
              />
            </Form.Item>
          )}
          {run.data ? <RunView key={run.data.id} run={run.data} /> : <Typography.Text type="secondary">{t('indices.noRun')}</Typography.Text>}
        </>
      )}
    </Space>
  );
}
