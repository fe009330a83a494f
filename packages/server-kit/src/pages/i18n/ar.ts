import type { PageMessages } from './page-messages.js';

/** Arabic (right to left). */
export const ar: PageMessages = {
  dir: 'rtl',
  statuses: {
    created: { heading: 'في انتظار الدفع', text: 'لم تبدأ عملية الدفع بعد.' },
    pending: {
      heading: 'في انتظار دفعتك',
      text: 'ننتظر تأكيد الدفع من البنك الذي تتعامل معه أو من مزوّد خدمة الدفع.',
    },
    processing: { heading: 'جارٍ معالجة الدفع', text: 'تتم الآن معالجة دفعتك.' },
    authorized: { heading: 'تم تفويض الدفع', text: 'تم تفويض دفعتك وسيتم إتمامها قريبًا.' },
    succeeded: { heading: 'تم الدفع بنجاح', text: 'شكرًا لك. تم إتمام دفعتك.' },
    failed: { heading: 'فشل الدفع', text: 'لم تتم عملية الدفع.' },
    cancelled: { heading: 'تم إلغاء الدفع', text: 'تم إلغاء عملية الدفع.' },
    expired: { heading: 'انتهت صلاحية الدفع', text: 'لم تكتمل عملية الدفع في الوقت المحدد.' },
  },
  reasons: {
    insufficient_funds: 'رفض البنك الذي تتعامل معه عملية الدفع: الرصيد غير كافٍ.',
    card_lost_or_stolen: 'رفض البنك الذي تتعامل معه هذه البطاقة. يُرجى استخدام بطاقة أو طريقة دفع أخرى.',
    declined: 'رفض البنك الذي تتعامل معه عملية الدفع.',
    authentication_failed: 'تعذّر تأكيد الدفع: فشلت عملية التحقق من الهوية لدى البنك الذي تتعامل معه.',
    cancelled_by_shopper: 'لقد ألغيت عملية الدفع.',
    provider_error: 'حدثت مشكلة تقنية لدى مزوّد خدمة الدفع. يُرجى المحاولة مرة أخرى لاحقًا.',
    expired: 'انتهى الوقت المسموح به لهذه الدفعة.',
    manual_review:
      'يراجع مزوّد خدمة الدفع دفعتك يدويًا. يستغرق ذلك عادةً بضع دقائق، وأحيانًا حتى يوم عمل واحد. ' +
      'سيتم تحديث هذه الصفحة فور ظهور النتيجة.',
  },
  returnToMerchant: 'العودة إلى التاجر',
  amount: 'المبلغ',
  order: 'الطلب',
  merchant: 'المستفيد',
  liveUpdates: 'يتم تحديث هذه الصفحة تلقائيًا.',
  returnNoScript: 'أعد تحميل هذه الصفحة لرؤية آخر حالة.',
  payTitle: 'الدفع',
  continueTitle: 'جارٍ الانتقال إلى التحقق…',
  continueButton: 'متابعة',
  payNoScript: 'تتطلب صفحة الدفع تفعيل JavaScript. يُرجى تفعيله ثم إعادة تحميل الصفحة.',
};
