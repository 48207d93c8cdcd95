/**
 * The "Am I a candidate?" page: every question, every choice of the server's screening contract
 * (src/contract/public.ts → src/domain/screening/assess.ts), every result and reason, in English and Spanish.
 * The choice dictionaries are typed by the contract's enums, so a value without a label is a type error.
 */
import type { z } from 'zod';
import type { ScreeningRequestInput, screeningAssessment } from '../../../contract/public';
import { defineDict } from '../../shared/i18n';

type Answers = ScreeningRequestInput['answers'];
export type PainArea = Answers['painArea'];
export type Duration = Answers['duration'];
export type Radiation = Answers['radiation'];
export type Treatment = Answers['treatmentsTried'][number];
export type Imaging = Answers['imaging'];
export type RedFlag = Answers['redFlags'][number];
export type CoverageKind = NonNullable<ScreeningRequestInput['insurance']>['kind'];
export type Assessment = z.infer<typeof screeningAssessment>;
export type ScreeningResult = Assessment['result'];
export type ScreeningReason = Assessment['reasons'][number];

export const painAreaText = defineDict<Record<PainArea, string>>({
  en: {
    neck: 'Neck',
    'mid-back': 'Middle of the back (between the shoulder blades)',
    'low-back': 'Lower back',
  },
  es: {
    neck: 'Cuello',
    'mid-back': 'Mitad de la espalda (entre los omóplatos)',
    'low-back': 'Parte baja de la espalda',
  },
});

export const durationText = defineDict<Record<Duration, string>>({
  en: {
    '<6 weeks': 'Less than 6 weeks',
    '6-12 weeks': '6 to 12 weeks',
    '3-6 months': '3 to 6 months',
    '>6 months': 'More than 6 months',
  },
  es: {
    '<6 weeks': 'Menos de 6 semanas',
    '6-12 weeks': 'De 6 a 12 semanas',
    '3-6 months': 'De 3 a 6 meses',
    '>6 months': 'Más de 6 meses',
  },
});

export const radiationText = defineDict<Record<Radiation, string>>({
  en: {
    none: 'No, it stays in my neck or back',
    'above-knee': 'Into the buttock or thigh, but not below the knee',
    'below-knee': 'Down the leg, below the knee',
    arm: 'Down into the arm or hand',
  },
  es: {
    none: 'No, se queda en el cuello o la espalda',
    'above-knee': 'Hacia la nalga o el muslo, pero no por debajo de la rodilla',
    'below-knee': 'Por la pierna, por debajo de la rodilla',
    arm: 'Hacia el brazo o la mano',
  },
});

export const treatmentText = defineDict<Record<Treatment, string>>({
  en: {
    'physical-therapy': 'Physical therapy or a home exercise program',
    medication: 'Pain medicines (for example anti-inflammatories)',
    chiropractic: 'Chiropractic care or spinal manipulation',
    injections: 'Injections in the spine',
    surgery: 'Spine surgery',
    none: 'None of these yet',
  },
  es: {
    'physical-therapy': 'Fisioterapia o ejercicios en casa',
    medication: 'Medicamentos para el dolor (por ejemplo, antiinflamatorios)',
    chiropractic: 'Quiropráctica o manipulación de la columna',
    injections: 'Inyecciones en la columna',
    surgery: 'Cirugía de la columna',
    none: 'Ninguno todavía',
  },
});

export const imagingText = defineDict<Record<Imaging, string>>({
  en: { mri: 'MRI', ct: 'CT scan', xray: 'X-ray', none: 'No scan or X-ray yet' },
  es: { mri: 'Resonancia magnética', ct: 'Tomografía (TC)', xray: 'Radiografía', none: 'Ninguna todavía' },
});

