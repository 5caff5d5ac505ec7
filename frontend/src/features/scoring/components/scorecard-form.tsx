import { CheckOutlined, RollbackOutlined, SaveOutlined, SendOutlined } from '@ant-design/icons';
import { Alert, Button, Input, InputNumber, Modal, Space, Table, Tag, Typography, message } from 'antd';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { can } from '@/lib/allowed-actions';
import { useFormatters } from '@/lib/format';
import { useMoveScorecard, usePatchScorecard } from '../api/get-scorecard';
import type { EntryPatch, Scorecard, WorkflowAction } from '../api/get-scorecard';
import { bandFor, computeTotals, isAutomatic, scoreProblem, toScore, walk } from '../logic/scores';
import type { Band, Criterion, EntryScores } from '../logic/scores';
import { ScorecardStatusTag } from './status-tag';

interface EntryEdit {
  self_score?: number | null;
  note?: string;
  evidence_url?: string;
  reviewed_score?: number | null;
  review_note?: string;
}

export interface ScorecardFormProps {
  scorecard: Scorecard;
  etag: string | null;
  /** The criteria tree of the round's set (parents add up their children, capped). */
  criteria: readonly Criterion[];
  bands: readonly Band[];
}

/**
 * The states whose scores are the unit's self-assessment; in the others the scores being entered
 * are the reviewed ones. Whether the caller may enter them at all is the card's `score` action.
 */
const SELF_ASSESSED: ReadonlySet<Scorecard['status']> = new Set(['draft', 'returned']);

const isHttpUrl = (value: string) => {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
};

/**
 * A scorecard side by side — self-assessment, automatic value, reviewed score, the one that
 * counts, evidence and notes — with live totals. What can be entered and which buttons show is
 * what the card's `allowed_actions` lists for the signed-in user (scoring-api decides it):
 * `score` opens the self-assessment (draft, returned) or the reviewed scores (later states),
 * `submit`, `review`, `approve`, `return` each their button; with none the card is read-only.
 * Changes are sent with the ETag read (If-Match).
 */
