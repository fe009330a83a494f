/**
 * Reads a gateway request body into its flat dotted fields (`authentication.memberId`, `card.number`):
 * `application/x-www-form-urlencoded`, or a JSON object with the same keys, as Paymentz accepts both.
 */
import { readBodyText } from '../../shared/http/body.js';
import { BadRequestError, UnsupportedMediaTypeError } from '../../shared/http/errors.js';

export type GatewayFields = Record<string, string>;

export async function readGatewayFields(request: Request): Promise<GatewayFields> {
  const type = (request.headers.get('content-type') ?? '').toLowerCase();
  const text = await readBodyText(request);
  if (type.startsWith('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(text));
  }
  if (type.startsWith('application/json')) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new BadRequestError('invalid_json', 'The request body is not valid JSON.', { cause: error });
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
      throw new BadRequestError('invalid_json', 'The request body must be a JSON object of fields.');
    }
    const fields: GatewayFields = {};
    for (const [name, value] of Object.entries(json)) {
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
        fields[name] = String(value);
      }
    }
    return fields;
  }
  throw new UnsupportedMediaTypeError('application/x-www-form-urlencoded or application/json');
}
