/** Drafts of links offered from elsewhere in the workspace: a passage selected in the reader. */
import type { DocumentDetail } from '../../../../shared/documents';
import type { Mention } from '../../../../shared/entities';
import { nodeKey } from '../../../../shared/graph';
import type { LinkDraft, NodeChoice } from './LinkModal';

/**
 * A link citing a passage; its ends start as the entities named inside the passage (the first
 * two), which the analyst confirms or changes.
 */
export function linkDraftFor(document: DocumentDetail, mentions: readonly Mention[], span: { start: number; end: number }): LinkDraft {
  const named: NodeChoice[] = [];
  for (const mention of mentions) {
    if (mention.documentId !== document.id || mention.status === 'rejected' || mention.entityId === null) continue;
    if (mention.end <= span.start || mention.start >= span.end) continue;
    const key = nodeKey('entity', mention.entityId);
    if (!named.some((choice) => choice.key === key)) named.push({ key, label: mention.entityName ?? mention.text, kind: mention.type });
  }
  return {
    from: named[0] ?? null,
    to: named[1] ?? null,
    evidence: [
      { documentId: document.id, start: span.start, end: span.end, quote: document.text.slice(span.start, span.end), documentTitle: document.title },
    ],
  };
}
