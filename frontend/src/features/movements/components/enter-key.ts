import type { KeyboardEvent } from 'react';

/**
 * Enter in a one-line field (a date being typed, a number) must not send the form: only its button
 * does. Without this, Enter in a report's date field filed the report before its values were typed.
 */
export function keepEnterInField(event: KeyboardEvent<HTMLFormElement>) {
  const target = event.target as HTMLElement;
  if (event.key === 'Enter' && target.tagName === 'INPUT') event.preventDefault();
}
