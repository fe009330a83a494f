import type { PageMessages } from './page-messages.js';

/** Turkish. */
export const tr: PageMessages = {
  dir: 'ltr',
  statuses: {
    created: { heading: 'Ödeme bekleniyor', text: 'Ödeme henüz başlatılmadı.' },
    pending: {
      heading: 'Ödemeniz bekleniyor',
      text: 'Bankanızın veya ödeme hizmeti sağlayıcınızın ödemeyi onaylaması bekleniyor.',
    },
    processing: { heading: 'Ödeme işleniyor', text: 'Ödemeniz işleniyor.' },
    authorized: {
      heading: 'Ödeme yetkilendirildi',
      text: 'Ödemeniz yetkilendirildi ve kısa süre içinde tamamlanacak.',
    },
    succeeded: { heading: 'Ödeme başarılı', text: 'Teşekkür ederiz. Ödemeniz tamamlandı.' },
    failed: { heading: 'Ödeme başarısız', text: 'Ödeme gerçekleştirilemedi.' },
    cancelled: { heading: 'Ödeme iptal edildi', text: 'Ödeme işlemi iptal edildi.' },
    expired: { heading: 'Ödemenin süresi doldu', text: 'Ödeme zamanında tamamlanmadı.' },
  },
  reasons: {
    insufficient_funds: 'Bankanız ödemeyi reddetti: bakiye yetersiz.',
    card_lost_or_stolen: 'Bankanız bu kartı reddetti. Lütfen başka bir kart veya ödeme yöntemi kullanın.',
    declined: 'Bankanız ödemeyi reddetti.',
    authentication_failed: 'Ödeme onaylanamadı: bankanızdaki kimlik doğrulama başarısız oldu.',
    cancelled_by_shopper: 'Ödemeyi iptal ettiniz.',
    provider_error: 'Ödeme hizmeti sağlayıcısında teknik bir sorun oluştu. Lütfen daha sonra tekrar deneyin.',
    expired: 'Bu ödeme için tanınan süre doldu.',
    manual_review:
      'Ödeme hizmeti sağlayıcısı ödemenizi manuel olarak inceliyor. Bu genellikle birkaç dakika, ' +
      'bazen bir iş gününe kadar sürer. Sonuç belli olur olmaz bu sayfa güncellenecektir.',
  },
  returnToMerchant: 'Mağazaya geri dön',
  amount: 'Tutar',
  order: 'Sipariş',
  merchant: 'Alıcı',
  liveUpdates: 'Bu sayfa kendiliğinden güncellenir.',
  returnNoScript: 'En güncel durumu görmek için bu sayfayı yeniden yükleyin.',
  payTitle: 'Ödeme',
  continueTitle: 'Doğrulamaya geçiliyor…',
  continueButton: 'Devam',
  payNoScript: 'Ödeme için JavaScript gereklidir. Lütfen etkinleştirip bu sayfayı yeniden yükleyin.',
  methodPis: 'Banka ile ödeme',
  methodCard: 'Kart',
  notFoundTitle: 'Ödeme bulunamadı',
  notFoundText: 'Bu ödeme bağlantısı bilinmiyor veya süresi doldu. Lütfen mağazaya dönüp yeniden başlayın.',
  pendingNotice: 'Mağazaya şimdi dönebilirsiniz: ödeme tamamlandığında mağazaya bildirilecek.',
  autoForward: '{time} içinde satıcıya dönülüyor.',
  stayHere: 'Bu sayfada kal',
  language: 'Dil',
};
