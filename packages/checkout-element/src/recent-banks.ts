// The shopper's recently used banks, newest first, so the bank picker can list them on top.
// Storage may be blocked (Safari private mode, sandboxed iframes): then there is simply no history.
const KEY = 'pay-checkout:recent-banks';
const LIMIT = 3;

export function recentBanks(): string[] {
  try {
    const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    return Array.isArray(value) ? value.filter((id) => typeof id === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberBank(bankId: string): void {
  try {
    localStorage.setItem(
      KEY,
      JSON.stringify([bankId, ...recentBanks().filter((id) => id !== bankId)].slice(0, LIMIT)),
    );
  } catch {
    // storage unavailable: nothing to remember
  }
}
