// A merchant's page: the element from npm, as a bundler sees it (the locales load on demand).
import '@pay-checkout/element';

const element = document.querySelector('pay-checkout');
if (element) element.setAttribute('lang', navigator.language);
