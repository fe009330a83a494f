import type { PageMessages } from './page-messages.js';

/** French. */
export const fr: PageMessages = {
  dir: 'ltr',
  statuses: {
    created: { heading: 'En attente du paiement', text: 'Le paiement n’a pas encore commencé.' },
    pending: {
      heading: 'En attente de votre paiement',
      text: 'Nous attendons que votre banque ou votre prestataire de paiement confirme le paiement.',
    },
    processing: {
      heading: 'Paiement en cours de traitement',
      text: 'Votre paiement est en cours de traitement.',
    },
    authorized: {
      heading: 'Paiement autorisé',
      text: 'Votre paiement a été autorisé et sera finalisé sous peu.',
    },
    succeeded: { heading: 'Paiement réussi', text: 'Merci. Votre paiement a bien été effectué.' },
    failed: { heading: 'Échec du paiement', text: 'Le paiement n’a pas abouti.' },
    cancelled: { heading: 'Paiement annulé', text: 'Le paiement a été annulé.' },
    expired: { heading: 'Paiement expiré', text: 'Le paiement n’a pas été effectué à temps.' },
  },
  reasons: {
    insufficient_funds: 'Votre banque a refusé le paiement : provision insuffisante.',
    card_lost_or_stolen:
      'Votre banque a refusé cette carte. Veuillez utiliser une autre carte ou un autre moyen de paiement.',
    declined: 'Votre banque a refusé le paiement.',
    authentication_failed:
      'Le paiement n’a pas pu être confirmé : l’authentification auprès de votre banque a échoué.',
    cancelled_by_shopper: 'Vous avez annulé le paiement.',
    provider_error:
      'Le prestataire de paiement a rencontré un problème technique. Veuillez réessayer plus tard.',
    expired: 'Le délai prévu pour ce paiement est écoulé.',
    manual_review:
      'Le prestataire de paiement vérifie votre paiement manuellement. Cela prend généralement quelques minutes, parfois jusqu’à un jour ouvré. Cette page se mettra à jour dès qu’un résultat sera disponible.',
  },
  returnToMerchant: 'Retour au marchand',
  amount: 'Montant',
  order: 'Commande',
  merchant: 'Bénéficiaire',
  liveUpdates: 'Cette page se met à jour automatiquement.',
  returnNoScript: 'Rechargez cette page pour voir le statut le plus récent.',
  payTitle: 'Paiement',
  continueTitle: 'Redirection vers la vérification…',
  continueButton: 'Continuer',
  payNoScript: 'Le paiement nécessite JavaScript. Veuillez l’activer et recharger cette page.',
  methodPis: 'Paiement bancaire',
  methodCard: 'Carte',
  notFoundTitle: 'Paiement introuvable',
  notFoundText: 'Ce lien de paiement est inconnu ou a expiré. Veuillez revenir à la boutique et recommencer.',
  pendingNotice:
    'Vous pouvez revenir à la boutique dès maintenant : la boutique sera informée une fois le paiement terminé.',
  autoForward: 'Retour chez le marchand dans {time}.',
  stayHere: 'Rester sur cette page',
  language: 'Langue',
};
