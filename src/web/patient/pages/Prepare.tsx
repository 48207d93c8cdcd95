/**
 * Before & after: how to prepare for a medial branch block and what to do afterwards (the pain diary, rest,
 * ice, when to call the clinic — with each location's number — and when to call 911). English and Spanish.
 */
import { fill, useT } from '../../shared/i18n';
import { usePageTitle } from '../../shared/router';
import { LocationList, PracticeStatus } from '../components/PracticeStatus';
import '../components/pages.css';
import { commonText } from '../content/common';
import { usePractice } from '../content/practice';
import { prepareText } from '../content/prepare';

export default function Prepare(props: { slug: string }) {
  const t = useT(prepareText);
  const c = useT(commonText);
  const { state, retry } = usePractice(props.slug);
  usePageTitle(t.title, c.site);
  const practice = state.kind === 'ok' ? state.practice.name : c.ourClinic;
  const base = `/p/${props.slug}`;
  return (
    <article>
      <h1>{t.title}</h1>
      <p className="lead">{fill(t.intro, { practice })}</p>

      <section aria-labelledby="prep-before">
        <h2 id="prep-before">{t.beforeH}</h2>
        <ul>
          <li>{t.driver}</li>
          <li>{t.meds}</li>
          <li>
            <strong>{t.thinners}</strong>
          </li>
          <li>{t.eat}</li>
          <li>{t.wear}</li>
          <li>{t.phone}</li>
          <li>{t.activities}</li>
          <li>{t.unwell}</li>
        </ul>
      </section>

      <section aria-labelledby="prep-after">
        <h2 id="prep-after">{t.afterH}</h2>
        <h3>{t.diaryH}</h3>
        <ol>
          <li>{t.diary1}</li>
          <li>{t.diary2}</li>
          <li>{t.diary3}</li>
        </ol>
        <h3>{t.restH}</h3>
        <ul>
          <li>{t.rest1}</li>
          <li>{t.rest2}</li>
          <li>{t.rest3}</li>
          <li>{t.rest4}</li>
        </ul>
      </section>

      <section aria-labelledby="prep-call">
        <h2 id="prep-call">{t.callH}</h2>
        <p>{t.callIntro}</p>
        <ul>
          <li>{t.call1}</li>
          <li>{t.call2}</li>
          <li>{t.call3}</li>
          <li>{t.call4}</li>
        </ul>
        <h3>{t.phonesH}</h3>
        <PracticeStatus state={state} retry={retry} />
        <LocationList state={state} />
        <div className="emergency">
          <h3>{t.emergencyH}</h3>
          <p>{t.emergency}</p>
        </div>
      </section>

      <section aria-labelledby="prep-more">
        <h2 id="prep-more">{t.moreH}</h2>
        <ul>
          <li>
            <a href={base}>{t.learnLink}</a>
          </li>
          <li>
            <a href={`${base}/screening`}>{t.screeningLink}</a>
          </li>
        </ul>
      </section>
    </article>
  );
}