export const redFlagText = defineDict<Record<RedFlag, string>>({
  en: {
    fever: 'Fever, chills or feeling generally unwell along with the pain',
    'weight-loss': 'Losing weight without trying',
    'cancer-history': 'Cancer, now or in the past',
    'bladder-bowel': 'New trouble controlling your bladder or bowels, or numbness between the legs',
    trauma: 'The pain started after a fall, accident or other injury',
    weakness: 'New or worsening weakness in your legs or arms',
    none: 'None of these',
  },
  es: {
    fever: 'Fiebre, escalofríos o malestar general junto con el dolor',
    'weight-loss': 'Pérdida de peso sin intentarlo',
    'cancer-history': 'Cáncer, actual o en el pasado',
    'bladder-bowel':
      'Problemas nuevos para controlar la vejiga o el intestino, o adormecimiento entre las piernas',
    trauma: 'El dolor empezó después de una caída, un accidente u otra lesión',
    weakness: 'Debilidad nueva o que empeora en las piernas o los brazos',
    none: 'Ninguna de estas',
  },
});

export const coverageText = defineDict<Record<CoverageKind, string>>({
  en: {
    medicare: 'Medicare',
    'medicare-advantage': 'Medicare Advantage (a Medicare plan from a private insurer)',
    commercial: 'Insurance through work or bought myself',
    medicaid: 'Medicaid',
    'self-pay': 'No insurance: I will pay myself',
  },
  es: {
    medicare: 'Medicare',
    'medicare-advantage': 'Medicare Advantage (un plan de Medicare de una aseguradora privada)',
    commercial: 'Seguro del trabajo o comprado por mi cuenta',
    medicaid: 'Medicaid',
    'self-pay': 'Sin seguro: pagaré por mi cuenta',
  },
});

export const resultText = defineDict<Record<`${ScreeningResult}.${'title' | 'body'}`, string>>({
  en: {
    'likely-candidate.title': 'Your answers fit the kind of pain a medial branch block tests for',
    'likely-candidate.body':
      'From your answers, a medial branch block may be worth discussing with a doctor. Only a doctor who has examined you can say whether it is right for you.',
    'possible-candidate.title': 'Some of your answers fit, others need a closer look',
    'possible-candidate.body':
      'A medial branch block may or may not be right for you. The points below are what the doctor will want to talk through with you at your visit.',
    'see-doctor-first.title': 'Please have a doctor check your symptoms first',
    'see-doctor-first.body':
      'Some of your answers can be signs of a problem that needs medical attention before any spine procedure. Please contact your doctor promptly, today if you can. If your symptoms are severe or getting worse quickly, call 911 or go to the nearest emergency department.',
  },
  es: {
    'likely-candidate.title':
      'Sus respuestas coinciden con el tipo de dolor que estudia un bloqueo de rama medial',
    'likely-candidate.body':
      'Según sus respuestas, vale la pena hablar con un médico sobre un bloqueo de rama medial. Solo un médico que le haya examinado puede decir si es adecuado para usted.',
    'possible-candidate.title': 'Algunas respuestas coinciden y otras hay que verlas con más detalle',
    'possible-candidate.body':
      'Un bloqueo de rama medial puede ser adecuado para usted, o no. Los puntos de abajo son lo que el médico querrá hablar con usted en la consulta.',
    'see-doctor-first.title': 'Primero, consulte a un médico por sus síntomas',
    'see-doctor-first.body':
      'Algunas de sus respuestas pueden ser señales de un problema que necesita atención médica antes de cualquier procedimiento en la columna. Comuníquese pronto con su médico, hoy si es posible. Si sus síntomas son graves o empeoran rápidamente, llame al 911 o vaya a la sala de emergencias más cercana.',
  },
});

