/**
 * The open case and what serves it: the case file, its importer and extraction runner, and the
 * caches built over it (the gazetteer with the case's own GeoNames extracts, the entity analyzer).
 * One case is open at a time; every domain's handlers reach it through here.
 */
import type { Database } from 'better-sqlite3';
import type { EmitEvent } from '../../../shared/api';
import { DossierError } from '../../../shared/errors';
import { extractionRunner } from '../entities/extraction';
import type { ExtractionRunner } from '../entities/extraction';
import type { PlaceLookup } from '../entities/store';
import { extractEntries } from '../entities/gazetteerExtracts';
import { createAnalyzer } from '../entities/analyzer';
import type { EntityAnalyzer } from '../entities/suggestions';
import { locateResources, toPlaceOption } from '../extract/pipeline';
import type { GeoNamesEntry } from '../geo/extraPlaces';
import { withExtraPlaces } from '../geo/extraPlaces';
import type { Gazetteer } from '../geo/gazetteer';
import { gazetteerDir, loadGazetteer } from '../geo/gazetteer';
import { resolvePlaces } from '../geo/resolve';
import type { FindWorkerOptions } from '../ingest/findPool';
import type { ImportJob } from '../ingest/importer';
import { Importer } from '../ingest/importer';
import { rescorer } from '../learning/rescore';
import type { Rescorer } from '../learning/rescore';
import { DEFAULT_LIMITS } from '../ingest/types';
import { ConfirmedPaths } from '../confirmedPaths';
import { OcrRerunner } from '../ocr/rerun';
import { RecentCases } from '../recentCases';
import type { CaseFile, CaseFileOptions } from './caseFile';
import { describeCase } from './meta';

export interface EngineOptions extends CaseFileOptions {
  /** Folder for app state such as the recent cases list and the demo case; none in the CLI. */
  readonly stateDir?: string;
  /** The app's resources folder (demo documents, gazetteer, basemap, fonts). */
  readonly resourcesDir?: string;
  /** Where push events (import progress) go. */
  readonly emit?: EmitEvent;
  /** How an import's and a re-extraction's worker threads run (by default the built findWorker.js beside the engine, cores − 1); tests point at the built one. */
  readonly findWorkers?: Omit<FindWorkerOptions, 'recipe'>;
}

/** The open case and what serves it. */
export interface OpenCase {
  readonly file: CaseFile;
  readonly importer: Importer;
  readonly extraction: ExtractionRunner;
  /** Re-scores unreviewed suggestions with what the case has learned. */
  readonly rescorer: Rescorer;
  /** Re-runs OCR on scanned documents with other languages. */
  readonly ocr: OcrRerunner;
}

export interface Session {
  readonly options: EngineOptions;
  readonly recent: RecentCases;
  /** Paths stored in cases (the basemap) that the analyst confirmed on this machine. */
  readonly confirmedPaths: ConfirmedPaths;
  /** The open case, or null. */
  readonly current: () => OpenCase | null;
  /** The open case; throws a readable error when there is none. */
  readonly requireCase: () => OpenCase;
  /** The open case's database. */
  readonly db: () => Database;
  readonly caseTitle: () => string;
  /** The app's resources folder. */
  readonly resources: () => string;
  /** Closes the open case (if any) and opens this file in its place. */
  readonly adopt: (file: CaseFile) => CaseFile;
  /** Cancels imports and closes the open case, checkpointing its WAL so the file stands alone. */
  readonly close: () => void;
  readonly startImport: (sources: Parameters<Importer['start']>[0], options?: Parameters<Importer['start']>[1]) => ImportJob;
  /** The bundled gazetteer plus the case's GeoNames extracts. */
  readonly gazetteer: () => Gazetteer;
  /** Drops the gazetteer and analyzer built over the case's extracts, after the extracts change. */
  readonly extractsChanged: () => void;
  /** The gazetteer's best place for a name typed by hand, with the document around it as context. */
  readonly findPlace: (name: string, documentText: string) => PlaceLookup | undefined;
}

interface Caches {
  /** Built on first use, dropped when the case's extracts change. */
  gazetteer: Gazetteer | null;
  /** The places of the case's extracts the gazetteer was built with, which an import's workers build theirs from. */
  extracts: readonly GeoNamesEntry[];
  analyzer: EntityAnalyzer | null;
}

