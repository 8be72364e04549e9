import type { Database } from 'better-sqlite3';

/** One numbered schema step. Shipped migrations are never changed or removed, only added to. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database): void;
}
