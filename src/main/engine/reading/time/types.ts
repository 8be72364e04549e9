/** The shapes the time finder works with: what it returns (a TimeMention) and what passes between its steps. */
import type { ParsingResult } from 'chrono-node';

export type TimePrecision = 'day' | 'month' | 'year';

/** A temporal expression found in a text. */
export interface TimeMention {
  /** UTF-16 offsets into the text, end exclusive; a leading preposition ("on", "в") is not part of it. */
  start: number;
  end: number;
  text: string;
  /** ISO 'YYYY-MM-DD' | 'YYYY-MM' | 'YYYY'; absent when it cannot be resolved (relative time, no document date). */
  value?: string;
  /** The end of a range ("from 10 to 12 March", "between 2019 and 2021"), in the same form. */
  endValue?: string;
  /** The granularity of value. */
  precision: TimePrecision;
  /** "mid-May", "early 2020", "around March", "about two weeks ago". */
  approximate: boolean;
  /** 'document': resolved (or to be resolved) against the document's date; 'absolute': the text names its year. */
  anchor: 'absolute' | 'document';
}

export interface FindTimesOptions {
  /** The document's date, YYYY-MM-DD; relative expressions stay without a value when it is absent. */
  documentDate?: string;
}

export interface Day {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** One chrono result with its offsets in the whole text. */
export interface Found {
  start: number;
  end: number;
  result: ParsingResult;
  /** A day number that opens a range chrono did not see ("between 10 and 12 March"). */
  rangeStartDay?: number;
}
