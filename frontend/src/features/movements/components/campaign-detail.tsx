import { CheckOutlined, DeleteOutlined, DownloadOutlined, EditOutlined, FileAddOutlined, PlayCircleOutlined, PlusOutlined, RollbackOutlined, StopOutlined, TeamOutlined, TrophyOutlined } from '@ant-design/icons';
import { App, Button, Card, Descriptions, Empty, Flex, Popconfirm, Radio, Space, Statistic, Table, Tabs, Timeline, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageLoader } from '@/components/ui/page-loader';
import { PageTitle } from '@/components/ui/page-title';
import { AttachedFiles } from '@/components/files/file-attachments';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { can } from '@/lib/allowed-actions';
import type { CampaignSchemas } from '@/lib/api/services';
import { movementContestsPath } from '@/config/paths';
import { useFormatters } from '@/lib/format';
import { useDownloadParticipants } from '../api/download-participants';
import { useUnitName } from '@/lib/units';
import {
  useCampaign,
  useCommendations,
  useInitiatives,
  useParticipants,
  usePhases,
  useReport,
  useReports,
  useSummary,
  useTargets,
} from '../api/get-campaign';
import type { PlanStatus } from '../api/get-campaign';
import type { PlanIn } from '../api/mutate-campaign';
import { useCampaignMutations } from '../api/mutate-campaign';
import { daysLeft, shownStatus, todayIso } from '../lifecycle';
import { EnrolUnitsModal } from './enrol-units';
import { PhaseFormModal } from './phase-form';
import { PlanFormModal } from './plan-form';
import { AssessInitiativeModal, CommendationFormModal, InitiativeFormModal } from './recognition-forms';
import { ReportFormModal } from './report-form';
import { ReturnReportModal } from './return-report-modal';
import { CampaignStatusTag, InitiativeStatusTag, PlanStatusTag, ReportStatusTag } from './status-tags';
import { TargetFormModal } from './target-form';
import { TargetProgress } from './target-progress';

type Campaign = CampaignSchemas['CampaignOut'];

export interface CampaignDetailProps {
  campaignId: string;
  editPath: (id: string) => string;
  listPath: string;
}

/**
 * A movement: its contents, timeline, targets, participants, reports and recognition. Each control
 * shows when campaign-api lists its action for the signed-in user: on the movement (edit, launch,
 * close, add_phase, add_target, export_participants), on a participant (file_report) and on a
 * report (accept, return).
 */
export function CampaignDetail({ campaignId, editPath, listPath }: CampaignDetailProps) {
  const { t } = useTranslation();
  const campaign = useCampaign(campaignId);
  if (campaign.isPending) return <PageLoader />;
  if (campaign.isError) {
    return (
      <section>
        <PageTitle title={t('movements.detail.title')} />
        <ProblemAlert error={campaign.error} messages={{ 404: t('movements.detail.notFound') }} />
        <Link to={listPath}>{t('movements.detail.backToList')}</Link>
      </section>
    );
  }
  return <CampaignPage campaign={campaign.data} editPath={editPath} />;
}

