/**
 * The card gateway's merchants (members) the stage knows. The Paymentz platform issues each merchant
 * a member id, a secure key (the `sKey` of `authToken` and the salt of every MD5 checksum), a terminal
 * per currency or card scheme, a login name and the id of the partner that onboarded it
 * (packages/sandbox/README.md, "Card gateway stage"; the stage's README lists what it chose).
 */

/** A merchant's credentials at the card gateway. */
export interface CardGatewayMerchant {
  /** `authentication.memberId` on every call. */
  memberId: string;
  /** The merchant's secret key: `authentication.sKey` for a token and the salt of every checksum. */
  secureKey: string;
  /** `authentication.terminalId` of a payment. */
  terminalId: string;
  /** `merchant.username`, with `partnerId`, for a token without the member id. */
  username: string;
  /** `authentication.partnerId`. */
  partnerId: string;
}

/** The stage's test merchant: every payment of the demo and the tests goes through it. */
export const cardGatewayTestMerchant: CardGatewayMerchant = Object.freeze({
  memberId: '11458',
  secureKey: 'cg-sandbox-secure-key-7Qm2vX9d',
  terminalId: '3101',
  username: 'lumen-studio',
  partnerId: '702',
});

/** A second merchant, so tests can prove one merchant never sees another's payments. */
export const cardGatewayOtherMerchant: CardGatewayMerchant = Object.freeze({
  memberId: '11459',
  secureKey: 'cg-sandbox-secure-key-other-Hc4p',
  terminalId: '3102',
  username: 'other-shop',
  partnerId: '702',
});

const MERCHANTS: readonly CardGatewayMerchant[] = [cardGatewayTestMerchant, cardGatewayOtherMerchant];

export function merchantById(memberId: string): CardGatewayMerchant | undefined {
  return MERCHANTS.find((merchant) => merchant.memberId === memberId);
}

export function merchantByLogin(partnerId: string, username: string): CardGatewayMerchant | undefined {
  return MERCHANTS.find((merchant) => merchant.partnerId === partnerId && merchant.username === username);
}
