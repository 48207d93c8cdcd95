/** Every string of the "would you recommend us?" page, in English and Spanish. */
import { defineDict } from '../../shared/i18n';

export const feedbackText = defineDict({
  en: {
    site: 'Facet joint pain care',
    title: 'Would you recommend us?',
    intro: 'One short question about your visit. It takes less than a minute, and your name is not asked.',
    loading: 'Loading…',
    question: 'How likely are you to recommend us to a friend or family member?',
    scoreHint: 'Choose a number from 0 to 10.',
    low: 'not at all likely',
    high: 'extremely likely',
    comment: 'Anything you would like to tell us? (optional)',
    commentHint: 'Up to {max} characters. Please leave out medical details; call us about your care.',
    count: '{n} of {max} characters',
    location: 'Which clinic did you visit? (optional)',
    noLocation: 'I would rather not say',
    linked: 'Link my answer to my visit',
    linkedHint:
      'You came from your pain diary link. If you keep this ticked, your answer is stored with your visit; staff reading answers do not see your name.',
    send: 'Send my answer',
    sending: 'Sending…',
    summaryTitle: 'Please check your answer',
    errScore: 'Please choose a number from 0 to 10 before sending.',
    errCommentTooLong: 'Please shorten your comment to {max} characters or fewer (now {n}).',
    errLocation: 'This clinic is not one of ours any more. Choose another, or "I would rather not say".',
    errTokenUnknown:
      'This diary link is not valid. Untick "Link my answer to my visit" to send it without the link.',
    errTokenClosed:
      'This diary link has expired or was withdrawn. Untick "Link my answer to my visit" to send it without the link.',
    errServerField: 'Please check this answer: {message}',
    errOffline: 'Your answer was not sent: there is no connection. Nothing you entered is lost; try again.',
    errTooMany: 'Too many answers were sent from this connection. Please wait a minute and try again.',
    errNoPractice: 'We could not find this practice. Please check the link you were given.',
    errServer: 'Something went wrong on our side, and your answer was not sent. Please try again.',
    errPracticeLoad: 'The list of clinics could not be loaded. You can still send your answer.',
    thanksTitle: 'Thank you!',
    thanksBody: 'Your answer was sent. It helps us care for you and for others.',
    thanksScore: 'You answered {score} out of 10.',
    back: 'Back to the start page',
  },
  es: {
    site: 'Atención del dolor de las articulaciones facetarias',
    title: '¿Nos recomendaría?',
    intro: 'Una pregunta corta sobre su visita. Toma menos de un minuto y no le pedimos su nombre.',
    loading: 'Cargando…',
    question: '¿Qué tan probable es que nos recomiende a un amigo o familiar?',
    scoreHint: 'Elija un número del 0 al 10.',
    low: 'nada probable',
    high: 'muy probable',
    comment: '¿Hay algo que quiera decirnos? (opcional)',
    commentHint:
      'Hasta {max} caracteres. Por favor no incluya detalles médicos; llámenos para hablar de su atención.',
    count: '{n} de {max} caracteres',
    location: '¿Qué clínica visitó? (opcional)',
    noLocation: 'Prefiero no decirlo',
    linked: 'Vincular mi respuesta a mi visita',
    linkedHint:
      'Llegó desde el enlace de su diario de dolor. Si deja esto marcado, su respuesta se guarda con su visita; el personal que lee las respuestas no ve su nombre.',
    send: 'Enviar mi respuesta',
    sending: 'Enviando…',
    summaryTitle: 'Por favor revise su respuesta',
    errScore: 'Por favor elija un número del 0 al 10 antes de enviar.',
    errCommentTooLong: 'Por favor acorte su comentario a {max} caracteres o menos (ahora {n}).',
    errLocation: 'Esta clínica ya no es una de las nuestras. Elija otra, o «Prefiero no decirlo».',
    errTokenUnknown:
      'Este enlace del diario no es válido. Desmarque «Vincular mi respuesta a mi visita» para enviarla sin el enlace.',
    errTokenClosed:
      'Este enlace del diario venció o fue retirado. Desmarque «Vincular mi respuesta a mi visita» para enviarla sin el enlace.',
    errServerField: 'Por favor revise esta respuesta: {message}',
    errOffline:
      'Su respuesta no se envió: no hay conexión. No se perdió nada de lo que escribió; intente de nuevo.',
    errTooMany: 'Se enviaron demasiadas respuestas desde esta conexión. Espere un minuto e intente de nuevo.',
    errNoPractice: 'No encontramos esta práctica. Revise el enlace que recibió.',
    errServer: 'Algo falló de nuestro lado y su respuesta no se envió. Por favor intente de nuevo.',
    errPracticeLoad: 'No se pudo cargar la lista de clínicas. Aun así puede enviar su respuesta.',
    thanksTitle: '¡Gracias!',
    thanksBody: 'Su respuesta fue enviada. Nos ayuda a cuidar de usted y de otras personas.',
    thanksScore: 'Usted respondió {score} de 10.',
    back: 'Volver a la página de inicio',
  },
});

export type FeedbackText = (typeof feedbackText)['en'];
