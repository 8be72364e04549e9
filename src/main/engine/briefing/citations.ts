/** The endnotes of a briefing: each document cited gets a number, in the order it is first cited. */
import type { Database } from 'better-sqlite3';
import { statement } from '../case/statements';
import type { Endnote } from './content';

/** Numbers documents in the order they are first cited. */
export class Citations {
  private readonly numbers = new Map<number, number>();
  readonly endnotes: Endnote[] = [];

  constructor(private readonly db: Database) {}

  cite(documentId: number): number {
    const known = this.numbers.get(documentId);
    if (known !== undefined) return known;
    const row = statement(this.db, 'SELECT title, author, source, published_at, file_name, meta FROM documents WHERE id = ?').get(documentId) as
      | { title: string; author: string | null; source: string | null; published_at: string | null; file_name: string | null; meta: string }
      | undefined;
    const number = this.endnotes.length + 1;
    const url = row ? (JSON.parse(row.meta) as { url?: unknown }).url : undefined;
    this.endnotes.push({
      number,
      documentId,
      title: row?.title ?? `Document ${documentId}`,
      author: row?.author ?? null,
      source: row?.source && row.source !== url ? row.source : null,
      date: row?.published_at?.slice(0, 10) ?? null,
      location: typeof url === 'string' ? url : (row?.file_name ?? null),
    });
    this.numbers.set(documentId, number);
    return number;
  }
}
