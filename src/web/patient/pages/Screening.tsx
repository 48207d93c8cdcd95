/**
 * "Am I a candidate?": the self-screening questionnaire and an appointment request at a location of the
 * patient's choice, sent as the server's screeningRequestInput; then the honest, non-diagnostic result with
 * every reason explained, and where the request went. English and Spanish; one form, quick on a phone,
 * usable by keyboard; errors (the browser's and the server's) beside the field and in a summary; nothing
 * typed is lost on an error.
 */
import { type FormEvent, type RefObject, useEffect, useRef, useState } from 'react';
import { ApiError, post } from '../../shared/api';
import { type Dict, fill, useLang, useT } from '../../shared/i18n';
import { usePageTitle } from '../../shared/router';
import { CheckGroup, firstInputId, type Option, RadioGroup, TextInput } from '../components/form';
import { PracticeStatus } from '../components/PracticeStatus';
import '../components/pages.css';
import { commonText } from '../content/common';
import { type PublicLocation, telHref, usePractice } from '../content/practice';
import {
  type Assessment,
  coverageText,
  durationText,
  imagingText,
  painAreaText,
  REASON_GROUP,
  radiationText,
  reasonGroupText,
  reasonText,
  redFlagText,
  resultText,
  screeningText,
  treatmentText,
} from '../content/screening';
import {
  EMPTY_FORM,
  errorsFromIssues,
  FIELDS,
  type FieldErrors,
  type FieldKey,
  hasPayer,
  type ScreeningForm,
  toRequest,
  validate,
} from '../content/screening-form';

type Text = (typeof screeningText)['en'];

/** Each field's element id and the question that labels it in the error summary. */
const FIELD_INFO: Record<FieldKey, { id: string; group: boolean; label: keyof Text }> = {
  painArea: { id: 'q-pain-area', group: true, label: 'painArea' },
  duration: { id: 'q-duration', group: true, label: 'duration' },
  worseWithMovement: { id: 'q-movement', group: true, label: 'movement' },
  radiation: { id: 'q-radiation', group: true, label: 'radiation' },
  treatmentsTried: { id: 'q-treatments', group: true, label: 'treatments' },
  imaging: { id: 'q-imaging', group: true, label: 'imaging' },
  redFlags: { id: 'q-red-flags', group: true, label: 'redFlags' },
  locationId: { id: 'q-location', group: true, label: 'location' },
  preferredTimes: { id: 'q-times', group: false, label: 'times' },
  'contact.givenName': { id: 'q-given-name', group: false, label: 'givenName' },
  'contact.familyName': { id: 'q-family-name', group: false, label: 'familyName' },
  'contact.phone': { id: 'q-phone', group: false, label: 'phone' },
  'contact.email': { id: 'q-email', group: false, label: 'email' },
  'contact.birthDate': { id: 'q-birth-date', group: false, label: 'birthDate' },
  'insurance.kind': { id: 'q-insurance', group: true, label: 'insuranceKind' },
  'insurance.payerName': { id: 'q-payer', group: false, label: 'payerName' },
  'insurance.memberId': { id: 'q-member-id', group: false, label: 'memberId' },
};

function options<T extends string>(dict: Dict<Record<T, string>>, lang: 'en' | 'es'): Option<T>[] {
  return (Object.keys(dict.en) as T[]).map((value) => ({ value, label: dict[lang][value] }));
}

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/**
 * Unsent answers per practice, kept in memory only (never in storage: a shared phone keeps no one's details),
 * so a visit to Learn or Before & after and back finds them as they were.
 */
const drafts = new Map<string, ScreeningForm>();

type SendError = 'offline' | 'tooMany' | 'serverError' | 'notFound' | { other: string[] };

interface Sent {
  id: string;
  assessment: Assessment;
  location: PublicLocation | undefined;
  phone: string;
}

