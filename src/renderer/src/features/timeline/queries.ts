/** react-query hooks over what Dossier read (claims.*, events.*, relations.*) and the timeline's items. */
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';
import { useCaseMutation } from '../../api/queries';

/** Under the 'timeline' and 'reading' scopes, which invalidateCaseData refreshes after any change (undo too). */
export const timelineKeys = {
  items: ['timeline', 'items'] as const,
  claims: ['reading', 'claims'] as const,
  events: ['reading', 'events'] as const,
  relations: ['reading', 'relations'] as const,
  accounts: ['reading', 'accounts'] as const,
};

/** Every dated item of the case; the view filters by kind and period itself, so toggling them needs no round trip. */
export function useTimelineItems() {
  return useQuery({ queryKey: timelineKeys.items, queryFn: () => call('timeline.items', {}) });
}

export function useClaims() {
  return useQuery({ queryKey: timelineKeys.claims, queryFn: () => call('claims.list', {}) });
}

export function useEvents() {
  return useQuery({ queryKey: timelineKeys.events, queryFn: () => call('events.list', {}) });
}

export function useRelationSuggestions() {
  return useQuery({ queryKey: timelineKeys.relations, queryFn: () => call('relations.list', {}) });
}

export function useAccounts() {
  return useQuery({ queryKey: timelineKeys.accounts, queryFn: () => call('claims.accounts', {}) });
}

type ReviewChannel = 'claims.review' | 'claims.setSpeaker' | 'claims.grade' | 'events.review' | 'relations.confirm' | 'relations.reject';

function useReview<C extends ReviewChannel>(channel: C) {
    // A review changes the timeline, the accounts and (confirming a relation) the links and graph.
  return useCaseMutation(channel);
}

export const useReviewClaim = () => useReview('claims.review');
export const useSetClaimSpeaker = () => useReview('claims.setSpeaker');
export const useGradeClaim = () => useReview('claims.grade');
export const useReviewEvent = () => useReview('events.review');
export const useConfirmRelation = () => useReview('relations.confirm');
export const useRejectRelation = () => useReview('relations.reject');
