// Greek (el): a runtime-mode locale module in the shape lit-localize generates, written by
// hand (see ../messages.ts for the ids, the English source and the {name} placeholders).
import type { MessageId } from '../messages.js';

export const templates = {
  methodLegend: 'Τρόπος πληρωμής',
  bank: 'Τράπεζα',
  bankHint: 'Πληκτρολογήστε για αναζήτηση και επιλέξτε την τράπεζά σας.',
  bankNone: 'Καμία τράπεζα δεν ταιριάζει με «{query}».',
  bankCount: 'Βρέθηκαν τράπεζες: {count}.',
  bankRecent: 'Χρησιμοποιήθηκε πρόσφατα',
  bankRequired: 'Επιλέξτε την τράπεζά σας για να συνεχίσετε.',
  methodRequired: 'Επιλέξτε τρόπο πληρωμής για να συνεχίσετε.',
  language: 'Γλώσσα',
  total: 'Σύνολο',
  pay: 'Πληρωμή {amount}',
  bankNote: 'Επιβεβαιώνετε την πληρωμή στην τράπεζά σας.',
  cardNote: 'Εισάγετε τα στοιχεία της κάρτας σας στην ασφαλή σελίδα του συνεργάτη πληρωμών μας.',
  testMode: 'Δοκιμαστική λειτουργία',
  loading: 'Φόρτωση τρόπων πληρωμής…',
  ready: 'Οι τρόποι πληρωμής είναι έτοιμοι.',
  submitting: 'Έναρξη της πληρωμής σας…',
  redirecting: 'Σας μεταφέρουμε για να ολοκληρώσετε την πληρωμή…',
  retry: 'Δοκιμάστε ξανά',
  errorNetwork:
    'Δεν ήταν δυνατή η σύνδεση με την υπηρεσία πληρωμών. Ελέγξτε τη σύνδεσή σας και δοκιμάστε ξανά.',
  errorTimeout: 'Η υπηρεσία πληρωμών άργησε πολύ να απαντήσει. Δοκιμάστε ξανά.',
  errorServer: 'Η υπηρεσία πληρωμών έχει πρόβλημα. Δοκιμάστε ξανά σε λίγο.',
  errorOrderNotFound: 'Η παραγγελία δεν βρέθηκε. Επιστρέψτε στο κατάστημα και ξεκινήστε από την αρχή.',
  errorInvalid: 'Τα στοιχεία πληρωμής δεν έγιναν δεκτά.',
  errorInProgress: 'Αυτή η πληρωμή βρίσκεται ήδη σε επεξεργασία. Περιμένετε λίγο και δοκιμάστε ξανά.',
  errorMismatch: 'Αυτή η πληρωμή ξεκίνησε ήδη με άλλα στοιχεία. Ξεκινήστε από την αρχή.',
  errorRequest: 'Δεν ήταν δυνατή η έναρξη της πληρωμής ({code}).',
  errorRedirect: 'Η διεύθυνση της σελίδας πληρωμής δεν είναι ασφαλής.',
  errorNoMethods: 'Δεν υπάρχει διαθέσιμος τρόπος πληρωμής για αυτή την παραγγελία.',
} satisfies Record<MessageId, string>;
