/**
 * Plans the procedure a decision is asked about, when the episode has none planned yet: RFA or a
 * (confirmatory) diagnostic block at the joints of the episode's latest diagnostic block. It creates a
 * planned procedure (POST /episodes/:id/procedures); the server's errors are shown beside their fields.
 */
import { type FormEvent, useState } from 'react';
import { ApiError, issueFor, post } from '../../shared/api';
import { Choices, ErrorSummary, Field } from '../../shared/ui';
import { formatDate } from '../labels';
import { jointsText, type ProcedureWithRecordsDto } from './data';

type Kind = 'rfa' | 'mbb';

export function PlanForm(props: {
  episodeId: string;
  from: ProcedureWithRecordsDto;
  defaultDate: string;
  onPlanned: (id: string) => void;
}) {
  const [kind, setKind] = useState<Kind>('rfa');
  const [date, setDate] = useState(props.defaultDate);
  const [technique, setTechnique] = useState('thermal');
  const [temperature, setTemperature] = useState('80');
  const [agent, setAgent] = useState('bupivacaine');
  const [guidance, setGuidance] = useState('fluoroscopy');
  const [sedation, setSedation] = useState('local');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const body: Record<string, unknown> = {
      kind,
      intent: kind === 'rfa' ? 'therapeutic' : 'diagnostic',
      date,
      joints: props.from.joints,
      guidance,
      sedation,
      status: 'planned',
    };
    if (kind === 'rfa') {
      body.technique = technique;
      body.temperatureC = temperature === '' ? undefined : Number(temperature);
    } else {
      body.agent = agent;
      body.volumeMlPerNerve = 0.5;
    }
    try {
      const created = await post<{ id: string }>(`/api/v1/episodes/${props.episodeId}/procedures`, body);
      props.onPlanned(created.id);
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'ERROR', String(err)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="plan-h" className="card">
      <h2 id="plan-h">Plan the procedure to decide on</h2>
      <p>
        {`At the joints of the block of ${formatDate(props.from.date)}: ${jointsText(props.from.joints)}.`}
      </p>
      {error && (
        <ErrorSummary
          title={error.issues.length ? 'The procedure was not planned:' : error.message}
          items={error.issues.length ? error.issues : []}
        />
      )}
      <Choices<Kind>
        legend="Procedure"
        name="plan-kind"
        type="radio"
        options={[
          { value: 'rfa', label: 'Radiofrequency ablation (RFA)' },
          { value: 'mbb', label: 'Confirmatory medial branch block' },
        ]}
        selected={[kind]}
        onChange={(v) => setKind(v[0] ?? 'rfa')}
        error={issueFor(error, 'kind')}
      />
      <Field label="Planned date" error={issueFor(error, 'date')}>
        {(f) => (
          <input
            id={f.id}
            type="date"
            value={date}
            onChange={(e) => setDate(e.target.value)}
            aria-describedby={f.describedBy}
            aria-invalid={f.invalid || undefined}
            required
          />
        )}
      </Field>
      {kind === 'rfa' ? (
        <div className="grid-2">
          <Field label="Technique" error={issueFor(error, 'technique')}>
            {(f) => (
              <select
                id={f.id}
                value={technique}
                onChange={(e) => setTechnique(e.target.value)}
                aria-describedby={f.describedBy}
              >
                <option value="thermal">Thermal</option>
                <option value="cooled">Cooled</option>
                <option value="pulsed">Pulsed</option>
              </select>
            )}
          </Field>
          <Field label="Lesion temperature (°C)" error={issueFor(error, 'temperatureC')}>
            {(f) => (
              <input
                id={f.id}
                type="number"
                inputMode="numeric"
                min={0}
                max={120}
                value={temperature}
                onChange={(e) => setTemperature(e.target.value)}
                aria-describedby={f.describedBy}
                aria-invalid={f.invalid || undefined}
              />
            )}
          </Field>
        </div>
      ) : (
        <Field label="Agent" hint="0.5 mL per nerve" error={issueFor(error, 'agent')}>
          {(f) => (
            <select
              id={f.id}
              value={agent}
              onChange={(e) => setAgent(e.target.value)}
              aria-describedby={f.describedBy}
            >
              <option value="lidocaine">Lidocaine (short-acting)</option>
              <option value="bupivacaine">Bupivacaine (long-acting)</option>
              <option value="ropivacaine">Ropivacaine (long-acting)</option>
            </select>
          )}
        </Field>
      )}
      <div className="grid-2">
        <Field label="Guidance" error={issueFor(error, 'guidance')}>
          {(f) => (
            <select
              id={f.id}
              value={guidance}
              onChange={(e) => setGuidance(e.target.value)}
              aria-describedby={f.describedBy}
            >
              <option value="fluoroscopy">Fluoroscopy</option>
              <option value="ct">CT</option>
              <option value="ultrasound">Ultrasound</option>
            </select>
          )}
        </Field>
        <Field label="Anaesthesia" error={issueFor(error, 'sedation')}>
          {(f) => (
            <select
              id={f.id}
              value={sedation}
              onChange={(e) => setSedation(e.target.value)}
              aria-describedby={f.describedBy}
            >
              <option value="local">Local only</option>
              <option value="none">None</option>
              <option value="moderate">Moderate sedation</option>
              <option value="mac">Monitored anaesthesia care</option>
            </select>
          )}
        </Field>
      </div>
      <button type="submit" disabled={busy}>
        {busy ? 'Planning…' : 'Plan it and run the decision'}
      </button>
    </form>
  );
}
