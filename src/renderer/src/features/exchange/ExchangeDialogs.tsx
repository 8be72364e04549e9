/** The exchange feature in the workspace: the merge, review and CSV dialogs, and the status-bar reminder of pairs waiting for review. */
import { Button } from '@mantine/core';
import { IconArrowsJoin } from '@tabler/icons-react';
import { CsvImportModal } from './CsvImportModal';
import { DoubtfulReview } from './DoubtfulReview';
import { MergeModal } from './MergeModal';
import { useDoubtfulPairs } from './queries';
import type { ExchangeCommands } from './useExchangeCommands';

export function ExchangeDialogs({ commands, undo }: { commands: ExchangeCommands; undo: () => Promise<void> }) {
  return (
    <>
      <MergeModal state={commands.merge} onClose={commands.closeMerge} onReview={commands.openReview} />
      <DoubtfulReview mergeId={commands.reviewing} onClose={commands.closeReview} undo={undo} />
      <CsvImportModal path={commands.csvPath} onClose={commands.closeCsv} />
    </>
  );
}

/** "3 look-alike pairs to review" while merged entities wait for the analyst's decision; nothing otherwise. */
export function ReviewStatus({ onOpen }: { onOpen: () => void }) {
  const pending = useDoubtfulPairs(null).data?.length ?? 0;
  if (pending === 0) return null;
  return (
    <Button size="compact-xs" variant="light" color="orange" leftSection={<IconArrowsJoin size={12} />} onClick={onOpen} data-testid="review-status">
      {pending} look-alike {pending === 1 ? 'pair' : 'pairs'} to review
    </Button>
  );
}