export default function Screening(props: { slug: string }) {
  const t = useT(screeningText);
  const c = useT(commonText);
  const lang = useLang();
  usePageTitle(t.title, c.site);
  const { state, retry } = usePractice(props.slug);
  const practiceName = state.kind === 'ok' ? state.practice.name : c.ourClinic;
  const locations = state.kind === 'ok' ? state.practice.locations : [];

  const [form, setFormState] = useState<ScreeningForm>(() => drafts.get(props.slug) ?? EMPTY_FORM);
  const setForm = (update: (f: ScreeningForm) => ScreeningForm) =>
    setFormState((f) => {
      const next = update(f);
      drafts.set(props.slug, next);
      return next;
    });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [sendError, setSendError] = useState<SendError | null>(null);
  const [sending, setSending] = useState(false);
  const [sent, setSent] = useState<Sent | null>(null);
  const [focusTick, setFocusTick] = useState(0);
  const inFlight = useRef(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (focusTick > 0) summaryRef.current?.focus();
  }, [focusTick]);
  useEffect(() => {
    if (sent) {
      window.scrollTo(0, 0);
      resultRef.current?.focus();
    }
  }, [sent]);

  const set = <K extends keyof ScreeningForm>(key: K, field: FieldKey | null, value: ScreeningForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    if (field)
      setErrors((e) => {
        if (!e[field]) return e;
        const next = { ...e };
        delete next[field];
        return next;
      });
  };

  const message = (e: FieldErrors[FieldKey]) => {
    if (!e) return undefined;
    if (e.code === 'errServer') return fill(t.errServer, { message: e.message });
    if (e.code === 'errTooLong') return fill(t.errTooLong, { max: e.max ?? 0 });
    return t[e.code];
  };
  const err = (k: FieldKey) => message(errors[k]);

  async function submit(ev: FormEvent) {
    ev.preventDefault();
    if (inFlight.current) return; // a second tap while sending sends nothing twice
    const found = validate(form, today());
    setErrors(found);
    setSendError(null);
    if (Object.keys(found).length > 0) {
      setFocusTick((n) => n + 1);
      return;
    }
    inFlight.current = true;
    setSending(true);
    try {
      const body = toRequest(form, lang);
      const res = await post<{ id: string; assessment: Assessment }>(
        `/api/v1/public/practices/${encodeURIComponent(props.slug)}/screening-requests`,
        body,
      );
      drafts.delete(props.slug);
      setSent({
        id: res.id,
        assessment: res.assessment,
        location: locations.find((l) => l.id === form.locationId),
        phone: body.contact.phone,
      });
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && e.issues.length > 0) {
        const { fields, other } = errorsFromIssues(e.issues);
        setErrors(fields);
        if (other.length > 0) setSendError({ other });
      } else if (e instanceof ApiError && e.offline) setSendError('offline');
      else if (e instanceof ApiError && e.status === 429) setSendError('tooMany');
      else if (e instanceof ApiError && e.status === 404) setSendError('notFound');
      else setSendError('serverError');
      setFocusTick((n) => n + 1);
    } finally {
      inFlight.current = false;
      setSending(false);
    }
  }

  if (sent)
    return <Result t={t} sent={sent} practiceName={practiceName} refEl={resultRef} slug={props.slug} />;

  const summary = FIELDS.filter((k) => errors[k]);
  const sendErrorText =
    sendError === null
      ? null
      : typeof sendError === 'object'
        ? sendError.other.join(' ')
        : sendError === 'notFound'
          ? c.practiceNotFound
          : t[sendError];
  const flagged = form.redFlags.some((f) => f !== 'none');

  return (
    <>
      <h1>{t.title}</h1>
      <p className="lead">{t.intro}</p>
      <p className="muted">{t.requiredNote}</p>

      {(summary.length > 0 || sendErrorText) && (
        <div className="error-summary" tabIndex={-1} ref={summaryRef} role="alert">
          <h2 id="screening-errors">{summary.length > 0 ? t.errorsTitle : t.notSent}</h2>
          {sendErrorText && (
            <p>
              {summary.length > 0 ? `${t.notSent} ` : ''}
              {sendErrorText} {t.notSentKeep}
            </p>
          )}
          {summary.length > 0 && (
            <ul>
              {summary.map((k) => {
                const info = FIELD_INFO[k];
                const target = info.group ? firstInputId(info.id) : info.id;
                return (
                  <li key={k}>
                    <a
                      href={`#${target}`}
                      onClick={(e) => {
                        e.preventDefault();
                        const el = document.getElementById(target);
                        el?.focus();
                        el?.scrollIntoView({ block: 'center' });
                      }}
                    >
                      {t[info.label]}: {err(k)}
                    </a>
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}

      <form noValidate onSubmit={submit}>
        <section className="form-section" aria-labelledby="s-pain">
          <h2 id="s-pain">{t.painH}</h2>
          <RadioGroup
            id={FIELD_INFO.painArea.id}
            legend={t.painArea}
            options={options(painAreaText, lang)}
            value={form.painArea}
            onChange={(v) => set('painArea', 'painArea', v)}
            error={err('painArea')}
          />
          <RadioGroup
            id={FIELD_INFO.duration.id}
            legend={t.duration}
            options={options(durationText, lang)}
            value={form.duration}
            onChange={(v) => set('duration', 'duration', v)}
            error={err('duration')}
          />
          <RadioGroup
            id={FIELD_INFO.worseWithMovement.id}
            legend={t.movement}
            options={[
              { value: 'yes', label: t.yes },
              { value: 'no', label: t.no },
            ]}
            value={form.worseWithMovement}
            onChange={(v) => set('worseWithMovement', 'worseWithMovement', v)}
            error={err('worseWithMovement')}
          />
          <RadioGroup
            id={FIELD_INFO.radiation.id}
            legend={t.radiation}
            options={options(radiationText, lang)}
            value={form.radiation}
            onChange={(v) => set('radiation', 'radiation', v)}
            error={err('radiation')}
          />
          <CheckGroup
            id={FIELD_INFO.treatmentsTried.id}
            legend={t.treatments}
            hint={t.chooseAll}
            options={options(treatmentText, lang)}
            none="none"
            value={form.treatmentsTried}
            onChange={(v) => set('treatmentsTried', 'treatmentsTried', v)}
            error={err('treatmentsTried')}
          />
          <RadioGroup
            id={FIELD_INFO.imaging.id}
            legend={t.imaging}
            hint={t.imagingHint}
            options={options(imagingText, lang)}
            value={form.imaging}
            onChange={(v) => set('imaging', 'imaging', v)}
            error={err('imaging')}
          />
          <CheckGroup
            id={FIELD_INFO.redFlags.id}
            legend={t.redFlags}
            hint={t.redFlagsHint}
            options={options(redFlagText, lang)}
            none="none"
            value={form.redFlags}
            onChange={(v) => set('redFlags', 'redFlags', v)}
            error={err('redFlags')}
          />
          {flagged && (
            <div className="emergency" role="status">
              <p>{t.redFlagWarning}</p>
            </div>
          )}
        </section>

        <section className="form-section" aria-labelledby="s-where">
          <h2 id="s-where">{t.whereH}</h2>
          {state.kind !== 'ok' && <PracticeStatus state={state} retry={retry} />}
          {state.kind === 'ok' && (
            <RadioGroup
              id={FIELD_INFO.locationId.id}
              legend={t.location}
              cards
              options={locations.map((l) => ({
                value: l.id,
                label: l.name,
                detail: (
                  <>
                    <span className="card-line">{l.address}</span>
                    <span className="card-line">
                      {t.phoneLabel}: {l.phone}
                    </span>
                  </>
                ),
              }))}
              value={form.locationId}
              onChange={(v) => set('locationId', 'locationId', v)}
              error={err('locationId')}
            />
          )}
          <TextInput
            id={FIELD_INFO.preferredTimes.id}
            label={t.times}
            optional={t.optional}
            hint={t.timesHint}
            multiline
            maxLength={200}
            value={form.preferredTimes}
            onChange={(v) => set('preferredTimes', 'preferredTimes', v)}
            error={err('preferredTimes')}
          />
        </section>

        <section className="form-section" aria-labelledby="s-contact">
          <h2 id="s-contact">{t.contactH}</h2>
          <TextInput
            id={FIELD_INFO['contact.givenName'].id}
            label={t.givenName}
            autoComplete="given-name"
            maxLength={100}
            value={form.givenName}
            onChange={(v) => set('givenName', 'contact.givenName', v)}
            error={err('contact.givenName')}
          />
          <TextInput
            id={FIELD_INFO['contact.familyName'].id}
            label={t.familyName}
            autoComplete="family-name"
            maxLength={100}
            value={form.familyName}
            onChange={(v) => set('familyName', 'contact.familyName', v)}
            error={err('contact.familyName')}
          />
          <TextInput
            id={FIELD_INFO['contact.phone'].id}
            label={t.phone}
            hint={t.phoneHint}
            type="tel"
            inputMode="tel"
            autoComplete="tel"
            maxLength={25}
            value={form.phone}
            onChange={(v) => set('phone', 'contact.phone', v)}
            error={err('contact.phone')}
          />
          <TextInput
            id={FIELD_INFO['contact.email'].id}
            label={t.email}
            optional={t.optional}
            type="email"
            inputMode="email"
            autoComplete="email"
            maxLength={200}
            value={form.email}
            onChange={(v) => set('email', 'contact.email', v)}
            error={err('contact.email')}
          />
          <TextInput
            id={FIELD_INFO['contact.birthDate'].id}
            label={t.birthDate}
            optional={t.optional}
            type="date"
            autoComplete="bday"
            max={today()}
            value={form.birthDate}
            onChange={(v) => set('birthDate', 'contact.birthDate', v)}
            error={err('contact.birthDate')}
          />
        </section>

        <section className="form-section" aria-labelledby="s-insurance">
          <h2 id="s-insurance">
            {t.insuranceH} <span className="optional">{t.optional}</span>
          </h2>
          <RadioGroup
            id={FIELD_INFO['insurance.kind'].id}
            legend={t.insuranceKind}
            hint={t.insuranceHint}
            options={[...options(coverageText, lang), { value: 'not-sure' as const, label: t.notSure }]}
            value={form.insuranceKind}
            onChange={(v) => set('insuranceKind', 'insurance.kind', v)}
            error={err('insurance.kind')}
          />
          {hasPayer(form.insuranceKind) && (
            <>
              <TextInput
                id={FIELD_INFO['insurance.payerName'].id}
                label={t.payerName}
                optional={t.optional}
                maxLength={100}
                value={form.payerName}
                onChange={(v) => set('payerName', 'insurance.payerName', v)}
                error={err('insurance.payerName')}
              />
              <TextInput
                id={FIELD_INFO['insurance.memberId'].id}
                label={t.memberId}
                optional={t.optional}
                hint={t.memberIdHint}
                maxLength={60}
                value={form.memberId}
                onChange={(v) => set('memberId', 'insurance.memberId', v)}
                error={err('insurance.memberId')}
              />
            </>
          )}
        </section>

        <p className="muted">{fill(t.privacy, { practice: practiceName })}</p>
        <div className="submit-row">
          <button type="submit" aria-disabled={sending || undefined}>
            {sending ? t.sending : t.submit}
          </button>
        </div>
      </form>
    </>
  );
}

function Result(props: {
  t: Text;
  sent: Sent;
  practiceName: string;
  slug: string;
  refEl: RefObject<HTMLHeadingElement | null>;
}) {
  const { t, sent } = props;
  const r = useT(resultText);
  const reasons = useT(reasonText);
  const groups = useT(reasonGroupText);
  const { result } = sent.assessment;
  const urgent = result === 'see-doctor-first';
  const location = sent.location;
  const base = `/p/${props.slug}`;
  return (
    <>
      <h1>{t.title}</h1>
      <section className="result" aria-labelledby="result-h">
        <h2 id="result-h" tabIndex={-1} ref={props.refEl}>
          {t.resultH}
        </h2>
        <div className={`result-box result-${result}`}>
          <h3>{r[`${result}.title`]}</h3>
          <p>{r[`${result}.body`]}</p>
        </div>
        {urgent && (
          <div className="emergency">
            <h3>{t.urgentH}</h3>
            <p>{t.urgent}</p>
          </div>
        )}
        <p>
          <strong>{t.notADiagnosis}</strong>
        </p>
        {(['flag', 'miss', 'fit', 'info'] as const).map((g) => {
          const codes = sent.assessment.reasons.filter((code) => REASON_GROUP[code] === g);
          if (codes.length === 0) return null;
          return (
            <div key={g}>
              <h3>{groups[g]}</h3>
              <ul>
                {codes.map((code) => (
                  <li key={code}>{reasons[code]}</li>
                ))}
              </ul>
            </div>
          );
        })}
      </section>
      <section className="confirm" aria-labelledby="sent-h">
        <h2 id="sent-h">{t.sentH}</h2>
        {location && (
          <>
            <p>{t.sentTo}</p>
            <address>
              <strong>{location.name}</strong>
              <br />
              {location.address}
              <br />
              {t.phoneLabel}: <a href={telHref(location.phone)}>{location.phone}</a>
            </address>
          </>
        )}
        <p>{fill(t.reference, { ref: sent.id.slice(0, 8).toUpperCase() })}</p>
      </section>
      <section aria-labelledby="next-h">
        <h2 id="next-h">{t.nextH}</h2>
        {urgent && (
          <p>
            <strong>{t.nextUrgent}</strong>
          </p>
        )}
        <ol>
          <li>{fill(t.next1, { location: location?.name ?? props.practiceName, phone: sent.phone })}</li>
          <li>{t.next2}</li>
          <li>{t.next3}</li>
          <li>{t.next4}</li>
        </ol>
        <ul>
          <li>
            <a href={base}>{t.learnLink}</a>
          </li>
          <li>
            <a href={`${base}/prepare`}>{t.prepareLink}</a>
          </li>
        </ul>
      </section>
    </>
  );
}
