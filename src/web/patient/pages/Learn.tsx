/**
 * Learn: what a medial branch block is, why it is a test, how it is done, what follows, how it leads to RFA,
 * risks, insurance and the questions patients ask — in the practice's voice, English and Spanish.
 */
import { fill, useT } from '../../shared/i18n';
import { usePageTitle } from '../../shared/router';
import { LocationList, PracticeStatus } from '../components/PracticeStatus';
import '../components/pages.css';
import { commonText } from '../content/common';
import { learnText } from '../content/learn';
import { usePractice } from '../content/practice';

const FAQ = [1, 2, 3, 4, 5, 6, 7] as const;

export default function Learn(props: { slug: string }) {
  const t = useT(learnText);
  const c = useT(commonText);
  const { state, retry } = usePractice(props.slug);
  usePageTitle(t.title, c.site);
  const base = `/p/${props.slug}`;
  return (
    <article>
      <h1>{t.title}</h1>
      {state.kind === 'ok' ? (
        <p className="kicker">{fill(t.from, { practice: state.practice.name })}</p>
      ) : (
        <PracticeStatus state={state} retry={retry} />
      )}
      <p className="lead">{t.intro}</p>
      <nav aria-label={t.nextSteps}>
        <ul className="cta-list">
          <li>
            <a className="button" href={`${base}/screening`}>
              {t.ctaScreening}
            </a>
          </li>
          <li>
            <a className="button secondary" href={`${base}/prepare`}>
              {t.ctaPrepare}
            </a>
          </li>
        </ul>
      </nav>

      <section aria-labelledby="learn-what">
        <h2 id="learn-what">{t.whatH}</h2>
        <p>{t.what1}</p>
        <p>{t.what2}</p>
      </section>

      <section aria-labelledby="learn-why">
        <h2 id="learn-why">{t.whyH}</h2>
        <p>{t.why1}</p>
        <p>{t.why2}</p>
        <p>{t.why3}</p>
      </section>

      <section aria-labelledby="learn-how">
        <h2 id="learn-how">{t.howH}</h2>
        <ol>
          <li>{t.how1}</li>
          <li>{t.how2}</li>
          <li>{t.how3}</li>
          <li>{t.how4}</li>
          <li>{t.how5}</li>
        </ol>
      </section>

      <section aria-labelledby="learn-after">
        <h2 id="learn-after">{t.afterH}</h2>
        <p>{t.after1}</p>
        <p>{t.after2}</p>
      </section>

      <section aria-labelledby="learn-rfa">
        <h2 id="learn-rfa">{t.rfaH}</h2>
        <p>{t.rfa1}</p>
        <p>{t.rfa2}</p>
      </section>

      <section aria-labelledby="learn-risks">
        <h2 id="learn-risks">{t.risksH}</h2>
        <p>{t.risksIntro}</p>
        <ul>
          <li>{t.risk1}</li>
          <li>{t.risk2}</li>
          <li>{t.risk3}</li>
          <li>{t.risk4}</li>
        </ul>
        <p>{t.risksOutro}</p>
      </section>

      <section aria-labelledby="learn-insurance">
        <h2 id="learn-insurance">{t.insH}</h2>
        <p>{t.ins1}</p>
        <ul>
          <li>{t.ins1a}</li>
          <li>{t.ins1b}</li>
          <li>{t.ins1c}</li>
        </ul>
        <p>{t.ins2}</p>
      </section>

      <section aria-labelledby="learn-faq" className="faq">
        <h2 id="learn-faq">{t.faqH}</h2>
        {FAQ.map((n) => (
          <details key={n}>
            <summary>{t[`faq${n}q`]}</summary>
            <p>{t[`faq${n}a`]}</p>
          </details>
        ))}
      </section>

      {state.kind === 'ok' && state.practice.locations.length > 0 && (
        <section aria-labelledby="learn-locations">
          <h2 id="learn-locations">{t.locationsH}</h2>
          <LocationList state={state} />
        </section>
      )}

      <p className="muted">{t.disclaimer}</p>
    </article>
  );
}
