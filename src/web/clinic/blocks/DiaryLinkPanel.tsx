/**
 * After a diagnostic block: create the patient's diary link and hand it over — the full link, a QR code to scan
 * in the recovery room, a copy button, and the text message to send in English and Spanish with the expiry.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { DIARY_LINK_HOURS } from '../../../contract/preview';
import { ApiError, post } from '../../shared/api';
import { formatDateTime } from '../../shared/i18n';
import { Status } from '../../shared/ui';
import { QrCode } from './QrCode';

interface Created {
  linkId: string;
  token: string;
  url: string;
  expiresAt: string;
}

const LIFETIMES = [
  { hours: 24, label: '24 hours' },
  { hours: DIARY_LINK_HOURS.default, label: '3 days (72 hours)' },
  { hours: 168, label: '7 days' },
  { hours: DIARY_LINK_HOURS.max, label: '14 days (the longest allowed)' },
];

export function diaryMessages(
  link: string,
  expiresAt: string,
  givenName: string,
): { en: string; es: string } {
  return {
    en:
      `Hello ${givenName}, this is your pain clinic. Please record your pain after today's block at the ` +
      `times this page shows, starting soon after the block:\n${link}\n` +
      `The link works until ${formatDateTime(expiresAt, 'en')} and needs no account.`,
    es:
      `Hola ${givenName}, le escribe su clínica del dolor. Por favor anote su dolor después del bloqueo de hoy ` +
      `a las horas que indica esta página, empezando poco después del bloqueo:\n${link}\n` +
      `El enlace funciona hasta el ${formatDateTime(expiresAt, 'es')} y no necesita cuenta.`,
  };
}

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function DiaryLinkPanel(props: {
  procedureId: string;
  patient: { givenName: string; familyName: string; language: 'en' | 'es' };
}) {
  const id = useId();
  const [hours, setHours] = useState<number>(DIARY_LINK_HOURS.default);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState<{ what: string; ok: boolean } | null>(null);
  const createdRef = useRef<HTMLHeadingElement>(null);

  // The button that was pressed is gone: the focus goes to what replaced it.
  useEffect(() => {
    if (created) createdRef.current?.focus();
  }, [created]);

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      setCreated(
        await post<Created>(`/api/v1/procedures/${props.procedureId}/diary-links`, { expiresInHours: hours }),
      );
    } catch (e) {
      setError(e instanceof ApiError ? e.message : 'The link could not be created.');
    } finally {
      setBusy(false);
    }
  };

  const copyText = async (what: string, text: string) => setCopied({ what, ok: await copy(text) });

  if (!created)
    return (
      <section className="card diary-link" aria-labelledby={`${id}-h`}>
        <h2 id={`${id}-h`}>Pain diary link</h2>
        <p>
          The patient records pain on their phone after the block; the diary needs no account. The link is
          shown once: send it now or print the QR code.
        </p>
        <div className="field">
          <label htmlFor={`${id}-hours`}>The link works for</label>
          <select id={`${id}-hours`} value={hours} onChange={(e) => setHours(Number(e.target.value))}>
            {LIFETIMES.map((l) => (
              <option key={l.hours} value={l.hours}>
                {l.label}
              </option>
            ))}
          </select>
        </div>
        {error && <Status kind="error">{error}</Status>}
        <button type="button" onClick={() => void create()} disabled={busy}>
          {busy ? 'Creating the link…' : 'Create diary link'}
        </button>
      </section>
    );

  const link = `${window.location.origin}${created.url}`;
  const messages = diaryMessages(link, created.expiresAt, props.patient.givenName);
  const order: ('en' | 'es')[] = props.patient.language === 'es' ? ['es', 'en'] : ['en', 'es'];
  const name = `${props.patient.givenName} ${props.patient.familyName}`;
  return (
    <section className="card diary-link" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} ref={createdRef} tabIndex={-1}>
        Pain diary link for {name}
      </h2>
      <Status kind="ok">
        <p>
          Diary link created. It works until <strong>{formatDateTime(created.expiresAt, 'en')}</strong>; it is
          shown only now.
        </p>
      </Status>
      <div className="diary-link-grid">
        <div>
          <div className="field">
            <label htmlFor={`${id}-link`}>Diary link</label>
            <input id={`${id}-link`} readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
          </div>
          <p className="row">
            <button type="button" onClick={() => void copyText('link', link)}>
              Copy the link
            </button>
          </p>
          <p>
            <strong>Expires:</strong>{' '}
            <time dateTime={created.expiresAt}>{formatDateTime(created.expiresAt, 'en')}</time>
          </p>
          {order.map((lang) => (
            <div className="field" key={lang}>
              <label htmlFor={`${id}-msg-${lang}`}>
                {lang === 'en' ? 'Text message in English' : 'Text message in Spanish'}
                {lang === props.patient.language ? ' (the patient’s language)' : ''}
              </label>
              <textarea id={`${id}-msg-${lang}`} lang={lang} readOnly rows={5} value={messages[lang]} />
              <button
                type="button"
                className="secondary"
                onClick={() =>
                  void copyText(lang === 'en' ? 'English message' : 'Spanish message', messages[lang])
                }
              >
                {lang === 'en' ? 'Copy the English message' : 'Copy the Spanish message'}
              </button>
            </div>
          ))}
          <div aria-live="polite">
            {copied &&
              (copied.ok ? (
                <p className="status status-ok">Copied the {copied.what}.</p>
              ) : (
                <p className="status status-error">
                  This browser did not allow copying: select the {copied.what} and copy it.
                </p>
              ))}
          </div>
        </div>
        <figure className="qr-figure">
          <QrCode text={link} label={`QR code of the diary link for ${name}`} />
          <figcaption>Scan with the phone's camera to open the diary.</figcaption>
        </figure>
      </div>
    </section>
  );
}