function CampaignPage({ campaign, editPath }: { campaign: Campaign; editPath: (id: string) => string }) {
  const { t } = useTranslation();
  const { date } = useFormatters();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const mutations = useCampaignMutations(campaign.id);
  const unitName = useUnitName();
  const participants = useParticipants(campaign.id);
  const targets = useTargets(campaign.id);
  const [dialog, setDialog] = useState<'phase' | 'target' | 'report' | 'enrol' | null>(null);
  const [editingPhase, setEditingPhase] = useState<CampaignSchemas['PhaseOut'] | null>(null);
  const [editingTarget, setEditingTarget] = useState<CampaignSchemas['TargetOut'] | null>(null);
  const done = (text: string) => () => { void message.success(text); };
  const reporters = (participants.data?.items ?? [])
    .filter((participant) => can(participant, 'file_report'))
    .map((participant) => ({ code: participant.unit_code, name: participant.unit_name }));
  const download = useDownloadParticipants(campaign.id);

  const actions = (
    <Space wrap>
      {/* Every reader of the movement reads its contests (the page shows the bank and changes by the contest's own actions). */}
      <Button icon={<TrophyOutlined />} onClick={() => { void navigate(movementContestsPath(campaign.id)); }}>{t('movements.detail.contests')}</Button>
      {can(campaign, 'edit') && (
        <Button icon={<EditOutlined />} onClick={() => { void navigate(editPath(campaign.id)); }}>{t('movements.detail.edit')}</Button>
      )}
      {can(campaign, 'launch') && (
        <Popconfirm title={t('movements.detail.launchConfirm')} okText={t('movements.detail.launch')} cancelText={t('movements.form.cancel')} onConfirm={() => { mutations.transition.mutateAsync('launch').then(() => message.success(t('movements.detail.launched')), () => undefined); }}>
          <Button type="primary" icon={<PlayCircleOutlined />}>{t('movements.detail.launch')}</Button>
        </Popconfirm>
      )}
      {can(campaign, 'close') && (
        <Popconfirm title={t('movements.detail.closeConfirm')} okText={t('movements.detail.close')} cancelText={t('movements.form.cancel')} onConfirm={() => { mutations.transition.mutateAsync('close').then(() => message.success(t('movements.detail.closed')), () => undefined); }}>
          <Button danger icon={<StopOutlined />}>{t('movements.detail.close')}</Button>
        </Popconfirm>
      )}
      {can(campaign, 'enrol') && (
        <Button icon={<TeamOutlined />} onClick={() => { setDialog('enrol'); }}>{t('movements.enrol.open')}</Button>
      )}
      {reporters.length > 0 && (
        <Button type="primary" icon={<FileAddOutlined />} onClick={() => { setDialog('report'); }}>
          {t('movements.reports.file')}
        </Button>
      )}
    </Space>
  );

  return (
    <Flex vertical gap="large">
      <section>
        <PageTitle title={campaign.title} extra={actions} />
        <ProblemAlert error={mutations.transition.error} />
        <Descriptions
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'code', label: t('movements.fields.code'), children: campaign.code },
            { key: 'status', label: t('movements.fields.status'), children: <CampaignStatusTag status={shownStatus(campaign.status, campaign.starts_on, campaign.ends_on, todayIso())} /> },
            { key: 'level', label: t('movements.fields.level'), children: t(`movements.level.${campaign.level}`) },
            { key: 'organizer', label: t('movements.fields.organizer'), children: unitName(campaign.organizer_unit_code) },
            { key: 'period', label: t('movements.fields.period'), children: `${date(campaign.starts_on)} – ${date(campaign.ends_on)}` },
          ]}
        />
      </section>
      <SummaryCards campaign={campaign} />
      <Tabs
        items={[
          { key: 'general', label: t('movements.detail.tabs.general'), children: <GeneralTab campaign={campaign} onAddPhase={() => { setDialog('phase'); }} onEditPhase={setEditingPhase} /> },
          { key: 'targets', label: t('movements.detail.tabs.targets'), children: <TargetsTab campaign={campaign} onAdd={() => { setDialog('target'); }} onEdit={setEditingTarget} /> },
          {
            key: 'participants',
            label: t('movements.detail.tabs.participants'),
            children: (
              <ParticipantsTab
                campaignId={campaign.id}
                onFilePlan={(unitCode, body) => mutations.filePlan.mutateAsync({ unitCode, body }).then(done(t('movements.plans.saved')))}
                onDownload={can(campaign, 'export_participants') ? () => { download.mutate(`participants-${campaign.code}.xlsx`); } : undefined}
                downloading={download.isPending}
                downloadError={download.error}
              />
            ),
          },
          { key: 'reports', label: t('movements.detail.tabs.reports'), children: <ReportsTab campaign={campaign} /> },
          { key: 'initiatives', label: t('movements.detail.tabs.initiatives'), children: <InitiativesTab campaign={campaign} /> },
          { key: 'commendations', label: t('movements.detail.tabs.commendations'), children: <CommendationsTab campaign={campaign} /> },
        ]}
      />
      <PhaseFormModal open={dialog === 'phase'} campaign={campaign} onSubmit={(body) => mutations.addPhase.mutateAsync(body).then(done(t('movements.phases.added')))} onClose={() => { setDialog(null); }} />
      {editingPhase && (
        <PhaseFormModal
          open
          campaign={campaign}
          phase={editingPhase}
          onSubmit={(body) => mutations.updatePhase.mutateAsync({ phaseId: editingPhase.id, body }).then(done(t('movements.phases.saved')))}
          onClose={() => { setEditingPhase(null); }}
        />
      )}
      <TargetFormModal open={dialog === 'target'} onSubmit={(body) => mutations.addTarget.mutateAsync(body).then(done(t('movements.targets.added')))} onClose={() => { setDialog(null); }} />
      {editingTarget && (
        <TargetFormModal
          open
          target={editingTarget}
          onSubmit={(body) => mutations.updateTarget.mutateAsync({ targetId: editingTarget.id, body: { title: body.title, measure: body.measure, baseline: body.baseline, target: body.target, direction: body.direction, due_on: body.due_on } }).then(done(t('movements.targets.saved')))}
          onClose={() => { setEditingTarget(null); }}
        />
      )}
      <EnrolUnitsModal
        open={dialog === 'enrol'}
        enrolled={(participants.data?.items ?? []).map((participant) => participant.unit_code)}
        onSubmit={(codes) => mutations.enrol.mutateAsync(codes).then(() => { void message.success(t('movements.enrol.done', { count: codes.length })); })}
        onClose={() => { setDialog(null); }}
      />
      <ReportFormModal
        open={dialog === 'report'}
        campaign={campaign}
        targets={targets.data?.items ?? []}
        units={reporters}
        onSubmit={(body) => mutations.fileReport.mutateAsync(body).then(() => { void message.success(t('movements.reports.filed')); })}
        onClose={() => { setDialog(null); }}
      />
    </Flex>
  );
}

