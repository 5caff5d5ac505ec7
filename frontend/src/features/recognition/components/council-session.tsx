import { WarningOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Checkbox, DatePicker, Descriptions, Flex, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { useUnitName } from '@/lib/units';
import { PICKER_FORMAT, toApiDate } from '@/lib/picker-dates';
import { can } from '@/lib/allowed-actions';
import { useFormatters } from '@/lib/format';
import { useAwardName, useCouncil, useCouncilResults, useDecisionMutations, useDecisions, useTitles, useVote } from '../api/recognition';
import type { CouncilSessionOut, DecisionIn, NomineeResult, Vote } from '../api/recognition';

const nomineeKey = (nominee: { dossier_id: string; nominee_index: number }) => `${nominee.dossier_id}:${String(nominee.nominee_index)}`;
const VOTES: Vote[] = ['for', 'against', 'abstain'];

interface DecisionValues {
  award: string;
  number: string;
  signed_on: Dayjs;
  signer: string;
  signer_title: string;
  issuing_body: string;
  nominees: string[];
}

function IssueDecision({ session, passed }: { session: CouncilSessionOut; passed: NomineeResult[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const awardName = useAwardName();
  const titles = useTitles();
  const decisions = useDecisions();
  const { issue } = useDecisionMutations();
  const [form] = Form.useForm<DecisionValues>();
  const award = Form.useWatch('award', form);
  const awarded = new Set(
    (decisions.data?.items ?? [])
      .filter((decision) => decision.status === 'issued')
      .flatMap((decision) => decision.awardees.map(nomineeKey)),
  );
  const waiting = passed.filter((nominee) => !awarded.has(nomineeKey(nominee)));
  const awards = [...new Set(waiting.map((nominee) => nominee.title_code ?? nominee.form_code ?? ''))].filter(Boolean);
  const titleCodes = new Set((titles.data?.items ?? []).map((title) => title.code));
  const choices = waiting.filter((nominee) => (nominee.title_code ?? nominee.form_code) === award);
  if (waiting.length === 0) return <Typography.Paragraph type="secondary">{t('recognition.decisions.nothingToIssue')}</Typography.Paragraph>;
  return (
    <Form<DecisionValues>
      form={form}
      layout="vertical"
      initialValues={{ signed_on: dayjs(), signer_title: 'Chủ tịch', issuing_body: 'Ủy ban nhân dân tỉnh', award: awards[0], nominees: [] }}
      onValuesChange={(changed: Partial<DecisionValues>) => {
        if (changed.award !== undefined) form.setFieldValue('nominees', []);
      }}
      onFinish={(values) => {
        const body: DecisionIn = {
          session_id: session.id,
          number: values.number.trim(),
          signed_on: toApiDate(values.signed_on) ?? '',
          signer: values.signer.trim(),
          signer_title: values.signer_title.trim(),
          issuing_body: values.issuing_body.trim(),
          nominees: values.nominees.map((key) => {
            const [dossierId = '', index = '0'] = key.split(':');
            return { dossier_id: dossierId, nominee_index: Number(index) };
          }),
          ...(titleCodes.has(values.award)
            ? { title_code: values.award as DecisionIn['title_code'] }
            : { form_code: values.award as DecisionIn['form_code'] }),
        };
        issue.mutate(body, {
          onSuccess: (decision) => {
            void message.success(t('recognition.decisions.issued', { number: decision.number }));
            form.resetFields(['number', 'nominees']);
          },
        });
      }}
    >
      <ProblemAlert error={issue.error} />
      <Form.Item name="award" label={t('recognition.award')} rules={[{ required: true, message: t('recognition.required') }]}>
        <Select options={awards.map((code) => ({ value: code, label: awardName(code) }))} />
      </Form.Item>
      <Form.Item name="nominees" label={t('recognition.decisions.awardees')} rules={[{ required: true, message: t('recognition.decisions.chooseAwardees') }]}>
        <Checkbox.Group
          style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
          options={choices.map((nominee) => ({ value: nomineeKey(nominee), label: nominee.subject_name }))}
        />
      </Form.Item>
      <Flex gap="middle" wrap>
        <Form.Item name="number" label={t('recognition.decisions.number')} rules={[{ required: true, whitespace: true, message: t('recognition.required') }, { max: 100 }]}>
          <Input placeholder="123/QĐ-UBND" />
        </Form.Item>
        <Form.Item name="signed_on" label={t('recognition.decisions.signedOn')} rules={[{ required: true, message: t('recognition.required') }]}>
          <DatePicker format={PICKER_FORMAT} disabledDate={(day) => day.isAfter(new Date(), 'day')} />
        </Form.Item>
      </Flex>
      <Flex gap="middle" wrap>
        <Form.Item name="signer" label={t('recognition.decisions.signer')} rules={[{ required: true, whitespace: true, message: t('recognition.required') }, { max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="signer_title" label={t('recognition.decisions.signerTitle')} rules={[{ required: true, whitespace: true }, { max: 200 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="issuing_body" label={t('recognition.decisions.issuingBody')} rules={[{ required: true, whitespace: true }, { max: 300 }]}>
          <Input />
        </Form.Item>
      </Flex>
      <Button type="primary" htmlType="submit" loading={issue.isPending}>
        {t('recognition.decisions.issue')}
      </Button>
    </Form>
  );
}

/** A council session: the live tally per nominee, the member's own ballot, quota warnings, and the decisions issued from it. */
export function CouncilSessionView({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const unitName = useUnitName();
  const awardName = useAwardName();
  const session = useCouncil(sessionId);
  const results = useCouncilResults(sessionId);
  const vote = useVote(sessionId);
  const [cast, setCast] = useState<Record<string, Vote>>({});
  const mayVote = can(session.data, 'vote');
  const data = results.data;
  return (
    <Flex vertical gap="middle">
      <ProblemAlert error={session.error ?? results.error ?? vote.error} />
      {session.data && (
        <Descriptions size="small" bordered column={{ xs: 1, md: 2 }}>
          <Descriptions.Item label={t('recognition.council.heldOn')}>{format.date(session.data.held_on)}</Descriptions.Item>
          <Descriptions.Item label={t('recognition.council.members')}>{session.data.member_names.join(', ')}</Descriptions.Item>
          <Descriptions.Item label={t('recognition.council.quorum')}>{session.data.quorum}</Descriptions.Item>
          <Descriptions.Item label={t('recognition.council.threshold')}>{format.percent(session.data.threshold, { maximumFractionDigits: 1 })}</Descriptions.Item>
          {data && (
            <Descriptions.Item label={t('recognition.council.voters')}>
              {t('recognition.council.votersOf', { voters: data.voters, members: data.members })}{' '}
              <Tag color={data.quorum_reached ? 'success' : 'warning'}>
                {data.quorum_reached ? t('recognition.council.quorumReached') : t('recognition.council.quorumMissing')}
              </Tag>
            </Descriptions.Item>
          )}
        </Descriptions>
      )}
      {data && data.quota_breaches.length > 0 && (
        <Alert
          type="warning"
          showIcon
          icon={<WarningOutlined />}
          title={t('recognition.council.breaches', { n: data.quota_breaches.length })}
          description={
            <ul style={{ margin: 0 }}>
              {data.quota_breaches.map((breach) => (
                <li key={`${breach.rule}-${breach.unit_code}`}>
                  {t(`recognition.council.rule.${breach.rule}`, {
                    defaultValue: breach.message,
                    unit: unitName(breach.unit_code),
                    actual: breach.actual,
                    allowed: breach.allowed,
                  })}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Card size="small" title={t('recognition.council.tally')}>
        <Table<NomineeResult>
          rowKey={nomineeKey}
          size="small"
          pagination={false}
          scroll={{ x: true }}
          loading={results.isLoading}
          dataSource={data?.nominees ?? []}
          columns={[
            { title: t('recognition.nominee'), dataIndex: 'subject_name' },
            { title: t('recognition.unit'), render: (_, nominee) => unitName(nominee.unit_code) },
            { title: t('recognition.award'), render: (_, nominee) => awardName(nominee.title_code ?? nominee.form_code) },
            { title: t('recognition.council.for'), dataIndex: 'votes_for', align: 'right' },
            { title: t('recognition.council.against'), dataIndex: 'votes_against', align: 'right' },
            { title: t('recognition.council.abstain'), dataIndex: 'abstentions', align: 'right' },
            { title: t('recognition.council.needed'), dataIndex: 'needed', align: 'right' },
            {
              title: t('recognition.council.result'),
              render: (_, nominee) =>
                nominee.passed ? <Tag color="success">{t('recognition.council.passed')}</Tag> : <Tag>{t('recognition.council.notPassed')}</Tag>,
            },
            ...(mayVote
              ? [
                  {
                    title: t('recognition.council.yourVote'),
                    render: (_: unknown, nominee: NomineeResult) => {
                      const mine = cast[nomineeKey(nominee)];
                      if (mine) return <Tag color="blue">{t(`recognition.council.voted.${mine}`)}</Tag>;
                      return (
                        <Space wrap size={4}>
                          {VOTES.map((choice) => (
                            <Button
                              key={choice}
                              size="small"
                              aria-label={t('recognition.council.voteOn', { choice: t(`recognition.council.${choice}`), name: nominee.subject_name })}
                              onClick={() => {
                                vote.mutate(
                                  { dossier_id: nominee.dossier_id, nominee_index: nominee.nominee_index, vote: choice },
                                  { onSuccess: () => { setCast((previous) => ({ ...previous, [nomineeKey(nominee)]: choice })); } },
                                );
                              }}
                            >
                              {t(`recognition.council.${choice}`)}
                            </Button>
                          ))}
                        </Space>
                      );
                    },
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {session.data && can(session.data, 'issue_decision') && (
        <Card size="small" title={t('recognition.decisions.issueTitle')}>
          <IssueDecision session={session.data} passed={(data?.nominees ?? []).filter((nominee) => nominee.passed)} />
        </Card>
      )}
    </Flex>
  );
}
