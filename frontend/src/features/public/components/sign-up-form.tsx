import { Alert, Button, Form, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '@/components/ui/problem-alert';
import { paths } from '@/config/paths';
import { useSignUp } from '../api/sign-up';
import { parseBirthDate } from '../birth-date';

interface SignUpValues {
  national_id: string;
  date_of_birth: string;
  password: string;
  confirm: string;
}

const PASSWORD_MIN = 8;

/**
 * A learner already in the register (enrolled by their commune) creates their sign-in: national ID,
 * birth date and a password. Every mismatch gets the same answer (the API tells nobody which part was wrong).
 */
export function SignUpForm() {
  const { t } = useTranslation();
  const signUp = useSignUp();

  if (signUp.isSuccess) {
    return (
      <Alert
        type="success"
        showIcon
        title={t('signup.done')}
        description={
          <Link to={paths.login} className="inline-link">
            {t('signup.toLogin')}
          </Link>
        }
      />
    );
  }

  return (
    <Form<SignUpValues>
      layout="vertical"
      requiredMark={false}
      disabled={signUp.isPending}
      style={{ maxWidth: 400 }}
      onFinish={(values) => {
        signUp.mutate({
          national_id: values.national_id.trim(),
          date_of_birth: parseBirthDate(values.date_of_birth) ?? '',
          password: values.password,
        });
      }}
    >
      {signUp.isError && <ProblemAlert error={signUp.error} messages={{ 403: t('signup.refused'), 429: t('signup.tooMany') }} />}
      <Form.Item
        name="national_id"
        label={t('signup.nationalId')}
        extra={t('signup.nationalIdHelp')}
        rules={[
          { required: true, message: t('signup.nationalIdRequired') },
          { pattern: /^\s*\d{12}\s*$/, message: t('signup.nationalIdHelp') },
        ]}
        style={{ marginTop: 16 }}
      >
        <Input inputMode="numeric" autoComplete="username" maxLength={14} />
      </Form.Item>
      <Form.Item
        name="date_of_birth"
        label={t('signup.dateOfBirth')}
        extra={t('signup.dateOfBirthHelp')}
        rules={[
          { required: true, message: t('signup.dateOfBirthRequired') },
          {
            validator: (_, value: string | undefined) =>
              !value || parseBirthDate(value) ? Promise.resolve() : Promise.reject(new Error(t('signup.dateOfBirthInvalid'))),
          },
        ]}
      >
        <Input inputMode="numeric" placeholder="dd/mm/yyyy" autoComplete="bday" maxLength={10} />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('signup.password')}
        extra={t('signup.passwordHelp', { min: PASSWORD_MIN })}
        rules={[
          { required: true, message: t('signup.passwordRequired') },
          { min: PASSWORD_MIN, message: t('signup.passwordHelp', { min: PASSWORD_MIN }) },
          { max: 128, message: t('signup.passwordTooLong') },
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item
        name="confirm"
        label={t('signup.confirm')}
        dependencies={['password']}
        rules={[
          { required: true, message: t('signup.confirmRequired') },
          ({ getFieldValue }) => ({
            validator: (_, value) =>
              !value || value === getFieldValue('password') ? Promise.resolve() : Promise.reject(new Error(t('signup.passwordsDiffer'))),
          }),
        ]}
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={signUp.isPending} block>
        {t('signup.submit')}
      </Button>
      <Typography.Paragraph style={{ marginTop: 16 }}>
        {t('signup.haveAccount')} <Link to={paths.login} className="inline-link">{t('signup.toLogin')}</Link>
      </Typography.Paragraph>
    </Form>
  );
}