function SummaryCards({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const { number } = useFormatters();
  const summary = useSummary(campaign.id);
  const left = daysLeft(campaign.status, campaign.ends_on, todayIso());
  if (summary.isError) return <ProblemAlert error={summary.error} />;
  const data = summary.data;
  return (
    <section aria-label={t('movements.detail.summary')}>
      <Flex wrap gap="middle">
        <Card size="small">{left === null ? (
          <Statistic title={t('movements.summary.time')} value={t('movements.summary.over')} />
        ) : (
          <Statistic title={t('movements.summary.daysLeft')} value={number(left)} />
        )}</Card>
        <Card size="small"><Statistic title={t('movements.summary.participants')} value={number(data?.participants)} loading={summary.isPending} /></Card>
        <Card size="small"><Statistic title={t('movements.planStatus.on_time')} value={number(data?.plans.on_time)} loading={summary.isPending} /></Card>
        <Card size="small"><Statistic title={t('movements.planStatus.late')} value={number(data?.plans.late)} loading={summary.isPending} /></Card>
        <Card size="small"><Statistic title={t('movements.planStatus.missing')} value={number(data?.plans.missing)} loading={summary.isPending} /></Card>
        <Card size="small"><Statistic title={t('movements.summary.reportsToReview')} value={number(data?.reports.submitted)} loading={summary.isPending} /></Card>
      </Flex>
    </section>
  );
}

function GeneralTab({ campaign, onAddPhase, onEditPhase }: { campaign: Campaign; onAddPhase: () => void; onEditPhase: (phase: CampaignSchemas['PhaseOut']) => void }) {
  const { t } = useTranslation();
  const { date } = useFormatters();
  const { message } = App.useApp();
  const phases = usePhases(campaign.id);
  const { deletePhase } = useCampaignMutations(campaign.id);
  // Correcting and removing phases is part of running the movement: the same action that adds one.
  const manages = can(campaign, 'add_phase');
  return (
    <Flex vertical gap="middle">
      {campaign.description && <Typography.Paragraph>{campaign.description}</Typography.Paragraph>}
      <section>
        <Typography.Title level={2} style={{ fontSize: 20 }}>{t('movements.fields.contents')}</Typography.Title>
        {campaign.contents.length === 0 ? (
          <Typography.Text>{t('movements.detail.noContents')}</Typography.Text>
        ) : (
          <ol style={{ paddingInlineStart: 20 }}>
            {[...campaign.contents].sort((a, b) => a.no - b.no).map((content) => (
              <li key={content.no} value={content.no}>
                <strong>{content.title}</strong>
                {content.description && <div>{content.description}</div>}
              </li>
            ))}
          </ol>
        )}
      </section>
      {campaign.objectives.length > 0 && (
        <section>
          <Typography.Title level={2} style={{ fontSize: 20 }}>{t('movements.fields.objectives')}</Typography.Title>
          <ul style={{ paddingInlineStart: 20 }}>
            {campaign.objectives.map((objective) => <li key={objective}>{objective}</li>)}
          </ul>
        </section>
      )}
      <section aria-labelledby="phases-heading">
        <Flex justify="space-between" align="center" wrap gap="small">
          <Typography.Title level={2} style={{ fontSize: 20 }} id="phases-heading">{t('movements.phases.title')}</Typography.Title>
          {can(campaign, 'add_phase') && <Button icon={<PlusOutlined />} onClick={onAddPhase}>{t('movements.phases.add')}</Button>}
        </Flex>
        <ProblemAlert error={phases.error} />
        <ProblemAlert error={deletePhase.error} />
        {phases.data?.items.length === 0 && <Empty description={t('movements.phases.none')} />}
        {phases.data?.items.map((phase) => (
          <Card
            key={phase.id}
            size="small"
            title={<span style={{ whiteSpace: 'normal' }}>{`${phase.name} · ${date(phase.starts_on)} – ${date(phase.ends_on)}`}</span>}
            style={{ marginBottom: 12 }}
            extra={
              manages ? (
                <Space wrap>
                  <Button size="small" icon={<EditOutlined />} aria-label={t('movements.phases.editOf', { name: phase.name })} onClick={() => { onEditPhase(phase); }}>{t('movements.phases.edit')}</Button>
                  <Popconfirm
                    title={t('movements.phases.deleteConfirm', { name: phase.name })}
                    okText={t('movements.phases.delete')}
                    cancelText={t('movements.form.cancel')}
                    onConfirm={() => { deletePhase.mutateAsync(phase.id).then(() => { void message.success(t('movements.phases.deleted')); }, () => undefined); }}
                  >
                    <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('movements.phases.deleteOf', { name: phase.name })}>{t('movements.phases.delete')}</Button>
                  </Popconfirm>
                </Space>
              ) : undefined
            }
          >
            {phase.milestones.length === 0 ? (
              <Typography.Text>{t('movements.phases.noMilestones')}</Typography.Text>
            ) : (
              <Timeline
                items={[...phase.milestones].sort((a, b) => a.due_on.localeCompare(b.due_on)).map((milestone) => ({
                  key: `${milestone.title}-${milestone.due_on}`,
                  title: date(milestone.due_on),
                  content: `${milestone.title} (${t(`movements.milestoneKind.${milestone.kind}`)})`,
                }))}
              />
            )}
          </Card>
        ))}
      </section>
    </Flex>
  );
}

