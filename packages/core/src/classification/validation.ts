/** Turns zod issues into the API's field errors (`answers.eu.prohibited.socialScoring: …`). */
import type { z } from 'zod';

export function fieldErrorsOf(error: z.ZodError, prefix: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = [prefix, ...issue.path.map(String)].filter((p) => p !== '').join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[path ? `${path}.${key}` : key] = 'Unknown field: remove it.';
      continue;
    }
    fields[path || '(body)'] ??= issue.message;
  }
  return fields;
}