export const reasonText = defineDict<Record<ScreeningReason, string>>({
  en: {
    RED_FLAG_FEVER:
      'You have a fever or feel unwell along with your pain. With back or neck pain this can be a sign of infection, which a doctor should check promptly.',
    RED_FLAG_WEIGHT_LOSS:
      'You are losing weight without trying. A doctor should look into this before any spine procedure.',
    RED_FLAG_CANCER_HISTORY:
      'You have or have had cancer. New back or neck pain should be checked by your doctor before any spine procedure.',
    RED_FLAG_BLADDER_BOWEL:
      'You have new trouble controlling your bladder or bowels, or numbness between the legs. This can be an emergency: call 911 or go to an emergency department now.',
    RED_FLAG_TRAUMA:
      'Your pain started after a fall, accident or injury. A doctor should rule out a fracture or other injury first.',
    RED_FLAG_WEAKNESS:
      'You have new or worsening weakness in your legs or arms. Please see a doctor promptly; if it came on suddenly or is getting worse quickly, call 911.',
    CHRONIC_PAIN: 'Your pain has lasted 3 months or more, as insurers expect before a facet joint test.',
    MOVEMENT_RELATED:
      'Your pain is worse when you bend back, twist or stand, which is typical of facet joint pain.',
    AXIAL_PAIN:
      'Your pain stays mainly in your neck or back (or spreads no further than the thigh), as facet joint pain usually does.',
    CONSERVATIVE_CARE_TRIED:
      'You have already tried treatments such as physical therapy, medicines or manipulation, which usually come first.',
    PAIN_UNDER_3_MONTHS:
      'Your pain started less than 3 months ago. Pain like this often gets better on its own, and insurers usually expect 3 months before a facet joint test.',
    NOT_MOVEMENT_RELATED:
      'Your pain is not clearly worse with movement. Facet joint pain usually is, so the doctor may look for other causes.',
    RADIATES_BELOW_KNEE:
      'Your pain goes down the leg below the knee. That often comes from an irritated nerve root rather than a facet joint, which a doctor should check.',
    RADIATES_TO_ARM:
      'Your pain goes down into the arm. That often comes from an irritated nerve root rather than a facet joint, which a doctor should check.',
    NO_CONSERVATIVE_CARE:
      'You have not tried treatments such as physical therapy, medicines or manipulation yet. Insurers usually require these first, and they often help.',
    PRIOR_SPINE_SURGERY:
      'You have had spine surgery. Please bring any reports to your visit; the doctor will take it into account.',
    NO_IMAGING:
      'You have not had a scan or X-ray of your spine yet. The doctor will decide at your visit whether you need one.',
  },
  es: {
    RED_FLAG_FEVER:
      'Tiene fiebre o malestar junto con el dolor. Con dolor de espalda o de cuello, esto puede ser señal de una infección, que un médico debe revisar pronto.',
    RED_FLAG_WEIGHT_LOSS:
      'Está perdiendo peso sin intentarlo. Un médico debe revisarlo antes de cualquier procedimiento en la columna.',
    RED_FLAG_CANCER_HISTORY:
      'Tiene o ha tenido cáncer. Un dolor nuevo de espalda o de cuello debe revisarlo su médico antes de cualquier procedimiento en la columna.',
    RED_FLAG_BLADDER_BOWEL:
      'Tiene problemas nuevos para controlar la vejiga o el intestino, o adormecimiento entre las piernas. Puede ser una emergencia: llame al 911 o vaya ahora a una sala de emergencias.',
    RED_FLAG_TRAUMA:
      'Su dolor empezó después de una caída, un accidente o una lesión. Primero un médico debe descartar una fractura u otra lesión.',
    RED_FLAG_WEAKNESS:
      'Tiene debilidad nueva o que empeora en las piernas o los brazos. Consulte pronto a un médico; si empezó de repente o empeora rápidamente, llame al 911.',
    CHRONIC_PAIN:
      'Su dolor dura desde hace 3 meses o más, como esperan las aseguradoras antes de una prueba de las articulaciones facetarias.',
    MOVEMENT_RELATED:
      'Su dolor empeora al inclinarse hacia atrás, girar o estar de pie, algo típico del dolor de las articulaciones facetarias.',
    AXIAL_PAIN:
      'Su dolor se queda sobre todo en el cuello o la espalda (o no pasa del muslo), como suele ocurrir con el dolor de las articulaciones facetarias.',
    CONSERVATIVE_CARE_TRIED:
      'Ya probó tratamientos como fisioterapia, medicamentos o manipulación, que normalmente van primero.',
    PAIN_UNDER_3_MONTHS:
      'Su dolor empezó hace menos de 3 meses. Un dolor así a menudo mejora por sí solo, y las aseguradoras suelen esperar 3 meses antes de una prueba de las articulaciones facetarias.',
    NOT_MOVEMENT_RELATED:
      'Su dolor no empeora claramente con el movimiento. El dolor facetario suele hacerlo, así que el médico podría buscar otras causas.',
    RADIATES_BELOW_KNEE:
      'Su dolor baja por la pierna por debajo de la rodilla. Eso suele venir de una raíz nerviosa irritada más que de una articulación facetaria, y debe revisarlo un médico.',
    RADIATES_TO_ARM:
      'Su dolor baja hacia el brazo. Eso suele venir de una raíz nerviosa irritada más que de una articulación facetaria, y debe revisarlo un médico.',
    NO_CONSERVATIVE_CARE:
      'Todavía no ha probado tratamientos como fisioterapia, medicamentos o manipulación. Las aseguradoras suelen exigirlos primero, y a menudo ayudan.',
    PRIOR_SPINE_SURGERY:
      'Le han operado de la columna. Traiga los informes a su consulta; el médico lo tendrá en cuenta.',
    NO_IMAGING:
      'Todavía no le han hecho una imagen ni una radiografía de la columna. El médico decidirá en la consulta si la necesita.',
  },
});

