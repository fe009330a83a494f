import type { PageMessages } from './page-messages.js';

/** Hebrew (right to left). */
export const he: PageMessages = {
  dir: 'rtl',
  statuses: {
    created: { heading: 'ממתין לתשלום', text: 'התשלום עדיין לא התחיל.' },
    pending: {
      heading: 'ממתינים לתשלום שלך',
      text: 'אנחנו ממתינים לאישור התשלום מהבנק שלך או מספק התשלומים.',
    },
    processing: { heading: 'התשלום בעיבוד', text: 'התשלום שלך נמצא בעיבוד.' },
    authorized: { heading: 'התשלום אושר', text: 'התשלום שלך אושר ויושלם בקרוב.' },
    succeeded: { heading: 'התשלום בוצע בהצלחה', text: 'תודה. התשלום שלך הושלם.' },
    failed: { heading: 'התשלום נכשל', text: 'התשלום לא בוצע.' },
    cancelled: { heading: 'התשלום בוטל', text: 'התשלום לא בוצע כי הוא בוטל.' },
    expired: { heading: 'תוקף התשלום פג', text: 'התשלום לא הושלם בזמן.' },
  },
  reasons: {
    insufficient_funds: 'הבנק שלך דחה את התשלום: יתרה לא מספיקה.',
    card_lost_or_stolen: 'הבנק שלך דחה את הכרטיס הזה. יש להשתמש בכרטיס אחר או באמצעי תשלום אחר.',
    declined: 'הבנק שלך דחה את התשלום.',
    authentication_failed: 'לא ניתן היה לאשר את התשלום: האימות מול הבנק שלך נכשל.',
    cancelled_by_shopper: 'ביטלת את התשלום.',
    provider_error: 'אירעה תקלה טכנית אצל ספק התשלומים. יש לנסות שוב מאוחר יותר.',
    expired: 'הזמן שהוקצב לתשלום זה הסתיים.',
    manual_review:
      'ספק התשלומים בודק את התשלום שלך באופן ידני. בדרך כלל זה לוקח כמה דקות, ולפעמים עד יום עסקים אחד. הדף יתעדכן ברגע שתתקבל תוצאה.',
  },
  returnToMerchant: 'חזרה לבית העסק',
  amount: 'סכום',
  order: 'הזמנה',
  merchant: 'המוטב',
  liveUpdates: 'הדף מתעדכן באופן אוטומטי.',
  returnNoScript: 'יש לרענן את הדף כדי לראות את המצב העדכני.',
  payTitle: 'תשלום',
  continueTitle: 'ממשיכים לאימות…',
  continueButton: 'המשך',
  payNoScript: 'התשלום דורש JavaScript. יש להפעיל אותו ולרענן את הדף.',
  methodPis: 'תשלום בנקאי',
  methodCard: 'כרטיס',
  notFoundTitle: 'התשלום לא נמצא',
  notFoundText: 'קישור התשלום הזה אינו מוכר או שתוקפו פג. חזרו לחנות והתחילו מחדש.',
  pendingNotice: 'אפשר לחזור לחנות עכשיו: החנות תקבל הודעה כשהתשלום יושלם.',
  autoForward: 'חוזרים לבית העסק בעוד {time}.',
  stayHere: 'להישאר בדף הזה',
  language: 'שפה',
};
