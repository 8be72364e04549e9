/**
 * "Read again with OCR…": a scanned document's pages read again with other languages. The dialog
 * picks the languages, shows the pages as they are read (with Cancel), and then what changed: the
 * confidence before and after, what was carried over to the new text and what could not be.
 */
import { Alert, Button, Group, List, Modal, MultiSelect, Progress, Stack, Text } from '@mantine/core';
import { IconScan } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { DocumentDetail } from '../../../../shared/documents';
import type { OcrRerunProgress, OcrRerunReport } from '../../../../shared/ocr';
import { call, errorMessage, subscribe } from '../../api/client';
import { invalidateCaseData, READ_ONLY_HINT, useReadOnly } from '../../api/queries';
import { modKey } from '../../components/format';
import { ConfidenceBadge, scanSummary } from './ScanSummary';

/** Names for the languages Dossier ships OCR data for; a code without one shows as itself. */
const languageNames: Record<string, string> = { eng: 'English', rus: 'Russian', hye: 'Armenian', aze: 'Azerbaijani' };

type Stage = { readonly kind: 'choose' } | { readonly kind: 'running'; readonly jobId: number; readonly progress: OcrRerunProgress | null } | { readonly kind: 'finished'; readonly report: OcrRerunReport };

/** The button that opens the dialog; nothing for a document not read by OCR. */
export function OcrRerunButton({ document }: { document: DocumentDetail }) {
  const readOnly = useReadOnly();
  const [opened, setOpened] = useState(false);
  const summary = scanSummary(document);
  if (!summary) return null;
  return (
    <>
      <Button
        size="compact-xs"
        variant="subtle"
        leftSection={<IconScan size={13} />}
        disabled={readOnly}
        title={readOnly ? READ_ONLY_HINT : 'Read the pages again with other OCR languages'}
        onClick={() => setOpened(true)}
      >
        Read again…
      </Button>
      <OcrRerunModal document={document} languages={summary.languages} opened={opened} onClose={() => setOpened(false)} />
    </>
  );
}

function OcrRerunModal({ document, languages, opened, onClose }: { document: DocumentDetail; languages: string; opened: boolean; onClose: () => void }) {
  const client = useQueryClient();
  const available = useQuery({ queryKey: ['ocr', 'languages'], queryFn: () => call('ocr.languages', {}), staleTime: Infinity, enabled: opened });
  const [chosen, setChosen] = useState<string[]>(() => languages.split('+').filter(Boolean));
  const [stage, setStage] = useState<Stage>({ kind: 'choose' });
  const [error, setError] = useState<string | null>(null);
  const jobId = stage.kind === 'running' ? stage.jobId : null;

  useEffect(() => {
    if (jobId === null) return undefined;
    const stopProgress = subscribe('ocr.progress', (progress) => {
      if (progress.jobId === jobId) setStage({ kind: 'running', jobId, progress });
    });
    const stopFinished = subscribe('ocr.finished', (report) => {
      if (report.jobId !== jobId) return;
      setStage({ kind: 'finished', report });
      void invalidateCaseData(client);
    });
    return () => {
      stopProgress();
      stopFinished();
    };
  }, [jobId, client]);

  const start = async () => {
    setError(null);
    try {
      const { jobId: started } = await call('ocr.rerun', { documentId: document.id, languages: chosen });
      setStage({ kind: 'running', jobId: started, progress: null });
    } catch (failure) {
      setError(errorMessage(failure));
    }
  };
  const close = () => {
    if (stage.kind === 'finished') setStage({ kind: 'choose' });
    onClose();
  };
  const unchanged = chosen.join('+') === languages;

  return (
    <Modal opened={opened} onClose={close} title={`Read “${document.title}” again with OCR`} size="md" data-testid="ocr-rerun-dialog">
      {stage.kind === 'choose' ? (
        <Stack gap="sm">
          <Text size="sm">
            Its pages were read as <b>{languages}</b>. Choose the languages of its text; the new reading replaces the text, word boxes and confidence. Notes,
            reviewed names and link evidence follow their words where OCR reads them again; names, times and claims are read again. {modKey}+Z undoes it all.
          </Text>
          <MultiSelect
            label="Languages"
            data={(available.data ?? []).map((code) => ({ value: code, label: `${languageNames[code] ?? code} (${code})` }))}
            value={chosen}
            onChange={setChosen}
            placeholder={available.isLoading ? 'Loading…' : 'Choose at least one'}
            searchable
            data-testid="ocr-languages"
          />
          {error ? (
            <Alert color="red" variant="light" p="xs">
              {error}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" size="xs" onClick={close}>
              Cancel
            </Button>
            <Button size="xs" disabled={chosen.length === 0 || unchanged} title={unchanged ? 'Choose other languages than the ones it was read with' : undefined} onClick={() => void start()}>
              Read again
            </Button>
          </Group>
        </Stack>
      ) : stage.kind === 'running' ? (
        <Stack gap="sm" data-testid="ocr-rerun-progress">
          <Text size="sm">
            {stage.progress ? `Reading page ${stage.progress.page} of ${stage.progress.pages} (${chosen.join('+')})…` : 'Starting the OCR worker…'}
          </Text>
          <Progress value={stage.progress ? ((stage.progress.page - 0.5) / stage.progress.pages) * 100 : 5} animated aria-label="OCR progress" />
          <Group justify="flex-end">
            <Button variant="default" size="xs" onClick={() => void call('ocr.cancel', { jobId: stage.jobId }).catch((failure: unknown) => setError(errorMessage(failure)))}>
              Stop
            </Button>
          </Group>
        </Stack>
      ) : (
        <RerunOutcome report={stage.report} onClose={close} />
      )}
    </Modal>
  );
}

function RerunOutcome({ report, onClose }: { report: OcrRerunReport; onClose: () => void }) {
  return (
    <Stack gap="sm" data-testid="ocr-rerun-report">
      {report.status === 'done' && report.after ? (
        <>
          <Group gap={6}>
            <Text size="sm">{report.before.languages}</Text>
            {report.before.confidence !== null ? <ConfidenceBadge confidence={report.before.confidence} /> : null}
            <Text size="sm">→ {report.after.languages}</Text>
            {report.after.confidence !== null ? <ConfidenceBadge confidence={report.after.confidence} /> : null}
          </Group>
          <Text size="sm">
            {report.kept + report.lost.length === 0
              ? 'Nothing you marked in the old text (notes, reviewed names, evidence) needed carrying over'
              : `${report.kept} of ${report.kept + report.lost.length} notes, reviewed names and pieces of evidence carried over to the new text`}
            ; {report.suggested} suggestions (names, times, claims) read from it.
          </Text>
          {report.lost.length > 0 ? (
            <Alert color="orange" variant="light" p="xs" title="Not found in the new text, so removed">
              <List size="xs" spacing={2}>
                {report.lost.map((lost, index) => (
                  <List.Item key={index}>
                    {lost.kind}: “{lost.text}”
                  </List.Item>
                ))}
              </List>
              <Text size="xs" mt={4}>
                {modKey}+Z brings the old text back with all of them.
              </Text>
            </Alert>
          ) : null}
        </>
      ) : (
        <Text size="sm">{report.status === 'cancelled' ? 'Stopped; the document keeps the text it had.' : report.message}</Text>
      )}
      <Group justify="flex-end">
        <Button size="xs" onClick={onClose}>
          Close
        </Button>
      </Group>
    </Stack>
  );
}
