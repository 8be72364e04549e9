/** The report of a finished import: every file that failed, with why, and every duplicate. */
import { Badge, Group, Modal, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import type { ImportReport } from '../../../../shared/documents';
import { summarizeReport } from './useImporter';

interface ImportReportModalProps {
  readonly report: ImportReport | null;
  readonly onClose: () => void;
  readonly onOpenDocument: (id: number) => void;
}

export function ImportReportModal({ report, onClose, onOpenDocument }: ImportReportModalProps) {
  return (
    <Modal opened={report !== null} onClose={onClose} title="Import report" size="xl" centered>
      {report ? (
        <Stack gap="md">
          <Group gap="xs">
            <Text size="sm">{summarizeReport(report)}</Text>
            {report.cancelled ? <Badge color="gray">Cancelled</Badge> : null}
          </Group>
          {report.failed.length > 0 ? (
            <Stack gap={4}>
              <Title order={3} size="h6">
                Failed ({report.failed.length})
              </Title>
              <ScrollArea.Autosize mah={280}>
                <Table striped withTableBorder fz="xs" aria-label="Files that failed">
                  <Table.Tbody>
                    {report.failed.map((failure, index) => (
                      <Table.Tr key={`${failure.file}-${index}`}>
                        <Table.Td style={{ wordBreak: 'break-all', width: '40%' }}>{failure.file}</Table.Td>
                        <Table.Td c="red">{failure.reason}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea.Autosize>
            </Stack>
          ) : null}
          {report.duplicates.length > 0 ? (
            <Stack gap={4}>
              <Title order={3} size="h6">
                Already in the case ({report.duplicates.length})
              </Title>
              <Text size="xs" c="dimmed">
                These files have the same content as a document already imported, so they were skipped.
              </Text>
              <ScrollArea.Autosize mah={240}>
                <Table striped withTableBorder fz="xs" aria-label="Duplicate files">
                  <Table.Tbody>
                    {report.duplicates.map((duplicate, index) => (
                      <Table.Tr key={`${duplicate.file}-${index}`}>
                        <Table.Td style={{ wordBreak: 'break-all' }}>{duplicate.file}</Table.Td>
                        <Table.Td w={140}>
                          <Text
                            component="button"
                            type="button"
                            size="xs"
                            c="var(--mantine-primary-color-filled)"
                            style={{ background: 'none', border: 0, padding: 0, cursor: 'pointer' }}
                            onClick={() => {
                              onOpenDocument(duplicate.existingDocumentId);
                              onClose();
                            }}
                          >
                            Open existing
                          </Text>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </ScrollArea.Autosize>
            </Stack>
          ) : null}
        </Stack>
      ) : null}
    </Modal>
  );
}
