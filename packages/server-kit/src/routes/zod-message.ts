import type { z } from 'zod';

/** One readable line per zod issue, naming the field: `method: Invalid option …; bank: Too long`. */
export function zodMessage(error: z.ZodError): string {
  return error.issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}