function TargetsTab({ campaign, onAdd, onEdit }: { campaign: Campaign; onAdd: () => void; onEdit: (target: CampaignSchemas['TargetOut']) => void }) {
  const { t } = useTranslation();
  const { date, number } = useFormatters();
  const { message } = App.useApp();
  const targets = useTargets(campaign.id);
  const { deleteTarget } = useCampaignMutations(campaign.id);
  const summary = useSummary(campaign.id);
  const progress = new Map((summary.data?.targets ?? []).map((target) => [target.code, target]));
  const columns: TableColumnsType<CampaignSchemas['TargetOut']> = [
    { title: t('movements.targets.title'), dataIndex: 'title', render: (title: string, target) => <div>{title}<div style={{ fontSize: 12 }}>{target.code}</div></div> },
    { title: t('movements.targets.measure'), dataIndex: 'measure', render: (value: 'percent' | 'count' | 'ratio') => t(`movements.measure.${value}`) },
    {
      title: t('movements.targets.baselineToTarget'),
      key: 'values',
      render: (_, target) => `${number(target.baseline)} → ${number(target.target)} (${t(`movements.direction.${target.direction}`)})`,
    },
    { title: t('movements.targets.dueOn'), dataIndex: 'due_on', render: (value: string | null) => date(value) },
    {
      title: t('movements.targets.progress'),
      key: 'progress',
      width: 260,
      render: (_, target) => <TargetProgress title={target.title} progress={progress.get(target.code)?.mean_progress} unitsReporting={progress.get(target.code)?.units_reporting ?? 0} />,
    },
  ];
  if (can(campaign, 'add_target')) {
    columns.push({
      title: t('movements.targets.actions'),
      key: 'actions',
      render: (_, target) => (
        <Space wrap>
          <Button size="small" icon={<EditOutlined />} aria-label={t('movements.targets.editOf', { title: target.title })} onClick={() => { onEdit(target); }}>{t('movements.targets.edit')}</Button>
          <Popconfirm
            title={t('movements.targets.deleteConfirm', { title: target.title })}
            okText={t('movements.targets.delete')}
            cancelText={t('movements.form.cancel')}
            onConfirm={() => { deleteTarget.mutateAsync(target.id).then(() => { void message.success(t('movements.targets.deleted')); }, () => undefined); }}
          >
            <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('movements.targets.deleteOf', { title: target.title })}>{t('movements.targets.delete')}</Button>
          </Popconfirm>
        </Space>
      ),
    });
  }
  return (
    <Flex vertical gap="middle">
      {can(campaign, 'add_target') && (
        <div><Button icon={<PlusOutlined />} onClick={onAdd}>{t('movements.targets.add')}</Button></div>
      )}
      <ProblemAlert error={targets.error} />
      <ProblemAlert error={deleteTarget.error} />
      <Table rowKey="id" columns={columns} dataSource={targets.data?.items ?? []} loading={targets.isPending} pagination={false} locale={{ emptyText: t('movements.targets.none') }} scroll={{ x: true }} />
    </Flex>
  );
}

