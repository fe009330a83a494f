import { z } from 'zod';
import { cookie } from './sign-in.js';

/** The result of the last button press, shown once on the page the post redirects to. */
export const Flash = z.object({
  tone: z.enum(['ok', 'warn', 'bad']),
  text: z.string().max(400),
});
export type Flash = z.infer<typeof Flash>;

export const FLASH_COOKIE = 'back_office_flash';

/**
 * The flash travels in a short-lived cookie rather than the URL: a link someone sends cannot make the
 * page show words of theirs, and a reload after reading it shows nothing stale.
 */
export function flashCookie(flash: Flash, secure: boolean): string {
  const value = Buffer.from(JSON.stringify({ ...flash, text: flash.text.slice(0, 400) })).toString(
    'base64url',
  );
  return cookie(FLASH_COOKIE, value, 60, secure);
}

export function clearFlashCookie(secure: boolean): string {
  return cookie(FLASH_COOKIE, '', 0, secure);
}

export function parseFlash(value: string | undefined): Flash | undefined {
  if (!value) return undefined;
  try {
    const parsed = Flash.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
