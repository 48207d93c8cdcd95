/**
 * What the chosen joints mean, recomputed as they change: the nerves to block (or lesion), the levels counted
 * and the CPT lines with modifiers and units — by the same domain functions the server codes with.
 */

import type { ReactNode } from 'react';
import {
  type CodingLine,
  codeSession,
  countLevels,
  type JointSide,
  nervesForJoints,
  type Procedure,
} from '../../../contract/preview';
import { nerveName } from '../labels';
import { TableWrap } from '../TableWrap';

export interface PreviewInput {
  kind: Procedure['kind'];
  intent: Procedure['intent'];
  guidance: Procedure['guidance'];
  sedation: Procedure['sedation'];
  date: string;
  joints: JointSide[];
  volumeMlPerNerve?: number | undefined;
}

/** The CPT lines of the session (payer modifiers such as KX and the level limit come from the policy). */
export function previewLines(p: PreviewInput): CodingLine[] {
  const procedure: Procedure = {
    id: 'preview',
    kind: p.kind,
    intent: p.intent,
    date: p.date,
    joints: p.joints,
    guidance: p.guidance,
    sedation: p.sedation,
  };
  return codeSession(procedure, { kxOnDiagnostic: false, maxLevels: null });
}

const sidesText = (sides: readonly string[]) =>
  sides.length === 2 ? 'left and right' : sides.length === 1 ? `${sides[0]} only` : '';

export function LivePreview(props: { input: PreviewInput; children?: ReactNode }) {
  const { input } = props;
  const levels = countLevels(input.joints);
  const nerves = nervesForJoints(input.joints);
  const sideCount = nerves.reduce((n, t) => n + t.sides.length, 0);
  const lines = previewLines(input);
  const showNerves = input.kind === 'mbb' || input.kind === 'rfa';
  const volume = input.volumeMlPerNerve;
  const summary = input.joints.length
    ? `${levels} ${levels === 1 ? 'level' : 'levels'}` +
      (showNerves ? `, ${nerves.length} ${nerves.length === 1 ? 'nerve' : 'nerves'}` : '') +
      `, ${lines.length} CPT ${lines.length === 1 ? 'line' : 'lines'}`
    : 'No level chosen yet';

  return (
    <section className="card live-preview" aria-labelledby="live-preview-h">
      <h2 id="live-preview-h">What this block covers</h2>
      <p className="live-summary" role="status">
        {summary}
      </p>
      <h3>Levels</h3>
      <p>
        <strong className="levels-count">
          {levels} {levels === 1 ? 'level' : 'levels'}
        </strong>{' '}
        <span className="muted">(a joint is one level; both sides of a joint still count once)</span>
      </p>
      {showNerves && (
        <>
          <h3>{input.kind === 'rfa' ? 'Nerves to lesion' : 'Nerves to block'}</h3>
          {nerves.length ? (
            <ul className="nerve-list">
              {nerves.map((n) => (
                <li key={n.nerve}>
                  <strong>{n.nerve}</strong> — {nerveName(n.nerve)}, {sidesText(n.sides)}
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">Choose a level to see its nerves.</p>
          )}
          {nerves.length > 0 && (
            <p>
              {sideCount} {sideCount === 1 ? 'injection' : 'injections'} (nerve × side)
              {volume !== undefined && Number.isFinite(volume) && volume > 0 && (
                <>
                  {' '}
                  × {volume} mL = <strong>{Math.round(sideCount * volume * 100) / 100} mL</strong> in total
                </>
              )}
            </p>
          )}
        </>
      )}
      <h3>CPT lines</h3>
      {input.kind === 'other-block' ? (
        <p className="muted">Other blocks are not coded with the facet codes.</p>
      ) : lines.length ? (
        <TableWrap label="CPT lines of this session">
          <table className="cpt-lines">
            <thead>
              <tr>
                <th scope="col">Code and description</th>
                <th scope="col">Modifiers</th>
                <th scope="col">Units</th>
                <th scope="col">Levels</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((l) => (
                <tr key={l.code + l.levels.join()}>
                  <td>
                    <strong className="cpt-code">{l.code}</strong>
                    <span className="cpt-description">{l.description}</span>
                  </td>
                  <td>{l.modifiers.join(', ') || '—'}</td>
                  <td>{l.units}</td>
                  <td>{l.levels.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      ) : (
        <p className="muted">Choose a level to see the codes.</p>
      )}
      <p className="hint">
        Source: facet-pathway coding (levels, not nerves, are counted; both sides of a level take modifier
        50), before the payer's own modifiers.
      </p>
      {props.children}
    </section>
  );
}
