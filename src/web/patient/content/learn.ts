/** The Learn page: medial branch blocks, why they are a test, how they lead to RFA (EN/ES). */
import { defineDict } from '../../shared/i18n';

export const learnText = defineDict({
  en: {
    title: 'Medial branch blocks for neck and back pain',
    from: 'Information from {practice}',
    intro:
      'We use a short test called a medial branch block to find out whether the small joints of your spine, the facet joints, are causing your neck or back pain. This page explains what the test is, what to expect, and how it can lead to longer-lasting relief.',
    nextSteps: 'Next steps',
    ctaScreening: 'Am I a candidate? Answer a few questions',
    ctaPrepare: 'How to prepare and what to do afterwards',

    whatH: 'What is a medial branch block?',
    what1:
      'Facet joints are small pairs of joints at the back of each segment of your spine. They help you bend, twist and turn. When they are worn or irritated they can cause neck or back pain that is often worse when you lean back, twist, or stand for a long time.',
    what2:
      'Each facet joint sends its pain signals through two tiny nerves called medial branches. In a medial branch block (MBB) the doctor places a small amount of local anaesthetic (numbing medicine) next to these nerves, so that for a few hours they stop carrying pain signals.',

    whyH: 'Why it is a test, not a treatment',
    why1: 'A medial branch block is a diagnostic step. It answers one question: do these nerves carry your pain? If your usual pain is much better while the numbing medicine works, the facet joints are likely the source, and you may be a candidate for radiofrequency ablation (RFA), a treatment that gives longer relief.',
    why2: 'If your pain does not change, that is useful to know too: the facet joints are probably not the main cause, and your doctor can look at other causes and treatments.',
    why3: 'The relief from a block wears off within hours. That is expected and does not mean the test failed.',

    howH: 'How it is done',
    how1: 'You lie on your stomach on an X-ray table (for the neck, sometimes on your side).',
    how2: 'The skin is cleaned and numbed.',
    how3: 'Guided by live X-ray (fluoroscopy), the doctor places a thin needle and a small amount of local anaesthetic next to the medial branch nerves at each level being tested.',
    how4: 'It usually takes about 15 to 30 minutes. Most people stay awake: strong sedation is usually not needed and can make the test harder to read.',
    how5: 'You rest for a short while and go home the same day.',

    afterH: 'What happens after the block',
    after1:
      'For the next hours you keep a short pain diary on your phone. We send you a link; at set times you score your pain from 0 to 10 while doing things that usually hurt. These scores tell your doctor whether the block worked.',
    after2:
      'Many insurers, including Medicare, require a second, confirming block on a separate day, often a couple of weeks later. It checks that the relief from the first block was not a coincidence.',

    rfaH: 'How it leads to radiofrequency ablation (RFA)',
    rfa1: 'If both blocks give clear relief, your doctor may suggest radiofrequency ablation. It is done in a similar way, but instead of numbing medicine a thin probe uses heat to switch off the same medial branch nerves for much longer.',
    rfa2: 'Relief typically lasts 6 to 12 months, sometimes longer, until the nerves grow back. If the pain returns and RFA helped you before, it can usually be repeated.',

    risksH: 'Risks',
    risksIntro:
      'Medial branch blocks are common procedures with a low risk. As with any injection, side effects are possible:',
    risk1: 'soreness where the needles went in, for a day or two;',
    risk2: 'bruising at the injection sites;',
    risk3: 'temporary numbness or weakness, which wears off with the anaesthetic;',
    risk4: 'rarely, infection, bleeding or an allergic reaction.',
    risksOutro:
      'Your doctor goes through the risks that apply to you before the procedure and answers your questions.',

    insH: 'Insurance',
    ins1: 'Medicare and many other insurers pay for medial branch blocks and RFA only when certain conditions are met. Usually:',
    ins1a:
      'your pain has lasted at least 3 months, and treatments such as physical therapy or medicines were tried first;',
    ins1b:
      'two separate blocks each gave at least 80% relief of your usual pain, recorded in your pain diary;',
    ins1c: 'the procedures are done with X-ray guidance.',
    ins2: 'We check your plan’s rules before each step and tell you if anything is missing. This is one reason your pain diary matters so much.',

    faqH: 'Questions patients ask',
    faq1q: 'Does it hurt?',
    faq1a:
      'Most people feel a brief sting when the skin is numbed and some pressure during the injections. The area may be sore for a day or two.',
    faq2q: 'Can I drive myself home?',
    faq2a:
      'Please bring someone to drive you. Your back, leg or arm may feel numb for a few hours, and if you were given sedation you must not drive that day.',
    faq3q: 'Can I eat before the procedure?',
    faq3a:
      'Usually yes: a light meal is fine, unless the clinic tells you otherwise (for example when you will have sedation).',
    faq4q: 'I take blood thinners. Should I stop them?',
    faq4a:
      'Do not stop any medicine on your own. Tell the clinic which blood thinners you take; your doctor will tell you whether to keep taking them or pause them, and for how long.',
    faq5q: 'How soon will I know whether it worked?',
    faq5a:
      'The same day. The numbing medicine works for a few hours, so your diary scores during that time show whether your usual pain was relieved. Your doctor reviews them with you.',
    faq6q: 'What if it does not help?',
    faq6a:
      'Then the facet joints are probably not the main source of your pain, and RFA of those nerves is unlikely to help. That is still a useful answer: your doctor will talk with you about other causes and options.',
    faq7q: 'Will the relief from the block last?',
    faq7a:
      'No, it fades as the medicine wears off, usually within hours. Longer relief comes from RFA, if your blocks show the facet joints are the source.',

    locationsH: 'Where we see patients',
    disclaimer:
      'This page gives general information, not medical advice. Your doctor will tell you what applies to you.',
  },
  es: {
    title: 'Bloqueos de rama medial para el dolor de cuello y espalda',
    from: 'Información de {practice}',
    intro:
      'Usamos una prueba breve llamada bloqueo de rama medial para saber si las pequeñas articulaciones de la columna, las articulaciones facetarias, causan su dolor de cuello o de espalda. Esta página explica en qué consiste la prueba, qué esperar y cómo puede llevar a un alivio más duradero.',
    nextSteps: 'Próximos pasos',
    ctaScreening: '¿Soy candidato? Responda unas preguntas',
    ctaPrepare: 'Cómo prepararse y qué hacer después',

    whatH: '¿Qué es un bloqueo de rama medial?',
    what1:
      'Las articulaciones facetarias son pequeños pares de articulaciones en la parte de atrás de cada segmento de la columna. Le permiten inclinarse, girar y voltearse. Cuando están desgastadas o irritadas pueden causar dolor de cuello o de espalda, que a menudo empeora al inclinarse hacia atrás, al girar o al estar de pie mucho tiempo.',
    what2:
      'Cada articulación facetaria transmite el dolor por dos nervios muy pequeños llamados ramas mediales. En un bloqueo de rama medial (BRM) el médico coloca una pequeña cantidad de anestésico local (medicamento que adormece) junto a estos nervios, para que durante unas horas dejen de transmitir el dolor.',

    whyH: 'Por qué es una prueba y no un tratamiento',
    why1: 'El bloqueo de rama medial es un paso de diagnóstico. Responde una pregunta: ¿estos nervios transmiten su dolor? Si su dolor habitual mejora mucho mientras actúa el anestésico, es probable que las articulaciones facetarias sean la causa, y usted podría ser candidato a una ablación por radiofrecuencia (ARF), un tratamiento que da un alivio más largo.',
    why2: 'Si su dolor no cambia, también es útil saberlo: probablemente las articulaciones facetarias no son la causa principal, y su médico puede buscar otras causas y tratamientos.',
    why3: 'El alivio de un bloqueo desaparece en unas horas. Es lo esperado y no significa que la prueba haya fallado.',

    howH: 'Cómo se hace',
    how1: 'Usted se acuesta boca abajo en una mesa de rayos X (para el cuello, a veces de lado).',
    how2: 'Se limpia la piel y se adormece.',
    how3: 'Guiado por rayos X en tiempo real (fluoroscopia), el médico coloca una aguja fina y una pequeña cantidad de anestésico local junto a los nervios de rama medial en cada nivel que se estudia.',
    how4: 'Suele durar entre 15 y 30 minutos. La mayoría de las personas permanece despierta: normalmente no se necesita sedación fuerte, y esta puede dificultar la lectura de la prueba.',
    how5: 'Descansa un rato y vuelve a casa el mismo día.',

    afterH: 'Qué pasa después del bloqueo',
    after1:
      'Durante las horas siguientes usted lleva un breve diario del dolor en su teléfono. Le enviamos un enlace; a horas fijas usted califica su dolor de 0 a 10 mientras hace cosas que normalmente le duelen. Estas puntuaciones le indican a su médico si el bloqueo funcionó.',
    after2:
      'Muchas aseguradoras, incluida Medicare, exigen un segundo bloqueo de confirmación en otro día, a menudo un par de semanas después. Sirve para comprobar que el alivio del primer bloqueo no fue casualidad.',

    rfaH: 'Cómo lleva a la ablación por radiofrecuencia (ARF)',
    rfa1: 'Si ambos bloqueos dan un alivio claro, su médico puede proponer una ablación por radiofrecuencia. Se hace de forma parecida, pero en lugar de anestésico una sonda fina usa calor para desactivar esos mismos nervios de rama medial durante mucho más tiempo.',
    rfa2: 'El alivio suele durar de 6 a 12 meses, a veces más, hasta que los nervios vuelven a crecer. Si el dolor regresa y la ARF le ayudó antes, normalmente se puede repetir.',

    risksH: 'Riesgos',
    risksIntro:
      'Los bloqueos de rama medial son procedimientos frecuentes y de bajo riesgo. Como con cualquier inyección, pueden aparecer efectos secundarios:',
    risk1: 'dolor donde entraron las agujas, durante uno o dos días;',
    risk2: 'moretones en los sitios de inyección;',
    risk3: 'adormecimiento o debilidad pasajeros, que desaparecen con el anestésico;',
    risk4: 'en raras ocasiones, infección, sangrado o una reacción alérgica.',
    risksOutro:
      'Antes del procedimiento su médico le explica los riesgos que se aplican a su caso y responde sus preguntas.',

    insH: 'Seguro médico',
    ins1: 'Medicare y muchas otras aseguradoras pagan los bloqueos de rama medial y la ARF solo si se cumplen ciertas condiciones. Por lo general:',
    ins1a:
      'su dolor dura desde hace al menos 3 meses y antes se probaron tratamientos como fisioterapia o medicamentos;',
    ins1b:
      'dos bloqueos distintos dieron cada uno al menos un 80 % de alivio de su dolor habitual, anotado en su diario del dolor;',
    ins1c: 'los procedimientos se hacen con guía de rayos X.',
    ins2: 'Revisamos las reglas de su plan antes de cada paso y le avisamos si falta algo. Por eso su diario del dolor es tan importante.',

    faqH: 'Preguntas frecuentes',
    faq1q: '¿Duele?',
    faq1a:
      'La mayoría de las personas siente un pinchazo breve al adormecer la piel y algo de presión durante las inyecciones. La zona puede doler uno o dos días.',
    faq2q: '¿Puedo manejar de regreso a casa?',
    faq2a:
      'Traiga a alguien que maneje por usted. La espalda, la pierna o el brazo pueden sentirse adormecidos durante unas horas, y si recibió sedación no debe manejar ese día.',
    faq3q: '¿Puedo comer antes del procedimiento?',
    faq3a:
      'Por lo general sí: una comida ligera está bien, salvo que la clínica le indique otra cosa (por ejemplo, si va a recibir sedación).',
    faq4q: 'Tomo anticoagulantes. ¿Debo dejarlos?',
    faq4a:
      'No deje ningún medicamento por su cuenta. Diga a la clínica qué anticoagulantes toma; su médico le dirá si debe seguir tomándolos o suspenderlos, y durante cuánto tiempo.',
    faq5q: '¿Cuándo sabré si funcionó?',
    faq5a:
      'El mismo día. El anestésico actúa unas horas, así que las puntuaciones de su diario durante ese tiempo muestran si su dolor habitual se alivió. Su médico las revisa con usted.',
    faq6q: '¿Y si no me ayuda?',
    faq6a:
      'Entonces probablemente las articulaciones facetarias no son la causa principal de su dolor, y es poco probable que la ARF de esos nervios le ayude. Aun así es una respuesta útil: su médico hablará con usted sobre otras causas y opciones.',
    faq7q: '¿Durará el alivio del bloqueo?',
    faq7a:
      'No, desaparece cuando pasa el efecto del medicamento, normalmente en unas horas. Un alivio más largo viene de la ARF, si sus bloqueos muestran que las articulaciones facetarias son la causa.',

    locationsH: 'Dónde atendemos',
    disclaimer:
      'Esta página ofrece información general, no consejo médico. Su médico le dirá qué se aplica a su caso.',
  },
});
