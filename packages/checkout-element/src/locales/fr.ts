// French (fr): a runtime-mode locale module in the shape lit-localize generates, written by
// hand (see ../messages.ts for the ids, the English source and the {name} placeholders).
import type { MessageId } from '../messages.js';

export const templates = {
  methodLegend: 'Moyen de paiement',
  bank: 'Banque',
  bankHint: 'Saisissez pour rechercher, puis choisissez votre banque.',
  bankNone: 'Aucune banque ne correspond à « {query} ». Vérifiez le pays de votre banque.',
  bankEmpty: 'Aucune banque trouvée dans ce pays. Choisissez le pays de votre banque.',
  bankCount:
    '{count, plural, one {# banque trouvée.} many {# banques trouvées.} other {# banques trouvées.}}',
  country: 'Pays de votre banque',
  countryChoose: 'Choisissez un pays',
  methodPis: 'Paiement bancaire',
  methodCard: 'Carte',
  bankRecent: 'Utilisée récemment',
  bankRequired: 'Choisissez votre banque pour continuer.',
  methodRequired: 'Choisissez un moyen de paiement pour continuer.',
  language: 'Langue',
  total: 'Total',
  pay: 'Payer {amount}',
  bankNote: 'Vous confirmez le paiement auprès de votre banque.',
  cardNote:
    'Vous saisissez les données de votre carte sur la page sécurisée de notre partenaire de paiement.',
  testMode: 'Mode test',
  loading: 'Chargement des moyens de paiement…',
  ready: 'Les moyens de paiement sont prêts.',
  submitting: 'Lancement de votre paiement…',
  redirecting: 'Redirection pour finaliser le paiement…',
  retry: 'Réessayer',
  errorNetwork: 'Impossible de joindre le service de paiement. Vérifiez votre connexion et réessayez.',
  errorTimeout: 'Le service de paiement a mis trop de temps à répondre. Veuillez réessayer.',
  errorServer: 'Le service de paiement rencontre un problème. Veuillez réessayer dans un instant.',
  errorOrderNotFound: 'Cette commande est introuvable. Veuillez revenir à la boutique et recommencer.',
  errorInvalid: 'Les données de paiement n’ont pas été acceptées.',
  errorInProgress: 'Ce paiement est déjà en cours de traitement. Patientez un instant, puis réessayez.',
  errorMismatch: 'Ce paiement a déjà été lancé avec d’autres données. Veuillez recommencer.',
  errorRequest: 'Le paiement n’a pas pu être lancé. Veuillez contacter la boutique.',
  errorRedirect: 'L’adresse de la page de paiement n’est pas sûre.',
  errorNoMethods: 'Aucun moyen de paiement n’est disponible pour cette commande.',
  errorMethod: 'Ce moyen de paiement n’est pas disponible. Veuillez en choisir un autre.',
  errorUnavailable:
    'Ce moyen de paiement est momentanément indisponible. Veuillez réessayer plus tard ou en choisir un autre.',
  errorAccount: 'Ce compte ne peut pas recevoir le paiement. Veuillez contacter la boutique.',
  errorSession: 'Ce paiement est introuvable ou terminé. Veuillez revenir à la boutique et recommencer.',
  errorPaid: 'Cette commande est déjà payée. Retour à la boutique',
} satisfies Record<MessageId, string>;
