import type { Catalog } from './catalog.js';

export const de: Catalog = {
  title: 'Extension Mobility',
  demo: 'Demo',
  keys: { logOut: 'Abmelden', exit: 'Beenden', retry: 'Wiederh.' },
  phoneLine: (device) => `Telefon: ${device}`,
  confirm: {
    prompt: 'Abmelden?',
    question: (user) => `${user} von diesem Telefon abmelden?`,
    note: 'Das Telefon startet nach der Abmeldung neu.',
  },
  loggedOut: {
    prompt: 'Abgemeldet',
    message: 'Sie sind abgemeldet.',
    note: 'Das Telefon startet jetzt mit seinem Abmeldeprofil neu.',
  },
  nobody: {
    prompt: 'Niemand angemeldet',
    message: 'An diesem Telefon ist niemand angemeldet: es gibt nichts abzumelden.',
  },
  unknownDevice: {
    prompt: 'Telefon unbekannt',
    message:
      'CUCM kennt dieses Telefon nicht und kann es daher nicht abmelden. Bitte informieren Sie die IT.',
  },
  failed: {
    logoutPrompt: 'Abmeldung fehlgeschlagen',
    lookupPrompt: 'Abfrage fehlgeschlagen',
    messages: {
      'service-misconfigured':
        'Der Abmeldedienst ist nicht richtig eingerichtet. Bitte informieren Sie die IT.',
      'service-fault':
        'Abmeldedienst und CUCM haben sich nicht verstanden. Bitte informieren Sie die IT.',
      'em-disabled':
        'Extension Mobility ist an diesem Telefon nicht aktiviert. Bitte wenden Sie sich an die IT.',
      busy: 'CUCM ist gerade ausgelastet. Bitte versuchen Sie es gleich noch einmal.',
      'try-again': 'CUCM konnte die Abmeldung diesmal nicht ausführen. Bitte erneut versuchen.',
      'not-allowed': 'CUCM erlaubt diese Abmeldung nicht. Bitte wenden Sie sich an die IT.',
      'contact-it': 'CUCM konnte die Abmeldung nicht ausführen. Bitte wenden Sie sich an die IT.',
      unknown: 'CUCM hat die Abmeldung abgelehnt. Bitte wenden Sie sich an die IT.',
      unreachable:
        'Der Abmeldedienst erreicht CUCM gerade nicht. Bitte versuchen Sie es später noch einmal.',
      timeout: 'CUCM hat nicht rechtzeitig geantwortet. Bitte erneut versuchen.',
      unreadable: 'CUCM hat eine unlesbare Antwort geschickt. Bitte informieren Sie die IT.',
    },
    emDetail: (code, text) => `Detail: EM-Fehler ${code}${text === '' ? '' : `, ${text}`}`,
    httpDetail: (status) => `Detail: EM-Dienst antwortete mit HTTP ${status}`,
    networkDetail: {
      refused: 'Detail: Verbindung abgelehnt',
      reset: 'Detail: Verbindung abgebrochen',
      dns: 'Detail: CUCM-Hostname nicht gefunden',
      tls: 'Detail: TLS-Zertifikat oder -Handshake fehlerhaft',
      unreachable: 'Detail: CUCM-Host nicht erreichbar',
      'open-circuit':
        'Detail: CUCM fiel wiederholt aus, der Dienst wartet vor dem nächsten Versuch',
      other: 'Detail: Netzwerkfehler',
    },
    timeoutDetail: 'Detail: keine Antwort in der Zeit',
    unreadableDetail: 'Detail: unlesbare Antwort',
  },
  badRequest: {
    prompt: 'Dienst falsch eingerichtet',
    missing:
      'Die Dienst-URL nennt dieses Telefon nicht. Bitte die IT, ?device=#DEVICENAME# anzuhängen.',
    placeholder:
      'CUCM hat den Telefonnamen (#DEVICENAME#) nicht eingesetzt. Öffnen Sie den Dienst am Telefon oder bitten Sie die IT, die Dienst-URL zu prüfen.',
    invalid: (raw) => `"${raw}" ist kein Telefonname. Bitte die IT, die Dienst-URL zu prüfen.`,
    ambiguous:
      'Die Anfrage nennt zwei verschiedene Telefone. Bitte die IT, die Dienst-URL zu prüfen.',
  },
  notFound: { prompt: 'Seite unbekannt', text: 'Diese Seite gibt es in diesem Dienst nicht.' },
  refused: {
    prompt: 'Nicht erlaubt',
    text: 'Dieser Dienst antwortet nur Telefonen in den von der IT freigegebenen Netzen.',
  },
  tooMany: {
    prompt: 'Zu viele Anfragen',
    text: 'Zu viele Anfragen. Bitte warten Sie einen Moment und versuchen Sie es erneut.',
  },
  internal: {
    prompt: 'Dienstfehler',
    text: 'Im Abmeldedienst ist ein Fehler aufgetreten. Bitte erneut versuchen oder die IT informieren.',
  },
  tooLarge: {
    prompt: 'Anfrage zu groß',
    text: 'Die Anfrage ist zu groß für diesen Dienst. Bitte die IT, die Dienst-URL zu prüfen.',
  },
  unreadable: {
    prompt: 'Anfrage unverständlich',
    text: 'Der Dienst konnte diese Anfrage nicht lesen. Bitte die IT, die Dienst-URL zu prüfen.',
  },
};
