import type { Catalog } from './catalog.js';

export const en: Catalog = {
  title: 'Extension Mobility',
  demo: 'demo',
  keys: { logOut: 'Log out', exit: 'Exit', retry: 'Retry' },
  phoneLine: (device) => `Phone: ${device}`,
  confirm: {
    prompt: 'Log out?',
    question: (user) => `Log out ${user} from this phone?`,
    note: 'The phone restarts after the logout.',
  },
  loggedOut: {
    prompt: 'Logged out',
    message: 'You are logged out.',
    note: 'The phone now restarts with its logout profile.',
  },
  nobody: {
    prompt: 'Nobody logged in',
    message: 'Nobody is logged in on this phone: there is nothing to log out.',
  },
  unknownDevice: {
    prompt: 'Phone not known',
    message: 'CUCM does not know this phone, so it cannot log it out. Please tell IT.',
  },
  failed: {
    logoutPrompt: 'Logout failed',
    lookupPrompt: 'Lookup failed',
    messages: {
      'service-misconfigured': 'The logout service is not set up correctly. Please tell IT.',
      'service-fault': 'The logout service and CUCM did not understand each other. Please tell IT.',
      'em-disabled': 'Extension Mobility is not enabled on this phone. Please ask IT to enable it.',
      busy: 'CUCM is busy right now. Please try again in a moment.',
      'try-again': 'CUCM could not complete the logout this time. Please try again.',
      'not-allowed': 'CUCM does not allow this logout. Please ask IT.',
      'contact-it': 'CUCM could not complete the logout. Please ask IT for help.',
      unknown: 'CUCM refused the logout. Please ask IT for help.',
      unreachable: 'The logout service cannot reach CUCM right now. Please try again later.',
      timeout: 'CUCM did not answer in time. Please try again.',
      unreadable: 'CUCM gave an answer the logout service cannot read. Please tell IT.',
    },
    emDetail: (code, text) => `Detail: EM error ${code}${text === '' ? '' : `, ${text}`}`,
    httpDetail: (status) => `Detail: EM service answered HTTP ${status}`,
    networkDetail: {
      refused: 'Detail: connection refused',
      reset: 'Detail: connection reset',
      dns: 'Detail: CUCM host name not found',
      tls: 'Detail: TLS certificate or handshake failed',
      unreachable: 'Detail: CUCM host unreachable',
      'open-circuit': 'Detail: CUCM failed repeatedly, the service waits before trying again',
      other: 'Detail: network error',
    },
    timeoutDetail: 'Detail: no answer in time',
    unreadableDetail: 'Detail: unreadable answer',
  },
  badRequest: {
    prompt: 'Service set up wrong',
    missing:
      'The service URL does not name this phone. Please ask IT to add ?device=#DEVICENAME# to it.',
    placeholder:
      'CUCM did not fill in the phone name (#DEVICENAME#). Open the service from the phone, or ask IT to check the service URL.',
    invalid: (raw) => `"${raw}" is not a phone name. Please ask IT to check the service URL.`,
    ambiguous: 'The request names two different phones. Please ask IT to check the service URL.',
  },
  notFound: { prompt: 'Unknown page', text: 'This service has no such page.' },
  refused: {
    prompt: 'Not allowed',
    text: 'This service only answers phones on the networks IT has allowed.',
  },
  tooMany: {
    prompt: 'Too many requests',
    text: 'Too many requests. Please wait a moment and try again.',
  },
  internal: {
    prompt: 'Service error',
    text: 'The logout service had a problem of its own. Please try again, or tell IT if it persists.',
  },
  tooLarge: {
    prompt: 'Request too large',
    text: 'The request was too large for this service. Please ask IT to check the service URL.',
  },
  unreadable: {
    prompt: 'Request not understood',
    text: 'The service could not read this request. Please ask IT to check the service URL.',
  },
};