const PLAN_FILTERS = ['all', 'late', 'missing', 'on_time'] as const;

/** The participants the user may read; the sheet's download shows when `onDownload` is given (the movement allows `export_participants`). */
function ParticipantsTab({ campaignId, onFilePlan, onDownload, downloading, downloadError }: { campaignId: string; onFilePlan: (unitCode: string, body: PlanIn) => Promise<unknown>; onDownload?: () => void; downloading: boolean; downloadError: unknown }) {
  const { t } = useTranslation();
  const { date } = useFormatters();
  const [filter, setFilter] = useState<(typeof PLAN_FILTERS)[number]>('all');
  const [planning, setPlanning] = useState<CampaignSchemas['ParticipantOut'] | null>(null);
  const participants = useParticipants(campaignId, filter === 'all' ? undefined : filter);
  const columns: TableColumnsType<CampaignSchemas['ParticipantOut']> = [
    { title: t('movements.participants.unit'), dataIndex: 'unit_name', render: (name: string, participant) => <div>{name}<div style={{ fontSize: 12 }}>{participant.unit_code}</div></div> },
    { title: t('movements.participants.cluster'), dataIndex: 'cluster', render: (value: string | null) => value ?? '–' },
    { title: t('movements.participants.planStatus'), dataIndex: 'plan_status', render: (value: PlanStatus) => <PlanStatusTag status={value} /> },
    {
      title: t('movements.participants.plan'),
      key: 'plan',
      render: (_, participant) => (
        <Space wrap>
          {participant.plan_document_no ? `${participant.plan_document_no} · ${date(participant.plan_issued_on)}` : '–'}
          <AttachedFiles files={participant.plan_files} title={t('movements.plans.filesOf', { unit: participant.unit_name })} />
          {can(participant, 'file_plan') && (
            <Button size="small" icon={<FileAddOutlined />} aria-label={t('movements.plans.fileOf', { unit: participant.unit_name })} onClick={() => { setPlanning(participant); }}>
              {participant.plan_document_no ? t('movements.plans.change') : t('movements.plans.file')}
            </Button>
          )}
        </Space>
      ),
    },
    { title: t('movements.participants.lastReport'), dataIndex: 'last_report_on', render: (value: string | null) => date(value) },
  ];
  return (
    <Flex vertical gap="middle">
      <Flex wrap gap="middle" justify="space-between">
        <Radio.Group
          aria-label={t('movements.participants.filter')}
          optionType="button"
          value={filter}
          onChange={(event) => { setFilter(event.target.value as (typeof PLAN_FILTERS)[number]); }}
          options={PLAN_FILTERS.map((value) => ({ value, label: value === 'all' ? t('movements.participants.all') : t(`movements.planStatus.${value}`) }))}
        />
        {onDownload && <Button icon={<DownloadOutlined />} loading={downloading} onClick={onDownload}>{t('movements.participants.download')}</Button>}
      </Flex>
      <ProblemAlert error={downloadError} />
      <ProblemAlert error={participants.error} />
      <Table rowKey="unit_code" columns={columns} dataSource={participants.data?.items ?? []} loading={participants.isFetching} locale={{ emptyText: t('movements.participants.none') }} pagination={{ pageSize: 20, showSizeChanger: false }} scroll={{ x: true }} />
      <PlanFormModal participant={planning} onSubmit={onFilePlan} onClose={() => { setPlanning(null); }} />
    </Flex>
  );
}

