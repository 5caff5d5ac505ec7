import { Alert, Button, Card, Checkbox, DatePicker, Flex, Form, Input, InputNumber, Result, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { useSession } from '@/lib/auth/use-session';
import { useFormatters } from '@/lib/format';
import { problemMessage } from '@/lib/problem-message';
import { formatCountdown, secondsLeft, storeAttempt, storeToken, storedAttempts, storedToken } from '../countdown';
import type { StoredAttempt } from '../countdown';
import {
  useAttempt,
  useJoin,
  useSaveAnswers,
  usePublicContest,
  useRegister,
  useStartAttempt,
  useSubmitAttempt,
} from '../api/contest-play';
import type { AttemptOut, AttemptStarted, PublicContest } from '../api/contest-play';

interface RegistrationForm {
  full_name: string;
  national_id: string;
  date_of_birth: Dayjs;
  phone: string;
  unit_code: string;
}

function Countdown({ deadline, onExpired }: { deadline: string; onExpired: () => void }) {
  const { t } = useTranslation();
  const [left, setLeft] = useState(() => secondsLeft(deadline));
  useEffect(() => {
    const timer = window.setInterval(() => {
      const now = secondsLeft(deadline);
      setLeft(now);
      if (now === 0) onExpired();
    }, 1000);
    return () => { window.clearInterval(timer); };
  }, [deadline, onExpired]);
  return (
    <Typography.Title level={4} role="timer" aria-live="off" data-testid="countdown">
      {t('contests.play.timeLeft', { time: formatCountdown(left) })}
    </Typography.Title>
  );
}

/** Signed in (an official or a learner): join with one's own account, choosing one's unit; otherwise a way to sign in. */
function JoinWithAccount({ contest, onToken }: { contest: PublicContest; onToken: (token: string) => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const join = useJoin(contest.id);
  const [unitCode, setUnitCode] = useState<string | undefined>();
  const here = paths.contestPlay.replace(':contestId', encodeURIComponent(contest.id));
  if (!session) {
    return (
      <Typography.Paragraph>
        {t('contests.play.haveAccount')} <Link to={`${paths.login}?next=${encodeURIComponent(here)}`}>{t('contests.play.signInToJoin')}</Link>
      </Typography.Paragraph>
    );
  }
  return (
    <Card title={t('contests.play.joinTitle', { name: session.user.full_name })}>
      {join.error ? <Alert type="error" showIcon title={problemMessage(t, join.error)} style={{ marginBottom: 16 }} /> : null}
      <Flex vertical gap="small">
        <Select
          aria-label={t('contests.play.unit')}
          placeholder={t('contests.play.chooseUnit')}
          showSearch={{ optionFilterProp: 'label' }}
          value={unitCode}
          onChange={setUnitCode}
          options={contest.units.map((unit) => ({ value: unit.code, label: unit.name }))}
        />
        <Button
          type="primary"
          block
          disabled={!unitCode}
          loading={join.isPending}
          onClick={() => {
            if (!unitCode) return;
            join.mutate(unitCode, {
              onSuccess: (answer) => {
                storeToken(contest.id, answer.participant_token);
                onToken(answer.participant_token);
              },
            });
          }}
        >
          {t('contests.play.joinAction')}
        </Button>
      </Flex>
    </Card>
  );
}

function Register({ contest, onToken }: { contest: PublicContest; onToken: (token: string) => void }) {
  const { t } = useTranslation();
  const register = useRegister(contest.id);
  const [form] = Form.useForm<RegistrationForm>();
  return (
    <Card title={t('contests.play.register')}>
      {register.error ? <Alert type="error" showIcon title={problemMessage(t, register.error)} style={{ marginBottom: 16 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        onFinish={(values) => {
          register.mutate(
            { ...values, date_of_birth: values.date_of_birth.format('YYYY-MM-DD') },
            {
              onSuccess: (answer) => {
                storeToken(contest.id, answer.participant_token);
                onToken(answer.participant_token);
              },
            },
          );
        }}
      >
        <Form.Item name="full_name" label={t('contests.play.fullName')} rules={[{ required: true, max: 200 }]}>
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item
          name="national_id"
          label={t('contests.play.nationalId')}
          rules={[{ required: true, pattern: /^[0-9]{12}$/, message: t('contests.play.nationalIdRule') }]}
        >
          <Input inputMode="numeric" maxLength={12} />
        </Form.Item>
        <Form.Item name="date_of_birth" label={t('contests.play.dateOfBirth')} rules={[{ required: true }]}>
          <DatePicker format="DD/MM/YYYY" style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="phone"
          label={t('contests.play.phone')}
          rules={[{ required: true, pattern: /^0[0-9]{9,10}$/, message: t('contests.play.phoneRule') }]}
        >
          <Input inputMode="tel" autoComplete="tel" />
        </Form.Item>
        <Form.Item name="unit_code" label={t('contests.play.unit')} rules={[{ required: true }]}>
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            options={contest.units.map((unit) => ({ value: unit.code, label: unit.name }))}
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={register.isPending} block>
          {t('contests.play.registerAction')}
        </Button>
      </Form>
    </Card>
  );
}

function Attempt({
  attempt,
  contest,
  token,
  onDone,
}: {
  attempt: AttemptStarted;
  contest: PublicContest;
  token: string;
  onDone: (result: AttemptOut) => void;
}) {
  const { t } = useTranslation();
  const [answers, setAnswers] = useState<Record<string, string[]>>({});
  const [prediction, setPrediction] = useState<number | null>(null);
  const [expired, setExpired] = useState(false);
  const save = useSaveAnswers(token);
  const submit = useSubmitAttempt(token);
  const error = save.error ?? submit.error;
  const finish = () => {
    save.mutate(
      {
        attemptId: attempt.attempt_id,
        answers: Object.entries(answers).map(([question_id, keys]) => ({ question_id, keys })),
        prediction,
      },
      {
        onSuccess: () => {
          submit.mutate(attempt.attempt_id, { onSuccess: onDone });
        },
      },
    );
  };
  return (
    <Flex vertical gap="middle">
      <Countdown
        deadline={attempt.deadline}
        onExpired={() => {
          setExpired(true);
        }}
      />
      {expired ? <Alert type="warning" showIcon title={t('contests.play.expired')} /> : null}
      {error ? <Alert type="error" showIcon title={problemMessage(t, error)} /> : null}
      {attempt.questions.map((question, index) => (
        <Card key={question.question_id} size="small" title={t('contests.play.question', { no: index + 1 })}>
          <Typography.Paragraph>{question.text}</Typography.Paragraph>
          <Checkbox.Group
            value={answers[question.question_id] ?? []}
            onChange={(keys) => {
              setAnswers((current) => ({ ...current, [question.question_id]: keys }));
            }}
          >
            <Space orientation="vertical">
              {question.options.map((option) => (
                <Checkbox key={option.key} value={option.key}>
                  {option.text}
                </Checkbox>
              ))}
            </Space>
          </Checkbox.Group>
        </Card>
      ))}
      {contest.prediction_question ? (
        <Card size="small" title={t('contests.play.prediction')}>
          <Typography.Paragraph>{contest.prediction_question}</Typography.Paragraph>
          <InputNumber min={0} max={10_000_000} value={prediction} onChange={(value) => {
              setPrediction(value);
            }} style={{ width: '100%' }} />
        </Card>
      ) : null}
      <Button type="primary" size="large" block onClick={finish} loading={save.isPending || submit.isPending} disabled={expired}>
        {t('contests.play.submit')}
      </Button>
    </Flex>
  );
}

function Score({ result }: { result: AttemptOut }) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap="middle">
      <Result
        status="success"
        title={t('contests.play.score', { correct: result.correct ?? 0, total: result.total })}
        subTitle={t('contests.play.seconds', { seconds: result.seconds ?? 0 })}
      />
      {result.review ? (
        result.review.map((item) => (
          <Card key={item.question_id} size="small">
            <Typography.Paragraph strong>{item.text}</Typography.Paragraph>
            <Typography.Paragraph type={item.correct ? 'success' : 'danger'}>
              {t('contests.play.correctKeys', { keys: item.correct_keys.join(', ') })}
            </Typography.Paragraph>
            <Typography.Paragraph>{item.explanation}</Typography.Paragraph>
          </Card>
        ))
      ) : (
        <Alert type="info" showIcon title={t('contests.play.explanationsLater')} />
      )}
    </Flex>
  );
}

/** The attempts submitted in this tab: each read again from the server (keys and explanations once its round has closed). */
function PastAttempts({ attempts, token }: { attempts: StoredAttempt[]; token: string }) {
  const { t } = useTranslation();
  const [viewing, setViewing] = useState<string | null>(null);
  const attempt = useAttempt(viewing, token);
  if (attempts.length === 0) return null;
  return (
    <Card title={t('contests.play.pastAttempts')}>
      <Flex vertical gap="small">
        {attempts.map((item) => (
          <Button
            key={item.attemptId}
            block
            type={viewing === item.attemptId ? 'primary' : 'default'}
            loading={viewing === item.attemptId && attempt.isFetching}
            onClick={() => {
              setViewing(item.attemptId);
              if (viewing === item.attemptId) void attempt.refetch();
            }}
          >
            {t('contests.play.review', { round: item.roundTitle })}
          </Button>
        ))}
        {attempt.error ? <Alert type="error" showIcon title={problemMessage(t, attempt.error)} /> : null}
        {viewing && attempt.data ? <Score result={attempt.data} /> : null}
      </Flex>
    </Card>
  );
}

/** The public contest page, for phones: register, take the open round against the server's deadline, see the result. */
export function ContestPlay({ contestId }: { contestId: string }) {
  const { t } = useTranslation();
  const { dateTime } = useFormatters();
  const contest = usePublicContest(contestId);
  const [token, setToken] = useState<string | null>(() => storedToken(contestId));
  const [attempt, setAttempt] = useState<AttemptStarted | null>(null);
  const [result, setResult] = useState<AttemptOut | null>(null);
  const [attempts, setAttempts] = useState<StoredAttempt[]>(() => storedAttempts(contestId));
  const start = useStartAttempt(token);
  const openRound = useMemo(() => contest.data?.rounds.find((round) => round.status === 'open'), [contest.data]);

  if (contest.isPending) return <Typography.Text>{t('contests.play.loading')}</Typography.Text>;
  if (contest.error) return <Alert type="error" showIcon title={problemMessage(t, contest.error)} />;
  const data = contest.data;
  return (
    <Flex vertical gap="middle">
      <Typography.Title level={2}>{data.title}</Typography.Title>
      {data.rules ? <Typography.Paragraph>{data.rules}</Typography.Paragraph> : null}
      {result ? (
        <Score result={result} />
      ) : attempt && token ? (
        <Attempt
          attempt={attempt}
          contest={data}
          token={token}
          onDone={(done) => {
            setResult(done);
            setAttempts(storeAttempt(contestId, { attemptId: done.attempt_id, roundTitle: openRound?.title ?? '' }));
          }}
        />
      ) : !token ? (
        <>
          <JoinWithAccount contest={data} onToken={setToken} />
          <Register contest={data} onToken={setToken} />
        </>
      ) : openRound ? (
        <Card title={openRound.title}>
          <Typography.Paragraph>
            {t('contests.play.roundOpen', { closes: dateTime(openRound.closes_at) })}
          </Typography.Paragraph>
          {start.error ? <Alert type="error" showIcon title={problemMessage(t, start.error)} style={{ marginBottom: 16 }} /> : null}
          <Button type="primary" size="large" block loading={start.isPending} onClick={() => {
              start.mutate(openRound.id, { onSuccess: setAttempt });
            }}>
            {t('contests.play.start', { count: data.questions_per_attempt })}
          </Button>
        </Card>
      ) : (
        <Alert type="info" showIcon title={t('contests.play.noOpenRound')} />
      )}
      {token && !attempt ? <PastAttempts attempts={attempts} token={token} /> : null}
    </Flex>
  );
}
