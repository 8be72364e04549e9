/**
 * The case-wide period: the days the analyst brushed on the timeline. Other views read it to
 * narrow what they show (the map's and the graph's date filters start from it).
 */
import type { ReactNode } from 'react';
import { createContext, useContext, useMemo, useState } from 'react';

/** First and last day of the period, inclusive, as YYYY-MM-DD. */
export interface Period {
  readonly from: string;
  readonly to: string;
}

export interface PeriodState {
  readonly period: Period | null;
  readonly setPeriod: (period: Period | null) => void;
}

const PeriodContext = createContext<PeriodState>({ period: null, setPeriod: () => undefined });

export function PeriodProvider({ children }: { children: ReactNode }) {
  const [period, setPeriod] = useState<Period | null>(null);
  const value = useMemo<PeriodState>(() => ({ period, setPeriod }), [period]);
  return <PeriodContext.Provider value={value}>{children}</PeriodContext.Provider>;
}

export const usePeriod = (): PeriodState => useContext(PeriodContext);

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "1 May – 2 Jun 2021", "12 Dec 2020 – 2 Jan 2021", "2 Jun 2021". */
export function formatPeriod(period: Period): string {
  const [fromYear, fromMonth, fromDay] = period.from.split('-').map(Number) as [number, number, number];
  const [toYear, toMonth, toDay] = period.to.split('-').map(Number) as [number, number, number];
  const to = `${toDay} ${months[toMonth - 1]} ${toYear}`;
  if (period.from === period.to) return to;
  const from = fromYear === toYear ? `${fromDay} ${months[fromMonth - 1]}` : `${fromDay} ${months[fromMonth - 1]} ${fromYear}`;
  return `${from} – ${to}`;
}
