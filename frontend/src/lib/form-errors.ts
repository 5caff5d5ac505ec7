/**
 * Server validation errors (an ApiProblem's `errors: {field, message}[]`) laid onto an antd form:
 * errors whose field the form has go under that input; the rest stay for <ProblemAlert>.
 */
import type { FormInstance } from 'antd';
import { isApiProblem } from '@/lib/api-client';

/** A form field's path from the API's dotted field name ("contents.0.title" → ['contents', 0, 'title']). */
export function fieldPath(field: string): (string | number)[] {
  return field.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/**
 * Sets the server's field errors on the form fields in `known` (top-level names); returns
 * whether every error found a field (then the page need not repeat them).
 */
export function applyFieldErrors(form: FormInstance, error: unknown, known: readonly string[]): boolean {
  if (!isApiProblem(error) || error.errors.length === 0) return false;
  const placed = error.errors.filter((fieldError) => known.includes(fieldPath(fieldError.field)[0]?.toString() ?? ''));
  form.setFields(placed.map((fieldError) => ({ name: fieldPath(fieldError.field), errors: [fieldError.message] })));
  return placed.length === error.errors.length;
}