export function ScorecardForm({ scorecard, etag, criteria, bands }: ScorecardFormProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const idPrefix = useId();
  const [edits, setEdits] = useState<Record<string, EntryEdit>>({});
  const [returning, setReturning] = useState(false);
  const [reason, setReason] = useState('');
  const patch = usePatchScorecard(scorecard.id);
  const move = useMoveScorecard(scorecard.id);
  const [messageApi, messageHolder] = message.useMessage();

  const { status } = scorecard;
  const mayScore = can(scorecard, 'score');
  const selfMode = mayScore && SELF_ASSESSED.has(status);
  const reviewMode = mayScore && !SELF_ASSESSED.has(status);

  const entries = new Map(scorecard.entries.map((entry) => [entry.criterion_code, entry]));
  const scores: Record<string, EntryScores> = {};
  for (const entry of scorecard.entries) {
    const edit = edits[entry.criterion_code] ?? {};
    scores[entry.criterion_code] = {
      self: edit.self_score !== undefined ? edit.self_score : toScore(entry.self_score),
      auto: toScore(entry.auto_score),
      reviewed: edit.reviewed_score !== undefined ? edit.reviewed_score : toScore(entry.reviewed_score),
    };
  }
  const totals = computeTotals(criteria, scores);
  const maxTotal = criteria.reduce((sum, criterion) => sum + Number(criterion.max_points), 0);
  const band = bandFor(totals.total, bands);

  const problems: Record<string, string> = {};
  for (const { criterion } of walk(criteria)) {
    if ((criterion.children ?? []).length > 0) continue;
    const edit = edits[criterion.code];
    if (!edit) continue;
    const max = Number(criterion.max_points);
    for (const value of [edit.self_score, edit.reviewed_score]) {
      const problem = scoreProblem(criterion.method, max, value ?? null);
      if (problem) problems[criterion.code] = t(`scoring.validation.${problem}`, { max: format.number(max) });
    }
    if (edit.evidence_url && !isHttpUrl(edit.evidence_url)) {
      problems[`${criterion.code}:evidence`] = t('scoring.validation.url');
    }
  }
  const hasProblems = Object.keys(problems).length > 0;
  const dirty = Object.keys(edits).length > 0;

  const edit = (code: string, change: EntryEdit) => {
    setEdits((all) => ({ ...all, [code]: { ...all[code], ...change } }));
  };

  const patchBody = (): EntryPatch[] =>
    Object.entries(edits).map(([code, change]) => {
      const body: EntryPatch = { criterion_code: code };
      if (selfMode) {
        if (change.self_score !== undefined) body.self_score = change.self_score;
        if (change.note !== undefined) body.note = change.note;
        if (change.evidence_url !== undefined) body.evidence_url = change.evidence_url || null;
      }
      if (reviewMode) {
        if (change.reviewed_score !== undefined) body.reviewed_score = change.reviewed_score;
        if (change.review_note !== undefined) body.review_note = change.review_note;
      }
      return body;
    });

  const save = async (): Promise<boolean> => {
    if (!dirty) return true;
    try {
      await patch.mutateAsync({ entries: patchBody(), etag });
      setEdits({});
      return true;
    } catch {
      return false;
    }
  };

  const act = async (action: WorkflowAction, returnReason?: string) => {
    if (action !== 'return' && action !== 'approve' && !(await save())) return;
    move.mutate(
      { action, ...(returnReason ? { reason: returnReason } : {}) },
      {
        onSuccess: () => {
          setReturning(false);
          setReason('');
          void messageApi.success(t(`scoring.scorecard.done.${action}`));
        },
      },
    );
  };

  const scoreInput = (code: string, field: 'self_score' | 'reviewed_score', value: number | null, title: string) => {
    const problemId = `${idPrefix}-${code}-problem`;
    const problem = problems[code];
    return (
      <InputNumber<number>
        value={value}
        // No min/max here: the input would silently clamp; the check below says what is wrong instead.
        step={0.5}
        decimalSeparator={format.language === 'vi' ? ',' : '.'}
        status={problem ? 'error' : undefined}
        aria-label={t(field === 'self_score' ? 'scoring.scorecard.selfLabel' : 'scoring.scorecard.reviewedLabel', { code, title })}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? problemId : undefined}
        style={{ width: 96 }}
        onChange={(next) => {
          edit(code, { [field]: next ?? null });
        }}
      />
    );
  };

  const shown = (value: number | null | undefined) => (value === null || value === undefined ? '—' : format.number(value));

  const rows = walk(criteria).map(({ criterion, depth }) => ({ criterion, depth, key: criterion.code }));
  type Row = (typeof rows)[number];

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      {messageHolder}
      <Space wrap>
        <ScorecardStatusTag status={status} />
        {scorecard.cluster && <Tag>{scorecard.cluster}</Tag>}
      </Space>
      {status === 'returned' && scorecard.return_reason && (
        <Alert type="warning" showIcon title={t('scoring.scorecard.returnedBecause', { reason: scorecard.return_reason })} />
      )}
      <section aria-label={t('scoring.scorecard.totals')} aria-live="polite">
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('scoring.scorecard.total', { total: format.number(totals.total), max: format.number(maxTotal) })}
        </Typography.Title>
        <Typography.Text>
          {/* Only an approved card's band is final; before approval it is what the scores would give. */}
          {t(status === 'approved' ? 'scoring.scorecard.bandFinal' : 'scoring.scorecard.band', { band: band ?? t('scoring.ranking.noBand') })}
          {totals.pending.length > 0 && ` · ${t('scoring.scorecard.pending', { n: totals.pending.length })}`}
        </Typography.Text>
      </section>
      <Table<Row>
        rowKey="key"
        dataSource={rows}
        pagination={false}
        size="small"
        tableLayout="auto"
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('scoring.scorecard.criterion'),
            key: 'criterion',
            render: (_, { criterion, depth }) => (
              <div style={{ paddingInlineStart: depth * 20 }}>
                <Typography.Text strong={depth === 0}>
                  {criterion.code}. {criterion.title}
                </Typography.Text>
                {(criterion.children ?? []).length === 0 && (
                  <div>
                    <Typography.Text type="secondary">{t(`scoring.method.${criterion.method}`)}</Typography.Text>
                  </div>
                )}
              </div>
            ),
          },
          { title: t('scoring.scorecard.max'), key: 'max', render: (_, { criterion }) => format.number(criterion.max_points) },
          {
            title: t('scoring.scorecard.self'),
            key: 'self',
            render: (_, { criterion }) => {
              const code = criterion.code;
              if ((criterion.children ?? []).length > 0) return null;
              const value = scores[code]?.self ?? null;
              return selfMode ? scoreInput(code, 'self_score', value, criterion.title) : shown(value);
            },
          },
          {
            title: t('scoring.scorecard.auto'),
            key: 'auto',
            render: (_, { criterion }) =>
              (criterion.children ?? []).length > 0 ? null : isAutomatic(criterion.method) ? shown(scores[criterion.code]?.auto) : (
                <Typography.Text type="secondary">{t('scoring.scorecard.notAutomatic')}</Typography.Text>
              ),
          },
          {
            title: t('scoring.scorecard.reviewed'),
            key: 'reviewed',
            render: (_, { criterion }) => {
              const code = criterion.code;
              if ((criterion.children ?? []).length > 0) return null;
              const value = scores[code]?.reviewed ?? null;
              return reviewMode ? scoreInput(code, 'reviewed_score', value, criterion.title) : shown(value);
            },
          },
          {
            title: t('scoring.scorecard.effective'),
            key: 'effective',
            render: (_, { criterion }) => <Typography.Text strong>{shown(totals.byCriterion[criterion.code])}</Typography.Text>,
          },
          {
            title: t('scoring.scorecard.evidence'),
            key: 'evidence',
            width: 180,
            render: (_, { criterion }) => {
              const code = criterion.code;
              if ((criterion.children ?? []).length > 0) return null;
              const saved = entries.get(code)?.evidence_url ?? '';
              const value = edits[code]?.evidence_url ?? saved;
              const problem = problems[`${code}:evidence`];
              return selfMode ? (
                <Input
                  value={value}
                  type="url"
                  placeholder="https://"
                  status={problem ? 'error' : undefined}
                  aria-label={t('scoring.scorecard.evidenceLabel', { code, title: criterion.title })}
                  aria-invalid={problem ? true : undefined}
                  onChange={(event) => {
                    edit(code, { evidence_url: event.target.value });
                  }}
                />
              ) : saved ? (
                <a href={saved} target="_blank" rel="noopener noreferrer">
                  {t('scoring.scorecard.openEvidence')}
                </a>
              ) : (
                '—'
              );
            },
          },
          {
            title: t('scoring.scorecard.notes'),
            key: 'notes',
            width: 200,
            render: (_, { criterion }) => {
              const code = criterion.code;
              if ((criterion.children ?? []).length > 0) return null;
              const entry = entries.get(code);
              const note = edits[code]?.note ?? entry?.note ?? '';
              const reviewNote = edits[code]?.review_note ?? entry?.review_note ?? '';
              const problem = problems[code];
              return (
                <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                  {selfMode ? (
                    <Input.TextArea
                      value={note}
                      autoSize
                      maxLength={4000}
                      aria-label={t('scoring.scorecard.noteLabel', { code, title: criterion.title })}
                      onChange={(event) => {
                        edit(code, { note: event.target.value });
                      }}
                    />
                  ) : (
                    note && <Typography.Text>{t('scoring.scorecard.noteShown', { note })}</Typography.Text>
                  )}
                  {reviewMode ? (
                    <Input.TextArea
                      value={reviewNote}
                      autoSize
                      maxLength={4000}
                      aria-label={t('scoring.scorecard.reviewNoteLabel', { code, title: criterion.title })}
                      onChange={(event) => {
                        edit(code, { review_note: event.target.value });
                      }}
                    />
                  ) : (
                    reviewNote && <Typography.Text type="secondary">{t('scoring.scorecard.reviewNoteShown', { note: reviewNote })}</Typography.Text>
                  )}
                  {problem && (
                    <Typography.Text type="danger" id={`${idPrefix}-${code}-problem`} role="alert">
                      {problem}
                    </Typography.Text>
                  )}
                </Space>
              );
            },
          },
        ]}
      />
      <ProblemAlert error={patch.error ?? move.error} messages={{ 412: t('scoring.scorecard.stale') }} />
      <Space wrap>
        {mayScore && (
          <Button icon={<SaveOutlined />} disabled={!dirty || hasProblems} loading={patch.isPending} onClick={() => { void save().then((saved) => { if (saved) void messageApi.success(t('scoring.scorecard.saved')); }); }}>
            {t('scoring.actions.save')}
          </Button>
        )}
        {can(scorecard, 'submit') && (
          <Button type="primary" icon={<SendOutlined />} disabled={hasProblems} loading={move.isPending} onClick={() => void act('submit')}>
            {t('scoring.actions.submit')}
          </Button>
        )}
        {can(scorecard, 'review') && (
          <Button type="primary" icon={<CheckOutlined />} disabled={hasProblems} loading={move.isPending} onClick={() => void act('review')}>
            {t('scoring.actions.review')}
          </Button>
        )}
        {can(scorecard, 'approve') && (
          <Button type="primary" icon={<CheckOutlined />} loading={move.isPending} onClick={() => void act('approve')}>
            {t('scoring.actions.approve')}
          </Button>
        )}
        {can(scorecard, 'return') && (
          <Button
            danger
            icon={<RollbackOutlined />}
            onClick={() => {
              setReturning(true);
            }}
          >
            {t('scoring.actions.return')}
          </Button>
        )}
      </Space>
      <Modal
        open={returning}
        title={t('scoring.actions.return')}
        okText={t('scoring.actions.return')}
        cancelText={t('scoring.actions.cancel')}
        okButtonProps={{ disabled: !reason.trim(), danger: true }}
        confirmLoading={move.isPending}
        onOk={() => void act('return', reason.trim())}
        onCancel={() => {
          setReturning(false);
        }}
      >
        <label htmlFor={`${idPrefix}-reason`}>{t('scoring.scorecard.returnReason')}</label>
        <Input.TextArea
          id={`${idPrefix}-reason`}
          value={reason}
          maxLength={2000}
          rows={4}
          onChange={(event) => {
            setReason(event.target.value);
          }}
        />
      </Modal>
    </Space>
  );
}