export function createSession(options: EngineOptions): Session {
  const recent = new RecentCases(options.stateDir ?? null);
  const confirmedPaths = new ConfirmedPaths(options.stateDir ?? null);
  // The model and bundled gazetteer load once, on first use, and serve every case; a case with
  // GeoNames extracts of its own gets a gazetteer (and so a pipeline) that knows their places too.
  let sharedAnalyzer: EntityAnalyzer | null = null;
  let current: (OpenCase & { caches: Caches }) | null = null;
  const resources = (): string => locateResources(options.resourcesDir);
  const bundledGazetteer = (): Gazetteer => loadGazetteer(gazetteerDir(resources()));
  const analyzerOver = (gazetteer: Gazetteer | null): EntityAnalyzer => createAnalyzer(resources(), gazetteer);
  const caseGazetteer = (file: CaseFile, caches: Caches): Gazetteer => {
    if (caches.gazetteer) return caches.gazetteer;
    const entries = extractEntries(file.db);
    caches.gazetteer = entries.length > 0 ? withExtraPlaces(bundledGazetteer(), entries) : bundledGazetteer();
    caches.extracts = entries;
    return caches.gazetteer;
  };
  const caseAnalyzer = (file: CaseFile, caches: Caches): EntityAnalyzer => {
    const gazetteer = caseGazetteer(file, caches);
    if (caches.extracts.length === 0) return (sharedAnalyzer ??= analyzerOver(null));
    return (caches.analyzer ??= analyzerOver(gazetteer));
  };
  const requireOpen = (): OpenCase & { caches: Caches } => {
    if (!current) throw new DossierError('no-case-open', 'No case is open; open or create a case first.');
    return current;
  };

  const session: Session = {
    options,
    recent,
    confirmedPaths,
    current: () => current,
    requireCase: requireOpen,
    db: () => requireOpen().file.db,
    caseTitle: () => {
      const { file } = requireOpen();
      return describeCase(file.db, file.path).title;
    },
    resources,
    adopt: (file) => {
      session.close();
      const caches: Caches = { gazetteer: null, extracts: [], analyzer: null };
      // An import's and a re-extraction's workers build the analyzer caseAnalyzer gives, from the same resources and extracts.
      const findWorkers: FindWorkerOptions = {
        ...options.findWorkers,
        recipe: () => {
          caseGazetteer(file, caches);
          return { resourcesDir: resources(), extracts: caches.extracts };
        },
      };
      current = {
        file,
        importer: new Importer(file.db, options.emit, DEFAULT_LIMITS, () => caseAnalyzer(file, caches), undefined, findWorkers),
        extraction: extractionRunner(file.db, options.emit, () => caseAnalyzer(file, caches), findWorkers),
        rescorer: rescorer(file.db, options.emit, () => caseAnalyzer(file, caches)),
        ocr: new OcrRerunner(file.db, options.emit, () => caseAnalyzer(file, caches)),
        caches,
      };
      recent.remember(file.path, describeCase(file.db, file.path).title);
      return file;
    },
    close: () => {
      if (!current) return;
      const closing = current;
      current = null;
      closing.importer.cancelAll();
      closing.extraction.cancelAll();
      closing.rescorer.cancelAll();
      closing.ocr.cancelAll();
      closing.file.db.pragma('wal_checkpoint(TRUNCATE)');
      closing.file.db.close();
    },
    startImport: (sources, importOptions) => requireOpen().importer.start(sources, importOptions),
    gazetteer: () => {
      const open = requireOpen();
      return caseGazetteer(open.file, open.caches);
    },
    extractsChanged: () => {
      const { caches } = requireOpen();
      caches.gazetteer = null;
      caches.analyzer = null;
    },
    findPlace: (name, documentText) => {
      const [resolved] = resolvePlaces(session.gazetteer(), [{ text: name, start: 0, end: name.length }], `${name}\n${documentText}`);
      if (!resolved?.candidate) return undefined;
      return { chosen: toPlaceOption(resolved.candidate), confidence: resolved.confidence, candidates: resolved.candidates.map(toPlaceOption) };
    },
  };
  return session;
}
