/** Strings the Learn, Before & after and screening pages share. */
import { defineDict } from '../../shared/i18n';

export const commonText = defineDict({
  en: {
    site: 'Facet joint pain care',
    loadingPractice: 'Loading the clinic’s details…',
    practiceNotFound: 'We could not find this clinic. Check the link you were given.',
    practiceError: 'The clinic’s details could not be loaded. Check your connection and try again.',
    retry: 'Try again',
    emergency: 'In an emergency call 911.',
    ourClinic: 'our clinic',
  },
  es: {
    site: 'Atención del dolor de las articulaciones facetarias',
    loadingPractice: 'Cargando los datos de la clínica…',
    practiceNotFound: 'No encontramos esta clínica. Revise el enlace que recibió.',
    practiceError: 'No se pudieron cargar los datos de la clínica. Revise su conexión e inténtelo de nuevo.',
    retry: 'Intentar de nuevo',
    emergency: 'En una emergencia llame al 911.',
    ourClinic: 'nuestra clínica',
  },
});
