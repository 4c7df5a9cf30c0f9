import { useId, useState, type FormEvent } from 'react';
import { Button, Card, Form, Spinner } from 'react-bootstrap';
import { ApiError } from '../../../lib/api-error';
import { errorMessage } from '../../../lib/error-message';
import { useI18n } from '../../../lib/i18n';
import { useAdminLogin } from '../api/admin-login';

/** Username and password; wrong credentials are reported once, under the password. */
export function AdminLoginForm({ signedInAsUser }: { signedInAsUser: boolean }) {
  const { t } = useI18n();
  const id = useId();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const login = useAdminLogin();

  const usernameError = submitted && username.trim() === '' ? t('admin.login.required') : null;
  let passwordError = submitted && password === '' ? t('admin.login.required') : null;
  const credentialsWrong = login.error instanceof ApiError && login.error.code === 'invalid_credentials';
  if (!passwordError && login.error) passwordError = errorMessage(t, login.error);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (username.trim() === '' || password === '' || login.isPending) return;
    login.mutate({ username: username.trim(), password });
  };

  return (
    <div className="narrow-page">
      <Card className="shadow-sm">
        <Card.Body className="p-4">
          <h1 className="h3 mb-3">{t('admin.login.title')}</h1>
          {signedInAsUser ? <p className="text-body-secondary">{t('admin.login.userSession')}</p> : null}
          <Form noValidate onSubmit={submit}>
            <Form.Group className="mb-3" controlId={`${id}-username`}>
              <Form.Label>{t('admin.login.username')}</Form.Label>
              <Form.Control
                autoComplete="username"
                autoFocus
                value={username}
                isInvalid={usernameError !== null || credentialsWrong}
                aria-invalid={usernameError !== null || credentialsWrong}
                aria-describedby={usernameError ? `${id}-username-error` : undefined}
                onChange={(event) => {
                  setUsername(event.target.value);
                  if (login.isError) login.reset();
                }}
              />
              <Form.Control.Feedback type="invalid" id={`${id}-username-error`}>
                {usernameError}
              </Form.Control.Feedback>
            </Form.Group>
            <Form.Group className="mb-3" controlId={`${id}-password`}>
              <Form.Label>{t('admin.login.password')}</Form.Label>
              <Form.Control
                type="password"
                autoComplete="current-password"
                value={password}
                isInvalid={passwordError !== null}
                aria-invalid={passwordError !== null}
                aria-describedby={passwordError ? `${id}-password-error` : undefined}
                onChange={(event) => {
                  setPassword(event.target.value);
                  if (login.isError) login.reset();
                }}
              />
              <Form.Control.Feedback type="invalid" id={`${id}-password-error`} role="alert">
                {passwordError}
              </Form.Control.Feedback>
            </Form.Group>
            <Button type="submit" size="lg" className="w-100" disabled={login.isPending}>
              {login.isPending ? <Spinner animation="border" size="sm" className="me-2" aria-hidden="true" /> : null}
              {t('admin.login.submit')}
            </Button>
          </Form>
        </Card.Body>
      </Card>
    </div>
  );
}
