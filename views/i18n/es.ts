import type { Catalog } from './catalog.js';

export const es: Catalog = {
  title: 'Extension Mobility',
  demo: 'demo',
  keys: { logOut: 'Cerrar', exit: 'Salir', retry: 'Reintentar' },
  phoneLine: (device) => `Teléfono: ${device}`,
  confirm: {
    prompt: '¿Cerrar sesión?',
    question: (user) => `¿Cerrar la sesión de ${user} en este teléfono?`,
    note: 'El teléfono se reinicia después.',
  },
  loggedOut: {
    prompt: 'Sesión cerrada',
    message: 'Su sesión está cerrada.',
    note: 'El teléfono se reinicia ahora con su perfil de cierre de sesión.',
  },
  nobody: {
    prompt: 'Nadie conectado',
    message: 'No hay nadie con sesión iniciada en este teléfono: no hay nada que cerrar.',
  },
  unknownDevice: {
    prompt: 'Teléfono desconocido',
    message:
      'CUCM no conoce este teléfono, así que no puede cerrar su sesión. Avise a informática.',
  },
  failed: {
    logoutPrompt: 'Error al cerrar sesión',
    lookupPrompt: 'Error en la consulta',
    messages: {
      'service-misconfigured':
        'El servicio de cierre de sesión no está bien configurado. Avise a informática.',
      'service-fault': 'El servicio y CUCM no se han entendido. Avise a informática.',
      'em-disabled':
        'Extension Mobility no está activado en este teléfono. Pida a informática que lo active.',
      busy: 'CUCM está ocupado. Inténtelo de nuevo en un momento.',
      'try-again': 'CUCM no pudo cerrar la sesión esta vez. Inténtelo de nuevo.',
      'not-allowed': 'CUCM no permite este cierre de sesión. Consulte a informática.',
      'contact-it': 'CUCM no pudo cerrar la sesión. Pida ayuda a informática.',
      unknown: 'CUCM rechazó el cierre de sesión. Pida ayuda a informática.',
      unreachable: 'El servicio no puede contactar con CUCM ahora. Inténtelo más tarde.',
      timeout: 'CUCM no respondió a tiempo. Inténtelo de nuevo.',
      unreadable: 'CUCM envió una respuesta ilegible. Avise a informática.',
    },
    emDetail: (code, text) => `Detalle: error EM ${code}${text === '' ? '' : `, ${text}`}`,
    httpDetail: (status) => `Detalle: el servicio EM respondió HTTP ${status}`,
    networkDetail: {
      refused: 'Detalle: conexión rechazada',
      reset: 'Detalle: conexión interrumpida',
      dns: 'Detalle: nombre de CUCM no encontrado',
      tls: 'Detalle: fallo del certificado o de TLS',
      unreachable: 'Detalle: CUCM inalcanzable',
      'open-circuit': 'Detalle: CUCM falló varias veces, el servicio espera antes de reintentar',
      other: 'Detalle: error de red',
    },
    timeoutDetail: 'Detalle: sin respuesta a tiempo',
    unreadableDetail: 'Detalle: respuesta ilegible',
  },
  badRequest: {
    prompt: 'Servicio mal configurado',
    missing:
      'La URL del servicio no indica este teléfono. Pida a informática que añada ?device=#DEVICENAME#.',
    placeholder:
      'CUCM no rellenó el nombre del teléfono (#DEVICENAME#). Abra el servicio desde el teléfono o pida a informática que revise la URL.',
    invalid: (raw) =>
      `"${raw}" no es un nombre de teléfono. Pida a informática que revise la URL del servicio.`,
    ambiguous:
      'La solicitud indica dos teléfonos distintos. Pida a informática que revise la URL del servicio.',
  },
  notFound: { prompt: 'Página desconocida', text: 'Este servicio no tiene esa página.' },
  refused: {
    prompt: 'No permitido',
    text: 'Este servicio solo responde a teléfonos de las redes autorizadas por informática.',
  },
  tooMany: {
    prompt: 'Demasiadas solicitudes',
    text: 'Demasiadas solicitudes. Espere un momento e inténtelo de nuevo.',
  },
  internal: {
    prompt: 'Error del servicio',
    text: 'El servicio de cierre de sesión tuvo un problema. Inténtelo de nuevo o avise a informática.',
  },
  tooLarge: {
    prompt: 'Solicitud demasiado grande',
    text: 'La solicitud es demasiado grande para este servicio. Pida a informática que revise la URL del servicio.',
  },
  unreadable: {
    prompt: 'Solicitud ilegible',
    text: 'El servicio no pudo leer esta solicitud. Pida a informática que revise la URL del servicio.',
  },
};
