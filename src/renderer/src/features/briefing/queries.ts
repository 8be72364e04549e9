/** The briefings' query keys, shared by the list and the composer. */
export const briefingKeys = {
  list: ['briefings', 'list'] as const,
  one: (id: number) => ['briefings', 'one', id] as const,
  draft: ['briefings', 'draft'] as const,
};
