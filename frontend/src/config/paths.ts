/** Route paths, shared by the router and by links. */
export const paths = {
  home: '/',
} as const;
