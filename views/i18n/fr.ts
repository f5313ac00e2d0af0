import type { Catalog } from './catalog.js';

export const fr: Catalog = {
  title: 'Extension Mobility',
  demo: 'démo',
  keys: { logOut: 'Déconn.', exit: 'Quitter', retry: 'Réessayer' },
  phoneLine: (device) => `Téléphone : ${device}`,
  confirm: {
    prompt: 'Se déconnecter ?',
    question: (user) => `Déconnecter ${user} de ce téléphone ?`,
    note: 'Le téléphone redémarre après la déconnexion.',
  },
  loggedOut: {
    prompt: 'Déconnecté',
    message: 'Vous êtes déconnecté.',
    note: 'Le téléphone redémarre avec son profil de déconnexion.',
  },
  nobody: {
    prompt: 'Personne de connecté',
    message: "Personne n'est connecté sur ce téléphone : il n'y a rien à déconnecter.",
  },
  unknownDevice: {
    prompt: 'Téléphone inconnu',
    message:
      'CUCM ne connaît pas ce téléphone et ne peut donc pas le déconnecter. Merci de prévenir le service informatique.',
  },
  failed: {
    logoutPrompt: 'Échec de la déconnexion',
    lookupPrompt: 'Échec de la recherche',
    messages: {
      'service-misconfigured':
        'Le service de déconnexion est mal configuré. Merci de prévenir le service informatique.',
      'service-fault':
        'Le service de déconnexion et CUCM ne se sont pas compris. Merci de prévenir le service informatique.',
      'em-disabled':
        "Extension Mobility n'est pas activé sur ce téléphone. Demandez au service informatique de l'activer.",
      busy: 'CUCM est occupé. Veuillez réessayer dans un instant.',
      'try-again': "CUCM n'a pas pu effectuer la déconnexion cette fois. Veuillez réessayer.",
      'not-allowed':
        "CUCM n'autorise pas cette déconnexion. Adressez-vous au service informatique.",
      'contact-it':
        "CUCM n'a pas pu effectuer la déconnexion. Adressez-vous au service informatique.",
      unknown: 'CUCM a refusé la déconnexion. Adressez-vous au service informatique.',
      unreachable:
        "Le service de déconnexion ne joint pas CUCM pour l'instant. Veuillez réessayer plus tard.",
      timeout: "CUCM n'a pas répondu à temps. Veuillez réessayer.",
      unreadable: 'CUCM a envoyé une réponse illisible. Merci de prévenir le service informatique.',
    },
    emDetail: (code, text) => `Détail : erreur EM ${code}${text === '' ? '' : `, ${text}`}`,
    httpDetail: (status) => `Détail : le service EM a répondu HTTP ${status}`,
    networkDetail: {
      refused: 'Détail : connexion refusée',
      reset: 'Détail : connexion interrompue',
      dns: 'Détail : nom du serveur CUCM introuvable',
      tls: 'Détail : échec du certificat ou de la négociation TLS',
      unreachable: 'Détail : serveur CUCM injoignable',
      'open-circuit': 'Détail : CUCM a échoué plusieurs fois, le service attend avant de réessayer',
      other: 'Détail : erreur réseau',
    },
    timeoutDetail: 'Détail : pas de réponse à temps',
    unreadableDetail: 'Détail : réponse illisible',
  },
  badRequest: {
    prompt: 'Service mal configuré',
    missing:
      "L'URL du service ne nomme pas ce téléphone. Demandez au service informatique d'y ajouter ?device=#DEVICENAME#.",
    placeholder:
      "CUCM n'a pas renseigné le nom du téléphone (#DEVICENAME#). Ouvrez le service depuis le téléphone ou demandez au service informatique de vérifier l'URL.",
    invalid: (raw) =>
      `« ${raw} » n'est pas un nom de téléphone. Demandez au service informatique de vérifier l'URL du service.`,
    ambiguous:
      "La requête nomme deux téléphones différents. Demandez au service informatique de vérifier l'URL du service.",
  },
  notFound: { prompt: 'Page inconnue', text: "Ce service n'a pas de telle page." },
  refused: {
    prompt: 'Non autorisé',
    text: "Ce service ne répond qu'aux téléphones des réseaux autorisés par le service informatique.",
  },
  tooMany: {
    prompt: 'Trop de requêtes',
    text: 'Trop de requêtes. Veuillez patienter un instant puis réessayer.',
  },
  internal: {
    prompt: 'Erreur du service',
    text: "Le service de déconnexion a rencontré un problème. Réessayez, ou prévenez le service informatique s'il persiste.",
  },
  tooLarge: {
    prompt: 'Requête trop grande',
    text: "La requête est trop grande pour ce service. Demandez au service informatique de vérifier l'URL du service.",
  },
  unreadable: {
    prompt: 'Requête incomprise',
    text: "Le service n'a pas pu lire cette requête. Demandez au service informatique de vérifier l'URL du service.",
  },
};
