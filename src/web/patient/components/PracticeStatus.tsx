/** What a page shows while the practice's details load, or when they cannot be loaded. */

import { useT } from '../../shared/i18n';
import { Status } from '../../shared/ui';
import { commonText } from '../content/common';
import { type PracticeState, telHref } from '../content/practice';

export function PracticeStatus(props: { state: PracticeState; retry: () => void }) {
  const t = useT(commonText);
  const { state } = props;
  if (state.kind === 'loading') return <p className="muted">{t.loadingPractice}</p>;
  if (state.kind === 'not-found') return <Status kind="error">{t.practiceNotFound}</Status>;
  if (state.kind === 'error')
    return (
      <Status kind="error">
        <p>{t.practiceError}</p>
        <button type="button" className="secondary" onClick={props.retry}>
          {t.retry}
        </button>
      </Status>
    );
  return null;
}

/** The practice's locations with a tap-to-call number each. */
export function LocationList(props: { state: PracticeState }) {
  if (props.state.kind !== 'ok') return null;
  return (
    <ul className="location-list">
      {props.state.practice.locations.map((l) => (
        <li key={l.id}>
          <span className="name">{l.name}</span>
          <span className="card-line">{l.address}</span>
          <a href={telHref(l.phone)}>{l.phone}</a>
        </li>
      ))}
    </ul>
  );
}
