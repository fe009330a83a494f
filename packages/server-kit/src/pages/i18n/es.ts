import type { PageMessages } from './page-messages.js';

/** Spanish. */
export const es: PageMessages = {
  dir: 'ltr',
  statuses: {
    created: { heading: 'Esperando el pago', text: 'El pago aún no se ha iniciado.' },
    pending: {
      heading: 'Esperando tu pago',
      text: 'Estamos esperando a que tu banco o proveedor de pagos confirme el pago.',
    },
    processing: { heading: 'Procesando el pago', text: 'Tu pago se está procesando.' },
    authorized: { heading: 'Pago autorizado', text: 'Tu pago ha sido autorizado y se completará en breve.' },
    succeeded: { heading: 'Pago realizado con éxito', text: 'Gracias. Tu pago se ha completado.' },
    failed: { heading: 'Pago fallido', text: 'No se ha podido realizar el pago.' },
    cancelled: { heading: 'Pago cancelado', text: 'El pago se ha cancelado.' },
    expired: { heading: 'Pago caducado', text: 'El pago no se completó a tiempo.' },
  },
  reasons: {
    insufficient_funds: 'Tu banco ha rechazado el pago: fondos insuficientes.',
    card_lost_or_stolen: 'Tu banco ha rechazado esta tarjeta. Usa otra tarjeta u otro método de pago.',
    declined: 'Tu banco ha rechazado el pago.',
    authentication_failed: 'No se ha podido confirmar el pago: la autenticación con tu banco ha fallado.',
    cancelled_by_shopper: 'Has cancelado el pago.',
    provider_error: 'El proveedor de pagos ha tenido un problema técnico. Inténtalo de nuevo más tarde.',
    expired: 'Se ha agotado el tiempo para realizar este pago.',
    manual_review:
      'El proveedor de pagos está revisando tu pago manualmente. Normalmente tarda unos minutos, a veces hasta un día hábil. Esta página se actualizará en cuanto haya un resultado.',
  },
  returnToMerchant: 'Volver al comercio',
  amount: 'Importe',
  order: 'Pedido',
  merchant: 'Beneficiario',
  liveUpdates: 'Esta página se actualiza automáticamente.',
  returnNoScript: 'Vuelve a cargar esta página para ver el estado más reciente.',
  payTitle: 'Pago',
  continueTitle: 'Continuando a la verificación…',
  continueButton: 'Continuar',
  payNoScript: 'El pago necesita JavaScript. Actívalo y vuelve a cargar esta página.',
  methodPis: 'Pago bancario',
  methodCard: 'Tarjeta',
  notFoundTitle: 'Pago no encontrado',
  notFoundText: 'Este enlace de pago es desconocido o ha caducado. Vuelve a la tienda y empieza de nuevo.',
  pendingNotice: 'Ya puedes volver a la tienda: la tienda recibirá un aviso cuando se complete el pago.',
  autoForward: 'Volviendo al comercio en {time}.',
  stayHere: 'Quedarme en esta página',
  language: 'Idioma',
};
