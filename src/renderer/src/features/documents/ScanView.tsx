/**
 * A scanned document as its page images, with the words OCR read drawn over them: search hits and
 * notes marked where they sit on the page, words read with low confidence outlined. The text view
 * stays the one to select, annotate and link in; this one is for checking the text against the page.
 */
import { Group, Loader, Pagination, SegmentedControl, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import type { DocumentDetail } from '../../../../shared/documents';
import type { WordBox } from '../../../../shared/ocr';
import { call, errorMessage } from '../../api/client';
import { OcrRerunButton } from './OcrRerun';
import { ConfidenceBadge, scanSummary } from './ScanSummary';

/** Below this confidence (0–100) a word is outlined as doubtful. */
export const LOW_CONFIDENCE = 60;

const overlaps = (word: WordBox, spans: readonly { start: number; end: number }[]): boolean =>
  spans.some((span) => span.start < word.end && span.end > word.start);

export function ScanView({ document }: { document: DocumentDetail }) {
  const layer = useQuery({ queryKey: ['ocr', 'layer', document.id], queryFn: () => call('ocr.layer', { documentId: document.id }) });
  const pages = layer.data?.pages ?? [];
  const [index, setIndex] = useState(0);
  const page = pages[Math.min(index, Math.max(0, pages.length - 1))];
  const image = useQuery({
    queryKey: ['ocr', 'pageImage', document.id, page?.page],
    queryFn: () => call('ocr.pageImage', { documentId: document.id, page: page!.page }),
    enabled: page !== undefined,
    staleTime: Infinity,
  });
  const url = useMemo(() => (image.data ? URL.createObjectURL(new Blob([image.data.bytes], { type: image.data.mime })) : null), [image.data]);
  useEffect(() => () => (url ? URL.revokeObjectURL(url) : undefined), [url]);

  if (layer.isError || image.isError) return <Text c="red" size="sm">{errorMessage(layer.error ?? image.error)}</Text>;
  if (!page || !url || !image.data) return <Loader size="sm" />;
  const words = layer.data!.words.filter((word) => word.page === page.page);
  const { width, height } = image.data;
  return (
    <div data-testid="scan-view">
      {pages.length > 1 ? (
        <Group justify="center" mb="xs">
          <Pagination size="sm" total={pages.length} value={index + 1} onChange={(value) => setIndex(value - 1)} getItemProps={(item) => ({ 'aria-label': `Page ${pages[item - 1]?.page ?? item}` })} />
        </Group>
      ) : null}
      <div style={{ position: 'relative', width: '100%', lineHeight: 0, boxShadow: '0 0 0 1px var(--mantine-color-default-border)' }}>
        <img src={url} alt={`Page ${page.page} of ${document.title}`} style={{ width: '100%', height: 'auto' }} />
        {words.map((word) => {
          const hit = overlaps(word, document.highlights);
          const noted = overlaps(word, document.notes);
          const doubtful = word.confidence < LOW_CONFIDENCE;
          return (
            <span
              key={word.start}
              title={`${document.text.slice(word.start, word.end)} · confidence ${word.confidence}`}
              data-ocr-word={document.text.slice(word.start, word.end)}
              data-low-confidence={doubtful ? '' : undefined}
              style={{
                position: 'absolute',
                left: `${(word.x0 / width) * 100}%`,
                top: `${(word.y0 / height) * 100}%`,
                width: `${((word.x1 - word.x0) / width) * 100}%`,
                height: `${((word.y1 - word.y0) / height) * 100}%`,
                background: hit ? 'rgba(250, 200, 0, 0.45)' : noted ? 'rgba(51, 154, 240, 0.28)' : 'rgba(51, 154, 240, 0.06)',
                outline: doubtful ? '2px dashed var(--mantine-color-orange-6)' : '1px solid rgba(51, 154, 240, 0.35)',
              }}
            />
          );
        })}
      </div>
      <Text size="xs" c="dimmed" mt={6}>
        Boxes are the words OCR read; dashed ones were read with less than {LOW_CONFIDENCE}% confidence. Select and annotate in the text view.
      </Text>
    </div>
  );
}

/**
 * For a scanned document, a switch between its text (`children`) and its page images with the
 * words over them, and how confident the OCR was; any other document is just its text.
 */
export function ScanOrText({ document, children }: { document: DocumentDetail; children: ReactNode }) {
  const [mode, setMode] = useState<'text' | 'page'>('text');
  const summary = scanSummary(document);
  if (!summary) return children;
  return (
    <>
      <Group gap="xs" mb="sm" data-testid="scan-toggle">
        <SegmentedControl
          size="xs"
          value={mode}
          onChange={(value) => setMode(value === 'page' ? 'page' : 'text')}
          data={[
            { value: 'text', label: 'Text' },
            { value: 'page', label: 'Page image' },
          ]}
        />
        <ConfidenceBadge confidence={summary.confidence} />
        <Text size="xs" c="dimmed">
          read by OCR ({summary.languages}), {summary.pages} page{summary.pages === 1 ? '' : 's'}
        </Text>
        <OcrRerunButton document={document} />
      </Group>
      {mode === 'page' ? <ScanView document={document} /> : children}
    </>
  );
}
