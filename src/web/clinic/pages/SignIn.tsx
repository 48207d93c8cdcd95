import { type FormEvent, useState } from 'react';
import { ApiError, post } from '../../shared/api';
import { usePageTitle } from '../../shared/router';
import { Field, Status } from '../../shared/ui';
import type { SessionBody } from '../session';

export default function SignIn(props: { onSignedIn: (s: SessionBody) => void }) {
  usePageTitle('Sign in', 'Facetpath clinic');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      props.onSignedIn(await post<SessionBody>('/api/v1/auth/sign-in', { email, password }));
    } catch (err) {
      setError(
        err instanceof ApiError && err.status === 401
          ? 'The email or password is not right.'
          : err instanceof Error
            ? err.message
            : String(err),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <div style={{ maxWidth: '26rem', margin: '2rem auto' }}>
      <h1>Sign in to Facetpath</h1>
      <p className="muted">For practice staff. Patients do not need an account.</p>
      {error && <Status kind="error">{error}</Status>}
      <form onSubmit={submit} noValidate>
        <Field label="Email">
          {(f) => (
            <input
              id={f.id}
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field label="Password">
          {(f) => (
            <input
              id={f.id}
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </div>
  );
}