/** How a reason reads on the result: a red flag, a point that fits, one that needs a closer look, or information. */
export type ReasonGroup = 'flag' | 'fit' | 'miss' | 'info';
export const REASON_GROUP: Record<ScreeningReason, ReasonGroup> = {
  RED_FLAG_FEVER: 'flag',
  RED_FLAG_WEIGHT_LOSS: 'flag',
  RED_FLAG_CANCER_HISTORY: 'flag',
  RED_FLAG_BLADDER_BOWEL: 'flag',
  RED_FLAG_TRAUMA: 'flag',
  RED_FLAG_WEAKNESS: 'flag',
  CHRONIC_PAIN: 'fit',
  MOVEMENT_RELATED: 'fit',
  AXIAL_PAIN: 'fit',
  CONSERVATIVE_CARE_TRIED: 'fit',
  PAIN_UNDER_3_MONTHS: 'miss',
  NOT_MOVEMENT_RELATED: 'miss',
  RADIATES_BELOW_KNEE: 'miss',
  RADIATES_TO_ARM: 'miss',
  NO_CONSERVATIVE_CARE: 'miss',
  PRIOR_SPINE_SURGERY: 'info',
  NO_IMAGING: 'info',
};

export const reasonGroupText = defineDict<Record<ReasonGroup, string>>({
  en: {
    flag: 'Why a doctor should see you first',
    miss: 'What needs a closer look',
    fit: 'What fits a facet joint test',
    info: 'Good to know for your visit',
  },
  es: {
    flag: 'Por qué debe verle un médico primero',
    miss: 'Lo que hay que ver con más detalle',
    fit: 'Lo que encaja con una prueba de las articulaciones facetarias',
    info: 'Bueno saberlo para su consulta',
  },
});

