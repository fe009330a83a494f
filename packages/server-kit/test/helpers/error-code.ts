import assert from 'node:assert/strict';

/** The `code` of a kit error answer (`{error: {code, message}}`), after checking it has a message too. */
export async function errorCode(response: Response): Promise<string> {
  const body = (await response.json()) as { error: { code: string; message: string } };
  assert.equal(typeof body.error.message, 'string');
  return body.error.code;
}
