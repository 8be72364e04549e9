/**
 * Importing an analyst's own list (entities or links) from CSV: the file's first rows, a mapping
 * step (each of our fields ← one of their headers, guessed from the header names), then the import
 * and every row it could not use, with its line number and why.
 */
import { Alert, Button, Group, Loader, Modal, ScrollArea, SegmentedControl, Select, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { CsvImportReport, CsvListKind, CsvPreview } from '../../../../shared/exchange';
import { errorMessage } from '../../api/client';
import { useCsvPreview, useImportCsv } from './queries';
import classes from './exchange.module.css';

function MappingTable({ preview, mapping, onChange }: { preview: CsvPreview; mapping: Record<string, string>; onChange: (field: string, header: string | null) => void }) {
  const options = preview.headers.map((header) => ({ value: header, label: header }));
  return (
    <Table fz="sm" verticalSpacing={2} layout="fixed" aria-label="Column mapping" data-testid="csv-mapping">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={330}>Dossier field</Table.Th>
          <Table.Th w={210}>Column in the file</Table.Th>
          <Table.Th>First row</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {preview.fields.map(({ field, required, description }) => {
          const header = mapping[field] ?? null;
          const sample = header === null ? '' : (preview.rows[0]?.[preview.headers.indexOf(header)] ?? '');
          return (
            <Table.Tr key={field}>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm" fw={required ? 600 : 400} style={{ whiteSpace: 'nowrap' }}>
                    {field}
                    {required ? ' *' : ''}
                  </Text>
                  <Text size="xs" c="dimmed" truncate title={description}>
                    {description}
                  </Text>
                </Group>
              </Table.Td>
              <Table.Td>
                <Select
                  size="xs"
                  aria-label={`Column for ${field}`}
                  placeholder={required ? 'Choose a column' : 'Not in the file'}
                  data={options}
                  value={header}
                  onChange={(value) => onChange(field, value)}
                  clearable={!required}
                  error={required && header === null ? 'Required' : undefined}
                  allowDeselect={!required}
                  comboboxProps={{ withinPortal: true }}
                />
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={sample ? undefined : 'dimmed'} truncate maw={260}>
                  {sample || '—'}
                </Text>
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

function PreviewRows({ preview, mapping }: { preview: CsvPreview; mapping: Record<string, string> }) {
  const fieldOf = new Map(Object.entries(mapping).map(([field, header]) => [header, field]));
  return (
    <ScrollArea type="auto" offsetScrollbars>
      <Table withTableBorder withColumnBorders fz="xs" aria-label="First rows of the file" data-testid="csv-preview">
        <Table.Thead>
          <Table.Tr>
            {preview.headers.map((header, index) => (
              <Table.Th key={index} className={fieldOf.has(header) ? classes.mapped : undefined} style={{ whiteSpace: 'nowrap' }}>
                {header}
                {fieldOf.has(header) ? <Text span size="xs" c="blue"> → {fieldOf.get(header)}</Text> : null}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.rows.map((row, at) => (
            <Table.Tr key={at}>
              {row.map((cell, index) => (
                <Table.Td key={index} className={fieldOf.has(preview.headers[index]!) ? classes.mapped : undefined} style={{ whiteSpace: 'nowrap', maxWidth: 220, overflow: 'hidden', textOverflow: 'ellipsis' }}>
                  {cell}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}

function ImportResult({ report }: { report: CsvImportReport }) {
  const left = report.errors.length;
  return (
    <Stack gap="sm" data-testid="csv-result">
      <Alert color={left > 0 ? 'orange' : 'teal'} icon={left > 0 ? <IconAlertTriangle size={18} /> : <IconCircleCheck size={18} />} title={`${report.file}: ${report.rows} rows read`}>
        {report.added} added · {report.joined} already in the case · {left} left out
      </Alert>
      {left > 0 ? (
        <ScrollArea.Autosize mah={260}>
          <Table striped withTableBorder fz="xs" aria-label="Rows left out">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={60}>Line</Table.Th>
                <Table.Th>Why it was left out</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {report.errors.map((error) => (
                <Table.Tr key={error.line}>
                  <Table.Td>{error.line}</Table.Td>
                  <Table.Td c="red">{error.message}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      ) : null}
    </Stack>
  );
}

export function CsvImportModal({ path, onClose }: { path: string | null; onClose: () => void }) {
  const [kind, setKind] = useState<CsvListKind>('entities');
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const preview = useCsvPreview(path, kind);
  const importCsv = useImportCsv();
  const [report, setReport] = useState<CsvImportReport | null>(null);

  useEffect(() => {
    setMapping(preview.data?.guessed ?? {});
  }, [preview.data]);
  useEffect(() => {
    setReport(null);
    setKind('entities');
    importCsv.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new file starts over
  }, [path]);

  const missing = preview.data?.fields.filter((field) => field.required && !mapping[field.field]).map((field) => field.field) ?? [];
  const run = async () => {
    if (!path) return;
    setReport(await importCsv.mutateAsync({ path, kind, mapping }).catch(() => null));
  };

  return (
    <Modal opened={path !== null} onClose={onClose} title={`Import a list${preview.data ? `: ${preview.data.file}` : ''}`} size="xl" centered>
      {report ? (
        <Stack gap="md">
          <ImportResult report={report} />
          <Group justify="flex-end">
            <Button onClick={onClose}>Close</Button>
          </Group>
        </Stack>
      ) : (
        <Stack gap="md">
          <Group justify="space-between">
            <SegmentedControl
              value={kind}
              onChange={(value) => setKind(value)}
              data={[
                { value: 'entities', label: 'Entities (people, organisations, places)' },
                { value: 'links', label: 'Links between entities' },
              ]}
              aria-label="What the list holds"
            />
            {preview.data ? (
              <Text size="xs" c="dimmed">
                {preview.data.total.toLocaleString()} rows · first {preview.data.rows.length} shown
              </Text>
            ) : null}
          </Group>
          {preview.isPending ? <Loader size="sm" /> : null}
          {preview.error ? (
            <Alert color="red" icon={<IconAlertTriangle size={18} />} title="This file cannot be read as a list" data-testid="csv-error">
              {errorMessage(preview.error)}
            </Alert>
          ) : null}
          {preview.data ? (
            <>
              <PreviewRows preview={preview.data} mapping={mapping} />
              <MappingTable
                preview={preview.data}
                mapping={mapping}
                onChange={(field, header) =>
                  setMapping((current) => {
                    const next = { ...current };
                    if (header === null) delete next[field];
                    else next[field] = header;
                    return next;
                  })
                }
              />
            </>
          ) : null}
          {importCsv.error ? (
            <Alert color="red" icon={<IconAlertTriangle size={18} />} title="Nothing was imported">
              {errorMessage(importCsv.error)}
            </Alert>
          ) : null}
          <Group justify="space-between" wrap="nowrap">
            <Text size="xs" c={missing.length > 0 ? 'red' : 'dimmed'}>
              {missing.length > 0 ? `Choose a column for ${missing.join(', ')} to import.` : 'What the list names is confirmed; rows that cannot be used are listed with their line.'}
            </Text>
            <Group gap="xs" wrap="nowrap">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button onClick={() => void run()} disabled={!preview.data || missing.length > 0} loading={importCsv.isPending}>
                {preview.data ? `Import ${preview.data.total.toLocaleString()} ${preview.data.total === 1 ? 'row' : 'rows'}` : 'Import'}
              </Button>
            </Group>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
