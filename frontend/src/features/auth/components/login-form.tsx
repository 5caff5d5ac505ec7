import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '@/components/ui/problem-alert';
import type { Session, SessionEnd } from '@/lib/auth/session';
import { useSignIn } from '../api/sign-in';
import type { Credentials } from '../api/sign-in';

export interface LoginFormProps {
  onSignedIn: (session: Session) => void;
  /** Why the previous session ended, if it did: said above the form. */
  ended?: SessionEnd | null;
}

export function LoginForm({ onSignedIn, ended }: LoginFormProps) {
  const { t } = useTranslation();
  const signIn = useSignIn({ onSuccess: onSignedIn });

  return (
    <Form<Credentials>
      layout="vertical"
      requiredMark={false}
      disabled={signIn.isPending}
      onFinish={(values) => { signIn.mutate(values); }}
      style={{ maxWidth: 400 }}
    >
      {ended && !signIn.isError && (
        <Alert
          type={ended === 'expired' ? 'warning' : 'info'}
          showIcon
          title={ended === 'expired' ? t('login.expired') : t('login.signedOut')}
          style={{ marginBottom: 16 }}
        />
      )}
      {signIn.isError && (
        <ProblemAlert
          error={signIn.error}
          messages={{ 401: t('login.wrongCredentials'), 429: t('login.locked') }}
          className="login-error"
        />
      )}
      <Form.Item
        name="username"
        label={t('login.username')}
        extra={t('login.usernameHint')}
        rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
        style={{ marginTop: 16 }}
      >
        <Input prefix={<UserOutlined aria-hidden />} autoComplete="username" autoFocus />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('login.password')}
        rules={[{ required: true, message: t('login.passwordRequired') }]}
      >
        <Input.Password prefix={<LockOutlined aria-hidden />} autoComplete="current-password" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={signIn.isPending} block>
        {t('login.submit')}
      </Button>
    </Form>
  );
}