export const screeningText = defineDict({
  en: {
    title: 'Am I a candidate?',
    intro:
      'Answer a few questions about your pain; it takes about three minutes. You get an answer straight away, and your appointment request goes to the location you choose.',
    requiredNote: 'Every question needs an answer unless it says “optional”.',
    optional: '(optional)',
    painH: 'About your pain',
    painArea: 'Where is your pain mainly?',
    duration: 'How long have you had this pain?',
    movement: 'Is the pain worse when you bend backwards, twist or turn, or stand for a long time?',
    yes: 'Yes',
    no: 'No',
    radiation: 'Does the pain spread anywhere?',
    treatments: 'Which treatments have you tried for this pain?',
    chooseAll: 'Choose all that apply.',
    imaging: 'Have you had a scan or X-ray of your spine for this pain?',
    imagingHint: 'If you had more than one, choose the most detailed: MRI, then CT, then X-ray.',
    redFlags: 'Does any of this apply to you now?',
    redFlagsHint: 'Choose all that apply. These can be signs of a problem that a doctor should check first.',
    redFlagWarning:
      'Thank you for telling us. Please contact your doctor promptly about this. If you suddenly lose control of your bladder or bowels, or suddenly become weak, call 911.',
    whereH: 'Where would you like to be seen?',
    location: 'Choose a location',
    phoneLabel: 'Phone',
    times: 'Which days or times suit you?',
    timesHint: 'For example: weekday mornings, not Fridays.',
    contactH: 'How can we reach you?',
    givenName: 'First name',
    familyName: 'Last name',
    phone: 'Phone number',
    phoneHint: 'We call you on this number to arrange your visit.',
    email: 'Email',
    birthDate: 'Date of birth',
    insuranceH: 'Insurance',
    insuranceKind: 'How will you pay for your care?',
    insuranceHint: 'This helps us check your plan’s rules before your visit.',
    notSure: 'I am not sure, or I would rather not say',
    payerName: 'Name of your insurance company or plan',
    memberId: 'Member ID',
    memberIdHint: 'It is on your insurance card.',
    privacy: 'Your answers go only to {practice}, to arrange your visit.',
    submit: 'Send my answers and appointment request',
    sending: 'Sending…',
    errorsTitle: 'Please check these answers',
    errChoose: 'Choose an answer.',
    errChooseSome: 'Choose at least one answer, or “None”.',
    errNoneAlone: '“None” cannot be chosen together with other answers.',
    errLocation: 'Choose the location where you would like to be seen.',
    errGivenName: 'Enter your first name.',
    errFamilyName: 'Enter your last name.',
    errPhoneMissing: 'Enter your phone number.',
    errPhone:
      'Enter a phone number with digits only (spaces, +, ( ), . and - are fine), for example 415 555 0123.',
    errEmail: 'Enter an email address like name@example.com, or leave it empty.',
    errBirthDate: 'Enter a real date of birth in the past, or leave it empty.',
    errTooLong: 'This is too long: at most {max} characters.',
    errServer: 'The clinic could not accept this answer ({message}).',
    notSent: 'Your request was not sent.',
    notSentKeep: 'Your answers are still here; please try again.',
    offline: 'There is no connection to the server. Check your connection.',
    tooMany: 'Too many requests were sent from this device. Please wait a minute.',
    serverError: 'Something went wrong on our side.',
    resultH: 'Your result',
    notADiagnosis:
      'This is not a diagnosis. It only says how your answers fit what doctors look for before a facet joint test.',
    urgentH: 'Please do not wait',
    urgent:
      'Contact your doctor about these symptoms promptly. In an emergency, or if you suddenly lose control of your bladder or bowels or become weak, call 911.',
    sentH: 'Your appointment request was sent',
    sentTo: 'We sent your request to:',
    reference: 'Reference number: {ref}',
    nextH: 'What happens next',
    next1: 'A member of our team at {location} will call you at {phone} to arrange a visit.',
    next2:
      'At the visit a doctor examines you, looks at your scans and decides with you whether a medial branch block is right for you.',
    next3: 'We check your insurance before any procedure is booked.',
    next4: 'If you have not heard from us in a few working days, call the clinic.',
    nextUrgent:
      'Your request was sent, but please do not wait for our call: contact your doctor about your symptoms now.',
    learnLink: 'What a medial branch block is',
    prepareLink: 'How to prepare for a block',
  },
  es: {
    title: '¿Soy candidato?',
    intro:
      'Responda unas preguntas sobre su dolor; le llevará unos tres minutos. Recibe una respuesta al instante, y su solicitud de cita llega al centro que usted elija.',
    requiredNote: 'Todas las preguntas requieren respuesta, salvo las que dicen “opcional”.',
    optional: '(opcional)',
    painH: 'Sobre su dolor',
    painArea: '¿Dónde tiene el dolor principalmente?',
    duration: '¿Desde hace cuánto tiene este dolor?',
    movement:
      '¿El dolor empeora al inclinarse hacia atrás, al girar o voltearse, o al estar de pie mucho tiempo?',
    yes: 'Sí',
    no: 'No',
    radiation: '¿El dolor se extiende a alguna parte?',
    treatments: '¿Qué tratamientos ha probado para este dolor?',
    chooseAll: 'Elija todas las que correspondan.',
    imaging: '¿Le han hecho una imagen o una radiografía de la columna por este dolor?',
    imagingHint:
      'Si le hicieron más de una, elija la más detallada: resonancia, luego tomografía, luego radiografía.',
    redFlags: '¿Le ocurre ahora alguna de estas cosas?',
    redFlagsHint:
      'Elija todas las que correspondan. Pueden ser señales de un problema que un médico debe revisar primero.',
    redFlagWarning:
      'Gracias por decírnoslo. Comuníquese pronto con su médico por esto. Si de repente pierde el control de la vejiga o del intestino, o siente debilidad repentina, llame al 911.',
    whereH: '¿Dónde le gustaría que le atendamos?',
    location: 'Elija un centro',
    phoneLabel: 'Teléfono',
    times: '¿Qué días u horarios le vienen bien?',
    timesHint: 'Por ejemplo: mañanas entre semana, no los viernes.',
    contactH: '¿Cómo podemos comunicarnos con usted?',
    givenName: 'Nombre',
    familyName: 'Apellido',
    phone: 'Número de teléfono',
    phoneHint: 'Le llamaremos a este número para programar su consulta.',
    email: 'Correo electrónico',
    birthDate: 'Fecha de nacimiento',
    insuranceH: 'Seguro médico',
    insuranceKind: '¿Cómo pagará su atención?',
    insuranceHint: 'Esto nos ayuda a revisar las reglas de su plan antes de la consulta.',
    notSure: 'No estoy seguro, o prefiero no decirlo',
    payerName: 'Nombre de su aseguradora o plan',
    memberId: 'Número de afiliado',
    memberIdHint: 'Aparece en su tarjeta del seguro.',
    privacy: 'Sus respuestas llegan solo a {practice}, para programar su consulta.',
    submit: 'Enviar mis respuestas y la solicitud de cita',
    sending: 'Enviando…',
    errorsTitle: 'Revise estas respuestas',
    errChoose: 'Elija una respuesta.',
    errChooseSome: 'Elija al menos una respuesta, o “Ninguno”.',
    errNoneAlone: '“Ninguno” no se puede elegir junto con otras respuestas.',
    errLocation: 'Elija el centro donde le gustaría que le atendamos.',
    errGivenName: 'Escriba su nombre.',
    errFamilyName: 'Escriba su apellido.',
    errPhoneMissing: 'Escriba su número de teléfono.',
    errPhone:
      'Escriba un número de teléfono solo con dígitos (se admiten espacios, +, ( ), . y -), por ejemplo 415 555 0123.',
    errEmail: 'Escriba un correo como nombre@ejemplo.com, o déjelo vacío.',
    errBirthDate: 'Escriba una fecha de nacimiento real y pasada, o déjela vacía.',
    errTooLong: 'Es demasiado largo: como máximo {max} caracteres.',
    errServer: 'La clínica no pudo aceptar esta respuesta ({message}).',
    notSent: 'Su solicitud no se envió.',
    notSentKeep: 'Sus respuestas siguen aquí; inténtelo de nuevo.',
    offline: 'No hay conexión con el servidor. Revise su conexión.',
    tooMany: 'Se enviaron demasiadas solicitudes desde este dispositivo. Espere un minuto.',
    serverError: 'Algo salió mal de nuestro lado.',
    resultH: 'Su resultado',
    notADiagnosis:
      'Esto no es un diagnóstico. Solo indica cómo encajan sus respuestas con lo que buscan los médicos antes de una prueba de las articulaciones facetarias.',
    urgentH: 'Por favor, no espere',
    urgent:
      'Comuníquese pronto con su médico por estos síntomas. En una emergencia, o si de repente pierde el control de la vejiga o del intestino o siente debilidad, llame al 911.',
    sentH: 'Su solicitud de cita fue enviada',
    sentTo: 'Enviamos su solicitud a:',
    reference: 'Número de referencia: {ref}',
    nextH: 'Qué pasa ahora',
    next1: 'Una persona de nuestro equipo en {location} le llamará al {phone} para programar una consulta.',
    next2:
      'En la consulta, un médico le examina, revisa sus imágenes y decide con usted si un bloqueo de rama medial es adecuado para usted.',
    next3: 'Revisamos su seguro antes de programar cualquier procedimiento.',
    next4: 'Si no sabe de nosotros en unos días hábiles, llame a la clínica.',
    nextUrgent:
      'Su solicitud fue enviada, pero no espere nuestra llamada: comuníquese ahora con su médico por sus síntomas.',
    learnLink: 'Qué es un bloqueo de rama medial',
    prepareLink: 'Cómo prepararse para un bloqueo',
  },
});