const REPORT_FILTERS = ['all', 'submitted', 'accepted', 'returned'] as const;

/** The reports the user may read; accept and return show on each report that lists them. */
function ReportsTab({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const { date, number } = useFormatters();
  const { message } = App.useApp();
  // Those who may change the movement start on what waits for review (a view, not a permission).
  const [filter, setFilter] = useState<(typeof REPORT_FILTERS)[number]>(can(campaign, 'edit') ? 'submitted' : 'all');
  const reports = useReports(campaign.id, filter === 'all' ? undefined : filter);
  const participants = useParticipants(campaign.id);
  const { review } = useCampaignMutations(campaign.id);
  const [returning, setReturning] = useState<CampaignSchemas['ReportOut'] | null>(null);
  const [correcting, setCorrecting] = useState<CampaignSchemas['ReportOut'] | null>(null);
  const { resubmit } = useCampaignMutations(campaign.id);
  const current = useReport(campaign.id, correcting?.id);
  const unitName = (code: string) => participants.data?.items.find((p) => p.unit_code === code)?.unit_name ?? code;
  const targets = useTargets(campaign.id);
  const targetTitle = (code: string) => targets.data?.items.find((target) => target.code === code)?.title ?? code;

  const columns: TableColumnsType<CampaignSchemas['ReportOut']> = [
    { title: t('movements.reports.unit'), dataIndex: 'unit_code', render: (code: string) => <div>{unitName(code)}<div style={{ fontSize: 12 }}>{code}</div></div> },
    { title: t('movements.reports.periodEnd'), dataIndex: 'period_end', render: (value: string) => date(value) },
    {
      title: t('movements.reports.values'),
      dataIndex: 'values',
      render: (values: Record<string, string>) => (
        <ul style={{ margin: 0, paddingInlineStart: 16 }}>
          {Object.entries(values).map(([code, value]) => <li key={code}>{targetTitle(code)}: {number(value)}</li>)}
        </ul>
      ),
    },
    {
      title: t('movements.reports.narrative'),
      key: 'narrative',
      render: (_, report) => (
        <div>
          {report.narrative}
          {report.evidence.length > 0 && (
            <ul style={{ margin: 0, paddingInlineStart: 16 }}>
              {report.evidence.map((item) => <li key={item.url}><a href={item.url} target="_blank" rel="noreferrer">{item.title}</a></li>)}
            </ul>
          )}
          <AttachedFiles files={report.files} title={t('movements.reports.files')} />
        </div>
      ),
    },
    {
      title: t('movements.reports.status'),
      key: 'status',
      render: (_, report) => (
        <div>
          <ReportStatusTag status={report.status} />
          {report.review_note && <div style={{ fontSize: 12 }}>{t('movements.reports.noteShown', { note: report.review_note })}</div>}
        </div>
      ),
    },
  ];
  const reviewable = (report: CampaignSchemas['ReportOut']) => can(report, 'accept') || can(report, 'return') || can(report, 'resubmit');
  if ((reports.data?.items ?? []).some(reviewable)) {
    columns.push({
      title: t('movements.reports.actions'),
      key: 'actions',
      render: (_, report) =>
        reviewable(report) ? (
          <Space wrap>
            {can(report, 'accept') && (
              <Button
                size="small"
                type="primary"
                icon={<CheckOutlined />}
                aria-label={t('movements.reports.acceptOf', { unit: unitName(report.unit_code) })}
                loading={review.isPending && review.variables.reportId === report.id}
                onClick={() => { review.mutateAsync({ reportId: report.id, accept: true }).then(() => message.success(t('movements.reports.accepted')), () => undefined); }}
              >
                {t('movements.reports.accept')}
              </Button>
            )}
            {can(report, 'resubmit') && (
              <Button size="small" type="primary" icon={<EditOutlined />} aria-label={t('movements.reports.resubmitOf', { unit: unitName(report.unit_code) })} onClick={() => { setCorrecting(report); }}>
                {t('movements.reports.resubmit')}
              </Button>
            )}
            {can(report, 'return') && (
              <Button size="small" icon={<RollbackOutlined />} aria-label={t('movements.reports.returnOf', { unit: unitName(report.unit_code) })} onClick={() => { setReturning(report); }}>
                {t('movements.reports.return')}
              </Button>
            )}
          </Space>
        ) : null,
    });
  }
  return (
    <Flex vertical gap="middle">
      <Radio.Group
        aria-label={t('movements.reports.filter')}
        optionType="button"
        value={filter}
        onChange={(event) => { setFilter(event.target.value as (typeof REPORT_FILTERS)[number]); }}
        options={REPORT_FILTERS.map((value) => ({ value, label: value === 'all' ? t('movements.reports.all') : t(`movements.reportStatus.${value}`) }))}
      />
      <ProblemAlert error={review.error} />
      <ProblemAlert error={reports.error} />
      <Table rowKey="id" columns={columns} dataSource={reports.data?.items ?? []} loading={reports.isFetching} locale={{ emptyText: t('movements.reports.none') }} pagination={{ pageSize: 20, showSizeChanger: false }} scroll={{ x: true }} />
      {correcting && <ProblemAlert error={current.error} />}
      {correcting && current.data?.id === correcting.id && (
        <ReportFormModal
          open
          campaign={campaign}
          report={current.data}
          targets={targets.data?.items ?? []}
          units={[{ code: correcting.unit_code, name: unitName(correcting.unit_code) }]}
          onSubmit={(body) => resubmit.mutateAsync({ reportId: correcting.id, body: { period_end: body.period_end, values: body.values, narrative: body.narrative, evidence: body.evidence, file_ids: body.file_ids ?? [] } }).then(() => { void message.success(t('movements.reports.resubmitted')); })}
          onClose={() => { setCorrecting(null); }}
        />
      )}
      <ReturnReportModal
        unitName={returning ? unitName(returning.unit_code) : undefined}
        onSubmit={(note) => (returning ? review.mutateAsync({ reportId: returning.id, accept: false, note }).then(() => { void message.success(t('movements.reports.returned')); }) : Promise.resolve())}
        onClose={() => { setReturning(null); }}
      />
    </Flex>
  );
}

function InitiativesTab({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const unitName = useUnitName();
  const initiatives = useInitiatives(campaign.id);
  const participants = useParticipants(campaign.id);
  const { addInitiative, assess } = useCampaignMutations(campaign.id);
  const [adding, setAdding] = useState(false);
  const [assessing, setAssessing] = useState<CampaignSchemas['InitiativeOut'] | null>(null);
  const filers = can(campaign, 'add_initiative')
    ? (participants.data?.items ?? []).filter((participant) => can(participant, 'add_initiative')).map((participant) => ({ code: participant.unit_code, name: participant.unit_name }))
    : [];
  const columns: TableColumnsType<CampaignSchemas['InitiativeOut']> = [
    {
      title: t('movements.initiatives.title'),
      dataIndex: 'title',
      render: (title: string, item) => (
        <div>
          {title}
          {item.summary && <div style={{ fontSize: 12 }}>{item.summary}</div>}
          <AttachedFiles files={item.files} title={t('movements.initiatives.files')} />
        </div>
      ),
    },
    { title: t('movements.initiatives.unit'), dataIndex: 'unit_code', render: (code: string) => unitName(code) },
    { title: t('movements.initiatives.authors'), dataIndex: 'authors', render: (authors: string[]) => authors.join(', ') },
    { title: t('movements.initiatives.status'), dataIndex: 'status', render: (status: 'submitted' | 'accepted' | 'rejected') => <InitiativeStatusTag status={status} /> },
    { title: t('movements.initiatives.assessment'), dataIndex: 'assessment', render: (value: string | null) => value ?? '–' },
  ];
  if ((initiatives.data?.items ?? []).some((item) => can(item, 'assess'))) {
    columns.push({
      title: t('movements.initiatives.actions'),
      key: 'actions',
      render: (_, item) =>
        can(item, 'assess') ? (
          <Button size="small" icon={<CheckOutlined />} aria-label={t('movements.initiatives.assessOf', { title: item.title })} onClick={() => { setAssessing(item); }}>
            {t('movements.initiatives.assess')}
          </Button>
        ) : null,
    });
  }
  return (
    <Flex vertical gap="middle">
      {filers.length > 0 && (
        <div><Button icon={<PlusOutlined />} onClick={() => { setAdding(true); }}>{t('movements.initiatives.add')}</Button></div>
      )}
      <ProblemAlert error={initiatives.error} />
      <Table rowKey="id" columns={columns} dataSource={initiatives.data?.items ?? []} loading={initiatives.isPending} locale={{ emptyText: t('movements.initiatives.none') }} scroll={{ x: true }} />
      <InitiativeFormModal open={adding} units={filers} onSubmit={(body) => addInitiative.mutateAsync(body).then(() => { void message.success(t('movements.initiatives.added')); })} onClose={() => { setAdding(false); }} />
      <AssessInitiativeModal
        initiative={assessing}
        onSubmit={(initiativeId, body) => assess.mutateAsync({ initiativeId, body }).then(() => { void message.success(t('movements.initiatives.assessed')); })}
        onClose={() => { setAssessing(null); }}
      />
    </Flex>
  );
}

function CommendationsTab({ campaign }: { campaign: Campaign }) {
  const { t } = useTranslation();
  const { date } = useFormatters();
  const { message } = App.useApp();
  const commendations = useCommendations(campaign.id);
  const participants = useParticipants(campaign.id);
  const { commend } = useCampaignMutations(campaign.id);
  const [recording, setRecording] = useState(false);
  const unitName = useUnitName();
  const columns: TableColumnsType<CampaignSchemas['CommendationOut']> = [
    { title: t('movements.commendations.recipient'), key: 'recipient', render: (_, item) => (item.recipient_type === 'person' ? `${item.person_name ?? ''} (${unitName(item.unit_code)})` : unitName(item.unit_code)) },
    { title: t('movements.commendations.form'), dataIndex: 'form' },
    { title: t('movements.commendations.decision'), key: 'decision', render: (_, item) => `${item.decision_no} · ${date(item.decided_on)}` },
    { title: t('movements.commendations.reason'), dataIndex: 'reason' },
  ];
  return (
    <Flex vertical gap="middle">
      {can(campaign, 'add_commendation') && (
        <div><Button icon={<TrophyOutlined />} onClick={() => { setRecording(true); }}>{t('movements.commendations.add')}</Button></div>
      )}
      <ProblemAlert error={commendations.error} />
      <Table rowKey="id" columns={columns} dataSource={commendations.data?.items ?? []} loading={commendations.isPending} locale={{ emptyText: t('movements.commendations.none') }} scroll={{ x: true }} />
      <CommendationFormModal
        open={recording}
        units={(participants.data?.items ?? []).map((participant) => ({ code: participant.unit_code, name: participant.unit_name }))}
        onSubmit={(body) => commend.mutateAsync(body).then(() => { void message.success(t('movements.commendations.recorded')); })}
        onClose={() => { setRecording(false); }}
      />
    </Flex>
  );
}
