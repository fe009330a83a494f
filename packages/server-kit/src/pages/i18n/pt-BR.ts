import type { PageMessages } from './page-messages.js';

/**
 * Portuguese as written in Brazil (você, "provedor de pagamento", "status"), as the element has its own
 * pt-BR. Other Portuguese regions fall back to `pt`.
 */
export const ptBR: PageMessages = {
  dir: 'ltr',
  statuses: {
    created: { heading: 'Aguardando pagamento', text: 'O pagamento ainda não foi iniciado.' },
    pending: {
      heading: 'Aguardando seu pagamento',
      text: 'Estamos aguardando a confirmação do pagamento pelo seu banco ou provedor de pagamento.',
    },
    processing: { heading: 'Pagamento em processamento', text: 'Seu pagamento está sendo processado.' },
    authorized: {
      heading: 'Pagamento autorizado',
      text: 'Seu pagamento foi autorizado e será concluído em instantes.',
    },
    succeeded: {
      heading: 'Pagamento realizado com sucesso',
      text: 'Obrigado. Seu pagamento foi concluído.',
    },
    failed: { heading: 'Falha no pagamento', text: 'O pagamento não foi concluído.' },
    cancelled: { heading: 'Pagamento cancelado', text: 'O pagamento foi cancelado.' },
    expired: { heading: 'Pagamento expirado', text: 'O pagamento não foi concluído a tempo.' },
  },
  reasons: {
    insufficient_funds: 'Seu banco recusou o pagamento: saldo insuficiente.',
    card_lost_or_stolen: 'Seu banco recusou este cartão. Use outro cartão ou outra forma de pagamento.',
    declined: 'Seu banco recusou o pagamento.',
    authentication_failed: 'Não foi possível confirmar o pagamento: a autenticação no seu banco falhou.',
    cancelled_by_shopper: 'Você cancelou o pagamento.',
    provider_error: 'O provedor de pagamento teve um problema técnico. Tente de novo mais tarde.',
    expired: 'O prazo para este pagamento acabou.',
    manual_review:
      'O provedor de pagamento está analisando seu pagamento manualmente. Isso costuma levar alguns minutos, ' +
      'às vezes até um dia útil. Esta página será atualizada assim que houver um resultado.',
  },
  returnToMerchant: 'Voltar para a loja',
  amount: 'Valor',
  order: 'Pedido',
  merchant: 'Pago para',
  liveUpdates: 'Esta página é atualizada automaticamente.',
  returnNoScript: 'Recarregue esta página para ver o status mais recente.',
  payTitle: 'Pagamento',
  continueTitle: 'Continuando para a verificação…',
  continueButton: 'Continuar',
  payNoScript: 'O pagamento precisa de JavaScript. Ative-o e recarregue esta página.',
  methodPis: 'Pagamento pelo banco',
  methodCard: 'Cartão',
  notFoundTitle: 'Pagamento não encontrado',
  notFoundText: 'Este link de pagamento é desconhecido ou expirou. Volte à loja e comece de novo.',
  pendingNotice: 'Você já pode voltar à loja: a loja será avisada quando o pagamento for concluído.',
  autoForward: 'Voltando ao lojista em {time}.',
  stayHere: 'Ficar nesta página',
  language: 'Idioma',
};
