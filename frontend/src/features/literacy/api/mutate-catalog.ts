/** Adding courses and classes, and setting the communes' adult population (the denominator of coverage). */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { literacyApi, unwrap } from '@/lib/api/services';
import type { LiteracySchemas } from '@/lib/api/services';
import { classKeys } from './get-classes';
import { courseKeys } from './get-courses';

export type CourseCreate = LiteracySchemas['CourseCreate'];
export type ClassCreate = LiteracySchemas['ClassCreate'];
export type PopulationFigure = LiteracySchemas['PopulationFigure'];

export function useCreateCourse() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CourseCreate) => unwrap(literacyApi.POST('/v1/courses', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: courseKeys.all }),
  });
}

export function useCreateClass() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ClassCreate) => unwrap(literacyApi.POST('/v1/classes', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: classKeys.all }),
  });
}

export function useSetPopulation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (items: PopulationFigure[]) => unwrap(literacyApi.PUT('/v1/population', { body: { items } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['literacy'] }),
  });
}

export const populationKeys = { all: ['literacy', 'population'] as const };

export const usePopulation = () =>
  useQuery({ queryKey: populationKeys.all, queryFn: ({ signal }) => unwrap(literacyApi.GET('/v1/population', { signal })) });
