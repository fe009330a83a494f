import type { PageMessages } from './page-messages.js';

/**
 * Portuguese, worded to read naturally in every region. Brazil has its own table (pt-BR.ts); every other
 * region (pt-PT, pt-AO, …) falls back here.
 */
export const pt: PageMessages = {
  dir: 'ltr',
  statuses: {
    created: { heading: 'Pagamento ainda não iniciado', text: 'O pagamento ainda não foi iniciado.' },
    pending: {
      heading: 'Aguardamos o seu pagamento',
      text: 'Aguardamos a confirmação do pagamento pelo seu banco ou prestador de serviços de pagamento.',
    },
    processing: { heading: 'Pagamento em processamento', text: 'O seu pagamento está em processamento.' },
    authorized: {
      heading: 'Pagamento autorizado',
      text: 'O seu pagamento foi autorizado e será concluído em breve.',
    },
    succeeded: {
      heading: 'Pagamento efetuado com sucesso',
      text: 'Obrigado. O seu pagamento foi concluído.',
    },
    failed: { heading: 'Falha no pagamento', text: 'Não foi possível concluir o pagamento.' },
    cancelled: { heading: 'Pagamento cancelado', text: 'O pagamento foi cancelado.' },
    expired: { heading: 'Pagamento expirado', text: 'O pagamento não foi concluído a tempo.' },
  },
  reasons: {
    insufficient_funds: 'O seu banco recusou o pagamento: saldo insuficiente.',
    card_lost_or_stolen:
      'O seu banco recusou este cartão. Utilize outro cartão ou outro método de pagamento.',
    declined: 'O seu banco recusou o pagamento.',
    authentication_failed: 'Não foi possível confirmar o pagamento: a autenticação no seu banco falhou.',
    cancelled_by_shopper: 'O pagamento foi cancelado a seu pedido.',
    provider_error:
      'O prestador de serviços de pagamento teve um problema técnico. Tente novamente mais tarde.',
    expired: 'O prazo para este pagamento terminou.',
    manual_review:
      'O prestador de serviços de pagamento verifica o seu pagamento manualmente. Normalmente, isto demora alguns minutos, às vezes até um dia útil. Esta página será atualizada assim que houver um resultado.',
  },
  returnToMerchant: 'Voltar à loja',
  amount: 'Valor',
  order: 'Pedido',
  merchant: 'Beneficiário',
  liveUpdates: 'Esta página é atualizada automaticamente.',
  returnNoScript: 'Recarregue esta página para ver o estado mais recente.',
  payTitle: 'Pagamento',
  continueTitle: 'A continuar para a verificação…',
  continueButton: 'Continuar',
  payNoScript: 'O pagamento requer JavaScript. Ative-o e recarregue esta página.',
  methodPis: 'Pagamento bancário',
  methodCard: 'Cartão',
  notFoundTitle: 'Pagamento não encontrado',
  notFoundText: 'Esta ligação de pagamento é desconhecida ou expirou. Volte à loja e comece de novo.',
  pendingNotice: 'Já pode voltar à loja: a loja será avisada quando o pagamento for concluído.',
  autoForward: 'A regressar ao comerciante dentro de {time}.',
  stayHere: 'Ficar nesta página',
  language: 'Idioma',
};
