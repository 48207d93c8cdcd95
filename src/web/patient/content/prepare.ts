/** The Before & after page: preparation and after-care for a medial branch block (EN/ES). */
import { defineDict } from '../../shared/i18n';

export const prepareText = defineDict({
  en: {
    title: 'Before and after your block',
    intro:
      'A few simple steps help the block go smoothly and make its result clear. If anything here differs from what {practice} told you, follow the clinic’s instructions.',

    beforeH: 'Before the block',
    driver:
      'Bring a driver. Someone should take you home: you may feel numb for a few hours, and you must not drive that day if you are given sedation.',
    meds: 'Keep taking your usual medicines unless the clinic tells you otherwise.',
    thinners:
      'Blood thinners (for example warfarin, apixaban, rivaroxaban or clopidogrel): tell the clinic you take them and ask what to do. Do not stop them on your own.',
    eat: 'Eat lightly beforehand, unless you were told not to eat (for example before sedation).',
    wear: 'Wear loose, comfortable clothes that are easy to move in, and leave jewellery at home.',
    phone: 'Bring your phone, charged: you use it for your pain diary right after the block.',
    activities:
      'Think about which activities usually make your pain worse (bending, twisting, standing, walking): you will try them after the block.',
    unwell:
      'If you have a fever or an infection, or you might be pregnant, call the clinic before the day of the block.',

    afterH: 'After the block',
    diaryH: 'Your pain diary',
    diary1:
      'The clinic gives you a link to your pain diary. At each time shown on the link, score your pain from 0 (no pain) to 10 (the worst pain you can imagine).',
    diary2:
      'Before each score, carefully try the activities that usually hurt, so the score shows how the block changes your usual pain.',
    diary3:
      'Keep scoring until the diary says you are done, even when the pain comes back: when it returns matters as much as the relief.',

    restH: 'Rest and activity',
    rest1:
      'Light activity is fine the same day. No strenuous activity, heavy lifting or exercise for 24 hours.',
    rest2:
      'Do not drive for the rest of the day if you were given sedation, or while your leg or arm feels numb or weak.',
    rest3:
      'For soreness where the needles went in, use ice wrapped in a cloth for 15 to 20 minutes at a time.',
    rest4: 'You can shower the same day. Avoid baths, pools and hot tubs for 24 hours.',

    callH: 'When to call the clinic',
    callIntro: 'Call us if you have:',
    call1: 'a fever (100.4 °F / 38 °C or higher), or redness, warmth or swelling where the needles went in;',
    call2: 'pain that keeps getting worse instead of better;',
    call3: 'new weakness or numbness, or numbness that has not gone away after several hours;',
    call4: 'bleeding from an injection site that does not stop with gentle pressure.',
    phonesH: 'Our phone numbers',
    emergencyH: 'In an emergency',
    emergency:
      'Call 911 straight away for trouble breathing, chest pain, sudden severe weakness, or loss of control of your bladder or bowels.',

    moreH: 'More information',
    learnLink: 'What a medial branch block is',
    screeningLink: 'Am I a candidate?',
  },
  es: {
    title: 'Antes y después de su bloqueo',
    intro:
      'Unos pasos sencillos ayudan a que el bloqueo salga bien y a que su resultado sea claro. Si algo de esta página difiere de lo que le indicó {practice}, siga las instrucciones de la clínica.',

    beforeH: 'Antes del bloqueo',
    driver:
      'Venga con alguien que maneje. Otra persona debe llevarle a casa: puede sentirse adormecido unas horas, y no debe manejar ese día si recibe sedación.',
    meds: 'Siga tomando sus medicamentos habituales, salvo que la clínica le indique otra cosa.',
    thinners:
      'Anticoagulantes (por ejemplo warfarina, apixabán, rivaroxabán o clopidogrel): avise a la clínica que los toma y pregunte qué hacer. No los deje por su cuenta.',
    eat: 'Coma algo ligero antes, salvo que le hayan dicho que no coma (por ejemplo, antes de una sedación).',
    wear: 'Use ropa holgada y cómoda que le permita moverse, y deje las joyas en casa.',
    phone:
      'Traiga su teléfono con la batería cargada: lo usará para su diario del dolor justo después del bloqueo.',
    activities:
      'Piense qué actividades suelen empeorar su dolor (inclinarse, girar, estar de pie, caminar): las probará después del bloqueo.',
    unwell:
      'Si tiene fiebre o una infección, o podría estar embarazada, llame a la clínica antes del día del bloqueo.',

    afterH: 'Después del bloqueo',
    diaryH: 'Su diario del dolor',
    diary1:
      'La clínica le da un enlace a su diario del dolor. A cada hora que indica el enlace, califique su dolor de 0 (sin dolor) a 10 (el peor dolor que pueda imaginar).',
    diary2:
      'Antes de cada puntuación, pruebe con cuidado las actividades que normalmente le duelen, para que la puntuación muestre cómo cambia el bloqueo su dolor habitual.',
    diary3:
      'Siga anotando hasta que el diario diga que terminó, aunque el dolor vuelva: el momento en que regresa importa tanto como el alivio.',

    restH: 'Descanso y actividad',
    rest1:
      'Puede hacer actividad ligera el mismo día. Nada de esfuerzos, cargar peso ni ejercicio durante 24 horas.',
    rest2:
      'No maneje el resto del día si recibió sedación, ni mientras sienta la pierna o el brazo adormecidos o débiles.',
    rest3:
      'Para el dolor donde entraron las agujas, aplique hielo envuelto en un paño durante 15 a 20 minutos cada vez.',
    rest4: 'Puede ducharse el mismo día. Evite bañeras, piscinas y jacuzzis durante 24 horas.',

    callH: 'Cuándo llamar a la clínica',
    callIntro: 'Llámenos si tiene:',
    call1: 'fiebre (38 °C / 100.4 °F o más), o enrojecimiento, calor o hinchazón donde entraron las agujas;',
    call2: 'un dolor que empeora cada vez más en lugar de mejorar;',
    call3: 'debilidad o adormecimiento nuevos, o un adormecimiento que no se ha ido después de varias horas;',
    call4: 'sangrado en un sitio de inyección que no se detiene al presionar suavemente.',
    phonesH: 'Nuestros teléfonos',
    emergencyH: 'En una emergencia',
    emergency:
      'Llame al 911 de inmediato si tiene dificultad para respirar, dolor en el pecho, debilidad intensa y repentina, o pérdida del control de la vejiga o del intestino.',

    moreH: 'Más información',
    learnLink: 'Qué es un bloqueo de rama medial',
    screeningLink: '¿Soy candidato?',
  },
});
