/** The placeholder of a view that a later release fills. */
import { Box, EmptyState, Text } from '@mantine/core';
import type { CaseInfo } from '../../../shared/cases';
import type { ViewDefinition } from './views';

export function ComingNext({ view, caseInfo }: { view: ViewDefinition; caseInfo: CaseInfo }) {
  const Icon = view.icon;
  return (
    <Box p="xl" pt="12vh">
      <EmptyState
        title={view.label}
        description={view.purpose}
        icon={<Icon size={28} stroke={1.5} />}
        data-testid={`view-${view.id}`}
      >
        <Text size="sm" c="dimmed" mt="xs">
          Coming next. {caseInfo.description ? '' : 'Meanwhile, click the case title above to describe the case.'}
        </Text>
      </EmptyState>
    </Box>
  );
}
