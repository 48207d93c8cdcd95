/**
 * The 0–10 answer as one native radio group: a fieldset whose legend is the question, eleven large tiles
 * (arrow keys move between them, as in any radio group), the ends named "0 — not at all likely" and
 * "10 — extremely likely". The chosen tile is filled and its radio checked, so the state never rests on
 * colour alone.
 */
import type { FeedbackText } from './text';

export const SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

export const scoreInputId = (score: number) => `fb-score-${score}`;

export function ScoreScale(props: {
  t: FeedbackText;
  value: number | null;
  onChange: (score: number) => void;
  error?: string;
}) {
  const { t } = props;
  const described = ['fb-score-hint', props.error ? 'fb-score-error' : ''].filter(Boolean).join(' ');
  return (
    <fieldset
      className={props.error ? 'fb-scale field-error' : 'fb-scale'}
      aria-describedby={described}
      id="fb-score"
    >
      <legend>{t.question}</legend>
      <p className="hint" id="fb-score-hint">
        {t.scoreHint}
      </p>
      {props.error && (
        <p className="error-text" id="fb-score-error">
          {props.error}
        </p>
      )}
      <div className="fb-tiles">
        {SCORES.map((s) => (
          <label key={s} className={props.value === s ? 'fb-tile fb-tile-on' : 'fb-tile'}>
            <input
              type="radio"
              name="score"
              id={scoreInputId(s)}
              value={s}
              checked={props.value === s}
              onChange={() => props.onChange(s)}
            />
            <span className="fb-num">{s}</span>
            {s === 0 && <span className="visually-hidden"> — {t.low}</span>}
            {s === 10 && <span className="visually-hidden"> — {t.high}</span>}
          </label>
        ))}
      </div>
      <div className="fb-ends" aria-hidden="true">
        <span>0 — {t.low}</span>
        <span>10 — {t.high}</span>
      </div>
    </fieldset>
  );
}
