/**
 * The workspace of an open case: header, left rail of views, the view, and a status bar with
 * background work. Files dropped anywhere on it are imported; Ctrl+Z undoes the last change.
 */
import { ActionIcon, AppShell, Badge, Box, Group, Stack, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconPencil, IconX } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { CaseInfo } from '../../../shared/cases';
import { BriefingView } from '../features/briefing/BriefingView';
import { CaseCheckNotice } from '../features/cases/CaseCheckNotice';
import { CaseDetailsModal } from '../features/cases/CaseDetailsModal';
import type { CaseCommands } from '../features/cases/useCaseCommands';
import { DocumentsView } from '../features/documents/DocumentsView';
import { DropOverlay } from '../features/documents/DropOverlay';
import { ImportStatus } from '../features/documents/ImportStatus';
import { useHistoryCommands } from '../features/documents/useHistoryCommands';
import { useImporter } from '../features/documents/useImporter';
import { EntitiesView } from '../features/entities/EntitiesView';
import { ExtractionStatus } from '../features/entities/ExtractionStatus';
import { ExchangeDialogs, ReviewStatus } from '../features/exchange/ExchangeDialogs';
import { useExchangeCommands } from '../features/exchange/useExchangeCommands';
import { RescoreStatus } from '../features/entities/RescoreStatus';
import { GraphView } from '../features/graph/GraphView';
import { MapView } from '../features/map/MapView';
import { TimelineView } from '../features/timeline/TimelineView';
import { modKey } from './format';
import type { GraphRequest, Navigation, NavigationRequest } from './navigation';
import { NavigationContext } from './navigation';
import { PeriodProvider } from './period';
import { ThemeToggle } from './ThemeToggle';
import type { ViewId } from './views';
import { views } from './views';
import classes from './Workspace.module.css';

function count(value: number, one: string, many: string): string {
  return `${value.toLocaleString()} ${value === 1 ? one : many}`;
}

