import dayjs from 'dayjs';
import type { Dayjs } from 'dayjs';

/** How date pickers show dates (the language's own order: day first). */
export const PICKER_FORMAT = 'DD/MM/YYYY';

/** A picker's value as the API's "YYYY-MM-DD" (undefined when empty). */
export function toApiDate(value: Dayjs | null | undefined): string | undefined {
  return value ? value.format('YYYY-MM-DD') : undefined;
}

/** An API date for a picker. */
export function fromApiDate(value: string | null | undefined): Dayjs | undefined {
  return value ? dayjs(value) : undefined;
}
