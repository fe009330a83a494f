/** A path segment decoded; malformed percent-encoding is kept as is (it then simply matches nothing). */
export function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
