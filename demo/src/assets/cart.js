// Progressive enhancement of the cart's Checkout form: place the order through the shop's JSON API
// (POST /api/orders {items: [{sku, qty}]} → {orderId}), empty the cart, open the checkout page.
// Without JavaScript the form posts to /cart/checkout, which does the same on the server.
const form = document.getElementById('checkout-form');
if (form) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const button = form.querySelector('button');
    const error = document.getElementById('checkout-error');
    button.disabled = true;
    try {
      const response = await fetch('/api/orders', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ items: JSON.parse(form.dataset.items) }),
      });
      if (!response.ok) throw new Error(`order failed with ${response.status}`);
      const { orderId } = await response.json();
      await fetch('/cart/clear', { method: 'POST' });
      location.assign(`/orders/${encodeURIComponent(orderId)}/pay`);
    } catch {
      button.disabled = false;
      error.textContent = 'We could not place your order. Please try again.';
    }
  });
}
