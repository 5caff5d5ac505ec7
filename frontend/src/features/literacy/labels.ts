/** Translation keys for the literacy service's enumerations (the API sends codes, the page shows words). */
import type { ParseKeys } from 'i18next';
import type { LiteracySchemas } from '@/lib/api/services';

export const CATEGORY_LABELS: Record<LiteracySchemas['Category'], ParseKeys> = {
  cadre: 'literacy.category.cadre',
  civil_servant: 'literacy.category.civil_servant',
  public_employee: 'literacy.category.public_employee',
  worker: 'literacy.category.worker',
  citizen: 'literacy.category.citizen',
  student: 'literacy.category.student',
};

export const GENDER_LABELS: Record<LiteracySchemas['Gender'], ParseKeys> = {
  male: 'literacy.gender.male',
  female: 'literacy.gender.female',
  other: 'literacy.gender.other',
};

export const VENUE_LABELS: Record<LiteracySchemas['VenueType'], ParseKeys> = {
  school: 'literacy.venue.school',
  community_learning_centre: 'literacy.venue.community_learning_centre',
  library: 'literacy.venue.library',
  cultural_house: 'literacy.venue.cultural_house',
  online: 'literacy.venue.online',
  other: 'literacy.venue.other',
};

export function isCategory(key: string): key is LiteracySchemas['Category'] {
  return key in CATEGORY_LABELS;
}

export function isGender(key: string): key is LiteracySchemas['Gender'] {
  return key in GENDER_LABELS;
}

export const RECORD_STATUS_LABELS: Record<LiteracySchemas['RecordStatus'], ParseKeys> = {
  enrolled: 'me.status.enrolled',
  in_progress: 'me.status.in_progress',
  completed: 'me.status.completed',
  failed: 'me.status.failed',
};