export function Workspace({ caseInfo, commands }: { caseInfo: CaseInfo; commands: CaseCommands }) {
  const [viewId, setViewId] = useState<ViewId>('documents');
  const [detailsOpened, setDetailsOpened] = useState(false);
  const view = views.find((candidate) => candidate.id === viewId) ?? views[0]!;
  const importer = useImporter();
  const history = useHistoryCommands();
  const exchange = useExchangeCommands();
  const [documentRequest, setDocumentRequest] = useState<NavigationRequest | null>(null);
  const [entityRequest, setEntityRequest] = useState<NavigationRequest | null>(null);
  const [graphRequest, setGraphRequest] = useState<GraphRequest | null>(null);
  const [mapRequest, setMapRequest] = useState<NavigationRequest | null>(null);
  const navigation = useMemo<Navigation>(
    () => ({
      showDocument: (id, mentionId) => {
        setDocumentRequest({ id, ...(mentionId === undefined ? {} : { mentionId }), nonce: Date.now() });
        setViewId('documents');
      },
      showEntity: (id) => {
        setEntityRequest({ id, nonce: Date.now() });
        setViewId('entities');
      },
      showPassage: (id, start, end) => {
        setDocumentRequest({ id, passage: { start, end }, nonce: Date.now() });
        setViewId('documents');
      },
      showInGraph: (nodeKey) => {
        setGraphRequest({ nodeKey, nonce: Date.now() });
        setViewId('graph');
      },
      showOnMap: (id) => {
        setMapRequest({ id, nonce: Date.now() });
        setViewId('map');
      },
    }),
    [],
  );

  // Modifier shortcuts work from text fields too: they type nothing there.
  useHotkeys(
    views.map((candidate, index) => [`mod+${index + 1}`, () => setViewId(candidate.id)]),
    [],
  );

  return (
    <NavigationContext.Provider value={navigation}>
    <PeriodProvider>
    <AppShell header={{ height: 48 }} navbar={{ width: 76, breakpoint: 0 }} footer={{ height: 26 }} padding={0}>
      <AppShell.Header>
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap">
          <Group gap={6} wrap="nowrap" miw={0}>
            <UnstyledButton
              className={classes.title}
              onClick={() => setDetailsOpened(true)}
              aria-label="Edit case title and description"
            >
              <Group gap={6} wrap="nowrap">
                <Text fw={600} truncate data-testid="case-title">
                  {caseInfo.title}
                </Text>
                <IconPencil size={14} className={classes.pencil} aria-hidden />
                {caseInfo.description ? (
                  <Text size="sm" c="dimmed" truncate maw={520} data-testid="case-description">
                    {caseInfo.description.split('\n')[0]}
                  </Text>
                ) : null}
              </Group>
            </UnstyledButton>
            {caseInfo.readOnly ? (
              <Tooltip
                multiline
                w={320}
                label="This case file, its folder or its disk cannot be written (or it was opened read-only), so nothing in it can be changed here. Copy it to a folder you can write to and open the copy to edit."
              >
                <Badge color="yellow" variant="filled" data-testid="read-only-banner">
                  Read-only
                </Badge>
              </Tooltip>
            ) : null}
          </Group>
          <Group gap="xs" wrap="nowrap">
            <ThemeToggle />
            <Tooltip label={`Close case (${modKey}+W)`}>
              <ActionIcon variant="default" size="lg" aria-label="Close case" onClick={() => void commands.closeCase()}>
                <IconX size={18} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar>
        <Stack gap={2} p={4} component="nav" aria-label="Views">
          {views.map((candidate, index) => {
            const Icon = candidate.icon;
            return (
              <Tooltip key={candidate.id} label={`${candidate.label} (${modKey}+${index + 1})`} position="right">
                <UnstyledButton
                  className={classes.railButton}
                  data-active={candidate.id === viewId || undefined}
                  aria-current={candidate.id === viewId ? 'page' : undefined}
                  onClick={() => setViewId(candidate.id)}
                >
                  <Icon size={22} stroke={1.5} />
                  <Text size="10px" mt={2}>
                    {candidate.label}
                  </Text>
                </UnstyledButton>
              </Tooltip>
            );
          })}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main className={classes.main}>
        {/* The documents view stays mounted behind the others, keeping its search, scroll and selection. */}
        <Box h="100%" display={view.id === 'documents' ? 'block' : 'none'}>
          <DocumentsView
            casePath={caseInfo.path}
            active={view.id === 'documents'}
            importer={importer}
            onActivate={() => setViewId('documents')}
            request={documentRequest}
          />
        </Box>
        {view.id === 'entities' ? (
          <Box h="100%">
            <EntitiesView request={entityRequest} />
          </Box>
        ) : null}
        {view.id === 'briefing' ? (
          <Box h="100%">
            <BriefingView />
          </Box>
        ) : null}
        {view.id === 'graph' ? (
          <Box h="100%">
            <GraphView request={graphRequest} />
          </Box>
        ) : null}
        {view.id === 'map' ? (
          <Box h="100%">
            <MapView request={mapRequest} />
          </Box>
        ) : null}
        {view.id === 'timeline' ? (
          <Box h="100%">
            <TimelineView />
          </Box>
        ) : null}
      </AppShell.Main>
      <AppShell.Footer>
        <Group h="100%" px="sm" justify="space-between" gap="md" wrap="nowrap" className={classes.status}>
          <Text size="xs" c="dimmed" truncate title={caseInfo.path} style={{ flex: '0 1 auto' }}>
            {caseInfo.path}
          </Text>
          <ImportStatus importer={importer} />
          <ExtractionStatus />
          <ReviewStatus onOpen={() => exchange.openReview(null)} />
          <RescoreStatus />
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} data-testid="case-counts">
            {count(caseInfo.counts.documents, 'document', 'documents')} · {count(caseInfo.counts.entities, 'entity', 'entities')} ·{' '}
            {count(caseInfo.counts.links, 'link', 'links')} · format v{caseInfo.schemaVersion}
          </Text>
        </Group>
      </AppShell.Footer>
      <DropOverlay onDrop={(files) => void importer.importFiles(files)} />
      <ExchangeDialogs commands={exchange} undo={history.undo} />
      <CaseCheckNotice casePath={caseInfo.path} />
      <CaseDetailsModal opened={detailsOpened} onClose={() => setDetailsOpened(false)} caseInfo={caseInfo} />
    </AppShell>
    </PeriodProvider>
    </NavigationContext.Provider>
  );
}
