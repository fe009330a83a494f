// Intl.DisplayNames builds locale data on construction: one per language, reused by every render.
const regionNames = new Map<string, Intl.DisplayNames>();

/**
 * Countries as `[code, name]` in the shopper's language ("Deutschland", "ألمانيا"), in the order
 * server-kit sent them (by name in that language): the picker needs no flags and no country list.
 */
export function countryNames(codes: readonly string[], language: string): [string, string][] {
  let names = regionNames.get(language);
  if (!names) {
    try {
      names = new Intl.DisplayNames([language], { type: 'region' });
    } catch {
      names = new Intl.DisplayNames(['en'], { type: 'region' }); // a tag Intl does not accept
    }
    regionNames.set(language, names);
  }
  return codes.map((code): [string, string] => [code, names.of(code) ?? code]);
}
