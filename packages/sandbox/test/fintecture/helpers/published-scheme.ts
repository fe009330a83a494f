/**
 * An independent implementation of Fintecture's published request-signing scheme, written here from
 * the scheme itself (draft-cavage HTTP signatures as the `fintecture-client` SDK applies them), sharing
 * no code with the stage's verifier or with server-kit's signer. If the stage accepts what this signs,
 * it accepts what Fintecture's own SDK sends.
 *
 *   Digest        = "SHA-256=" base64( sha256( body ) )                      (only with a body)
 *   Date          = RFC 2822, e.g. "Mon, 08 Jun 2020 23:11:23 GMT"
 *   X-Request-ID  = UUID v4
 *   signing string: "(request-target): <method lower> <path?query>\ndate: …\ndigest: …\nx-request-id: …"
 *   Signature     = keyId="<app_id>",algorithm="rsa-sha256",headers="<names>",signature="<b64 RSA-SHA256>"
 */
import * as crypto from 'node:crypto';

export interface SchemeRequest {
  method: string;
  /** Path and query as sent. */
  target: string;
  body?: string;
  appId: string;
  privateKeyPem: string;
  date?: Date;
  requestId?: string;
}

export function signByScheme(request: SchemeRequest): Record<string, string> {
  const date = (request.date ?? new Date()).toUTCString();
  const requestId = request.requestId ?? crypto.randomUUID();
  const names: string[] = ['(request-target)', 'date'];
  const values: Record<string, string> = {
    '(request-target)': `${request.method.toLowerCase()} ${request.target}`,
    date,
  };
  const headers: Record<string, string> = { Date: date, 'X-Request-ID': requestId };
  if (request.body !== undefined && request.body !== '') {
    const digest = `SHA-256=${crypto.createHash('sha256').update(request.body, 'utf8').digest('base64')}`;
    headers.Digest = digest;
    names.push('digest');
    values.digest = digest;
  }
  names.push('x-request-id');
  values['x-request-id'] = requestId;
  const signingString = names.map((name) => `${name}: ${values[name]}`).join('\n');
  const signature = crypto.sign('sha256', Buffer.from(signingString), {
    key: request.privateKeyPem,
    padding: crypto.constants.RSA_PKCS1_PADDING,
  });
  headers.Signature = `keyId="${request.appId}",algorithm="rsa-sha256",headers="${names.join(' ')}",signature="${signature.toString('base64')}"`;
  return headers;
}
