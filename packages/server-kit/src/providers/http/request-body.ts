/** How a call's body goes on the wire: JSON, or an HTML form (OAuth2 token requests, the card gateway). */
export type BodyType = 'json' | 'form';

/** The fields of a form body; `undefined` fields are left out, as `JSON.stringify` leaves them out. */
export type FormFields = Readonly<Record<string, string | number | boolean | undefined>>;

const CONTENT_TYPES: Record<BodyType, string> = {
  json: 'application/json',
  form: 'application/x-www-form-urlencoded',
};

/** A body turned into the one string that is signed and sent. */
export interface SerializedBody {
  text: string;
  contentType: string;
}

/**
 * Serializes a body once: signers (ConnectPay's `X-Signature`, Fintecture's `Digest`) must cover
 * exactly the bytes the transport sends, so nothing may re-serialize it later.
 */
export function serializeBody(body: unknown, type: BodyType = 'json'): SerializedBody {
  if (type === 'json') return { text: JSON.stringify(body), contentType: CONTENT_TYPES.json };
  return { text: formText(body), contentType: CONTENT_TYPES.form };
}

function formText(body: unknown): string {
  if (body instanceof URLSearchParams) return body.toString();
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new TypeError('A form body must be an object of fields or URLSearchParams.');
  }
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(body as FormFields)) {
    if (value !== undefined) params.append(name, String(value));
  }
  return params.toString();
}
