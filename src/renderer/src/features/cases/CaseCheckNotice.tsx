/**
 * The background check of an open case: a little after it opens, the engine reads the whole file
 * (SQLite's integrity, its references, every original against its SHA-256). Damage is reported,
 * never repaired behind the analyst's back; a sound case says nothing.
 */
import { Button, List, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import type { CaseCheck } from '../../../../shared/cases';
import { call } from '../../api/client';

/** Long enough for the first screen to load before the check takes its turn in the engine. */
const DELAY_MS = 4000;

export function CaseCheckNotice({ casePath }: { casePath: string }) {
  const [report, setReport] = useState<CaseCheck | null>(null);
  const [opened, setOpened] = useState(false);

  useEffect(() => {
    let cancelled = false;
    setReport(null);
    const timer = setTimeout(() => {
      call('cases.check', {}).then(
        (result) => {
          if (cancelled || result.ok) return;
          setReport(result);
          notifications.show({
            id: 'case-check',
            color: 'red',
            autoClose: false,
            title: 'This case file is damaged',
            message: (
              <Stack gap={4} align="flex-start">
                <Text size="sm">{summary(result)} Nothing was repaired.</Text>
                <Button size="compact-xs" variant="light" color="red" onClick={() => setOpened(true)}>
                  Show what is damaged
                </Button>
              </Stack>
            ),
          });
        },
        // A check that cannot run (the case closed meanwhile) has nothing to report.
        () => undefined,
      );
    }, DELAY_MS);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [casePath]);

  if (!report) return null;
  return (
    <Modal opened={opened} onClose={() => setOpened(false)} title="Damage found in this case" size="lg">
      <Stack gap="sm" data-testid="case-check-report">
        <Text size="sm">
          Dossier checked {report.originalsChecked} original{report.originalsChecked === 1 ? '' : 's'} against the SHA-256 recorded when each was
          imported, and the file's own structure. It changed nothing. Restore the case from a backup, or re-import the documents named here.
        </Text>
        <List size="sm" spacing={4}>
          {report.damagedOriginals.map((blob) => (
            <List.Item key={blob.blobId}>
              Original no longer matches its SHA-256 ({blob.expected.slice(0, 12)}… → {blob.actual.slice(0, 12)}…):{' '}
              {blob.documents.map((document) => `#${document.id} “${document.title}”`).join(', ') || 'no document'}
            </List.Item>
          ))}
          {report.integrity.map((problem) => (
            <List.Item key={`integrity-${problem}`}>SQLite integrity: {problem}</List.Item>
          ))}
          {report.foreignKeys.map((problem) => (
            <List.Item key={`reference-${problem}`}>Broken reference: {problem}</List.Item>
          ))}
        </List>
      </Stack>
    </Modal>
  );
}

function summary(report: CaseCheck): string {
  const parts = [
    report.damagedOriginals.length === 1 ? '1 original no longer matches its SHA-256' : report.damagedOriginals.length ? `${report.damagedOriginals.length} originals no longer match their SHA-256` : '',
    report.integrity.length ? `SQLite reports ${report.integrity.length} integrity problem${report.integrity.length === 1 ? '' : 's'}` : '',
    report.foreignKeys.length ? `${report.foreignKeys.length} broken reference${report.foreignKeys.length === 1 ? '' : 's'}` : '',
  ].filter(Boolean);
  return `${parts.join('; ')}.`;
}
