/** The section's pages and who may open each (the router guards them, the section menu hides the others). */
import type { Role } from '@/lib/auth/roles';

export type LiteracyPage = 'learners' | 'courses' | 'imports' | 'coverage';

/** Who may open each page: learners' data and imports are for administrators and unit managers. */
export const LITERACY_PAGE_ROLES: Record<LiteracyPage, readonly Role[]> = {
  learners: ['admin', 'manager'],
  courses: ['admin', 'manager', 'evaluator', 'council', 'viewer'],
  imports: ['admin', 'manager'],
  coverage: ['admin', 'manager', 'evaluator', 'council', 'viewer'],
};
