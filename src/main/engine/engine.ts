/**
 * The engine: one open case at a time and the handlers for every engine channel. It is plain Node;
 * the app hosts it in a worker thread, the CLI and the tests call it directly.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { EmitEvent, EngineChannel, Handlers } from '../../shared/api';
import { defaultBriefing } from '../../shared/briefing';
import type { PlaceOption } from '../../shared/entities';
import { DossierError } from '../../shared/errors';
import type { CaseFile, CaseFileOptions } from './case/caseFile';
import { exportBriefing } from './briefing/export';
import { checkCase } from './case/check';
import { deleteBriefing, getBriefing, listBriefings, saveBriefing } from './briefing/repository';
import { createCaseFile, openCaseFile } from './case/caseFile';
import { describeCase, updateCaseMeta } from './case/meta';
import {
  applyTag,
  createNote,
  createTag,
  mergeTags,
  readDocument,
  removeNote,
  removeTagEverywhere,
  undoOrRedo,
  updateDocument,
  updateNote,
  updateTag,
} from './documents/actions';
import { getNote, listNotes } from './documents/notes';
import { listDocuments } from './documents/repository';
import { listTags } from './documents/tags';
import type { ImportJob } from './ingest/importer';
import { setEntityStatus, setMentionStatus, updateEntity } from './entities/actions';
import type { PlaceLookup } from './entities/curation';
import { createMention, deleteEntities, mergeEntities, relinkMention, setEntityAttributes, setPlace, splitAlias } from './entities/curation';
import { ExtractionRunner } from './entities/extraction';
import { addExtract, extractEntries, listExtracts, placeUnplaced, removeExtract } from './entities/gazetteerExtracts';
import { createKnowledge } from './entities/knowledge';
import { entityMentions, getEntity, getEntityDetail, listEntities, mentionsForDocument } from './entities/repository';
import type { EntityAnalyzer } from './entities/suggestions';
import { createEntityPipeline, locateResources, toPlaceOption } from './extract/pipeline';
import { graphHandlers } from './graph/handlers';
import type { Gazetteer } from './geo/gazetteer';
import { gazetteerDir, loadGazetteer } from './geo/gazetteer';
import { withExtraPlaces } from './geo/extraPlaces';
import { resolvePlaces } from './geo/resolve';
import { Importer } from './ingest/importer';
import { mapHandlers } from './map/handlers';
import { claimsHandlers } from './claims/handlers';
import { caseReader } from './claims/reading';
import { timelineHandlers } from './timeline/handlers';
import { ocrHandlers } from './ocr/handlers';
import { exchangeHandlers } from './exchange/handlers';
import { DEFAULT_LIMITS } from './ingest/types';
import { RecentCases } from './recentCases';

export interface EngineOptions extends CaseFileOptions {
  /** Folder for app state such as the recent cases list and the demo case; none in the CLI. */
  readonly stateDir?: string;
  /** The app's resources folder (demo documents, gazetteer, basemap, fonts). */
  readonly resourcesDir?: string;
  /** Where push events (import progress) go. */
  readonly emit?: EmitEvent;
}

export interface Engine {
  readonly handlers: Handlers<EngineChannel>;
  /** The open case, for in-process callers such as the CLI. */
  currentCase(): CaseFile | null;
  /** Starts an import into the open case; for the CLI, which waits for the report. */
  startImport(sources: Parameters<Importer['start']>[0], options?: Parameters<Importer['start']>[1]): ImportJob;
  /** Cancels imports and closes the open case, checkpointing its WAL so the file stands alone. */
  dispose(): void;
}

/** The open case and what serves it. */
interface OpenCase {
  readonly file: CaseFile;
  readonly importer: Importer;
  readonly extraction: ExtractionRunner;
  /** The bundled gazetteer plus the case's GeoNames extracts; built on first use, dropped when they change. */
  gazetteer: Gazetteer | null;
  hasExtracts: boolean;
  analyzer: EntityAnalyzer | null;
}

const DEMO_TITLE = 'Demo: Kalbajar border incident';

export function createEngine(options: EngineOptions = {}): Engine {
  const recent = new RecentCases(options.stateDir ?? null);
  // The model and bundled gazetteer load once, on first use, and serve every case; a case with
  // GeoNames extracts of its own gets a gazetteer (and so a pipeline) that knows their places too.
  let sharedAnalyzer: EntityAnalyzer | null = null;
  const resources = (): string => locateResources(options.resourcesDir);
  const bundledGazetteer = (): Gazetteer => loadGazetteer(gazetteerDir(resources()));
  const analyzerOver = (gazetteer: Gazetteer | null): EntityAnalyzer => {
    const pipeline = createEntityPipeline(resources(), gazetteer ?? undefined);
    return {
      analyze: (text) => pipeline.analyze(text),
      ...(pipeline.analyzeTokenized ? { analyzeTokenized: (text: string) => pipeline.analyzeTokenized!(text) } : {}),
      knowledge: createKnowledge(gazetteer ?? bundledGazetteer(), resources()),
      reader: caseReader,
    };
  };
  let current: OpenCase | null = null;
  const caseGazetteer = (open: OpenCase): Gazetteer => {
    if (open.gazetteer) return open.gazetteer;
    const entries = extractEntries(open.file.db);
    open.gazetteer = entries.length > 0 ? withExtraPlaces(bundledGazetteer(), entries) : bundledGazetteer();
    open.hasExtracts = entries.length > 0;
    return open.gazetteer;
  };
  const caseAnalyzer = (open: OpenCase): EntityAnalyzer => {
    const gazetteer = caseGazetteer(open);
    if (!open.hasExtracts) return (sharedAnalyzer ??= analyzerOver(null));
    return (open.analyzer ??= analyzerOver(gazetteer));
  };
  /** The gazetteer's best place for a name typed by hand, with the document around it as context. */
  const findPlace = (name: string, documentText: string): PlaceLookup | undefined => {
    const [resolved] = resolvePlaces(caseGazetteer(requireCase()), [{ text: name, start: 0, end: name.length }], `${name}\n${documentText}`);
    if (!resolved?.candidate) return undefined;
    return { chosen: toPlaceOption(resolved.candidate), confidence: resolved.confidence, candidates: resolved.candidates.map(toPlaceOption) };
  };

  const closeCurrent = (): void => {
    if (!current) return;
    const closing = current;
    current = null;
    closing.importer.cancelAll();
    closing.extraction.cancelAll();
    closing.file.db.pragma('wal_checkpoint(TRUNCATE)');
    closing.file.db.close();
  };

  const requireCase = (): OpenCase => {
    if (!current) throw new DossierError('no-case-open', 'No case is open; open or create a case first.');
    return current;
  };
  const db = () => requireCase().file.db;

  const adopt = (file: CaseFile): CaseFile => {
    closeCurrent();
    const open: OpenCase = {
      file,
      importer: new Importer(file.db, options.emit, DEFAULT_LIMITS, () => caseAnalyzer(open)),
      extraction: new ExtractionRunner(file.db, options.emit, () => caseAnalyzer(open)),
      gazetteer: null,
      hasExtracts: false,
      analyzer: null,
    };
    current = open;
    recent.remember(file.path, describeCase(file.db, file.path).title);
    return file;
  };

  const startImport: Engine['startImport'] = (sources, importOptions) => requireCase().importer.start(sources, importOptions);

  const openDemo = async () => {
    if (!options.stateDir || !options.resourcesDir) {
      throw new DossierError('not-found', 'The demo case needs the app\'s resources; it is not available here.');
    }
    const demoFolder = join(options.resourcesDir, 'demo');
    const path = join(options.stateDir, 'demo', 'Dossier demo.dossier');
    if (existsSync(path)) return adopt(openCaseFile(path, options));
    if (!existsSync(demoFolder)) throw new DossierError('not-found', `The demo documents are missing from ${demoFolder}; reinstall Dossier.`);
    mkdirSync(join(options.stateDir, 'demo'), { recursive: true });
    const file = adopt(createCaseFile(path, DEMO_TITLE, options));
    updateCaseMeta(file.db, {
      description:
        'Fictional sample documents about a border incident near Kalbajar: ministry statements, news reports, a mission report (PDF) and an e-mail tip-off.',
    });
    const paths = readdirSync(demoFolder)
      .filter((name) => !name.startsWith('.') && name !== 'README.md')
      .sort()
      .map((name) => ({ path: join(demoFolder, name) }));
    await startImport(paths).finished;
    return file;
  };

  /** A place entity's stored candidates, then the gazetteer's places for each of its names. */
  const placeCandidates = (id: number): PlaceOption[] => {
    const entity = getEntityDetail(db(), id);
    const options = new Map((entity.place?.candidates ?? []).map((option) => [option.id, option]));
    for (const alias of [entity.name, ...entity.aliases]) {
      const gazetteer = caseGazetteer(requireCase());
      const found = gazetteer.lookup(alias);
      for (const candidate of found.length > 0 ? found : gazetteer.lookupBySkeleton(alias)) {
        if (options.size >= 50) break;
        if (!options.has(candidate.id)) options.set(candidate.id, toPlaceOption(candidate));
      }
    }
    return [...options.values()];
  };

  const handlers: Handlers<EngineChannel> = {
    'cases.create': ({ path, title }) => {
      const file = adopt(createCaseFile(path, title, options));
      return describeCase(file.db, file.path);
    },
    'cases.open': ({ path, readOnly }) => {
      const file = adopt(openCaseFile(path, { ...options, ...(readOnly ? { readOnly } : {}) }));
      return describeCase(file.db, file.path);
    },
    'cases.openDemo': async () => {
      const file = await openDemo();
      return describeCase(file.db, file.path);
    },
    'cases.close': () => {
      closeCurrent();
      return null;
    },
    'cases.current': () => (current ? describeCase(current.file.db, current.file.path) : null),
    'cases.update': (patch) => {
      const { file } = requireCase();
      updateCaseMeta(file.db, patch);
      const info = describeCase(file.db, file.path);
      recent.remember(file.path, info.title);
      return info;
    },
    'cases.check': () => checkCase(db()),
    'cases.recent': () => recent.list(),
    'cases.forgetRecent': ({ path }) => {
      recent.forget(path);
      return recent.list();
    },

    'documents.import': ({ sources, ocr }) => {
      const job = startImport(sources, ocr === undefined ? {} : { ocr });
      // The report arrives as the import.finished event; nothing waits on the promise here.
      job.finished.catch(() => undefined);
      return { jobId: job.jobId };
    },
    'documents.cancelImport': ({ jobId }) => {
      requireCase().importer.cancel(jobId);
      return null;
    },
    'documents.list': (query) => listDocuments(db(), query),
    'documents.get': ({ id, search }) => readDocument(db(), id, search),
    'documents.update': ({ id, ...patch }) => {
      updateDocument(db(), id, patch);
      return readDocument(db(), id);
    },

    'tags.list': () => listTags(db()),
    'tags.create': ({ name, color }) => createTag(db(), name, color),
    'tags.update': ({ id, ...patch }) => updateTag(db(), id, patch),
    'tags.merge': ({ sourceId, targetId }) => mergeTags(db(), sourceId, targetId),
    'tags.delete': ({ id }) => {
      removeTagEverywhere(db(), id);
      return null;
    },
    'tags.apply': ({ tag, documentIds, action }) => applyTag(db(), tag, documentIds, action),

    'notes.list': ({ documentId }) => listNotes(db(), documentId),
    'notes.create': (input) => createNote(db(), input),
    'notes.update': ({ id, ...patch }) => {
      updateNote(db(), id, patch);
      return getNote(db(), id);
    },
    'notes.delete': ({ id }) => {
      removeNote(db(), id);
      return null;
    },

    'entities.list': (query) => listEntities(db(), query),
    'entities.update': ({ id, ...patch }) => updateEntity(db(), id, patch),
    'entities.setStatus': ({ ids, status }) => ({ changed: setEntityStatus(db(), ids, status) }),
    'entities.get': ({ id }) => getEntityDetail(db(), id),
    'entities.mentions': ({ id, limit, offset }) => entityMentions(db(), id, { limit, offset }),
    'entities.merge': ({ targetId, sourceIds }) => getEntity(db(), mergeEntities(db(), targetId, sourceIds)),
    'entities.splitAlias': ({ id, alias }) => getEntity(db(), splitAlias(db(), id, alias)),
    'entities.delete': ({ ids }) => ({ deleted: deleteEntities(db(), ids) }),
    'entities.setAttributes': ({ id, ...patch }) => {
      setEntityAttributes(db(), id, patch);
      return getEntityDetail(db(), id);
    },
    'entities.setPlace': (input) => {
      if ('candidateId' in input) {
        const candidate = placeCandidates(input.id).find((option) => option.id === input.candidateId);
        if (!candidate) throw new DossierError('not-found', `"${input.candidateId}" is not one of this place's candidates; pick one from the list.`);
        setPlace(db(), input.id, { candidate });
      } else {
        setPlace(db(), input.id, { lat: input.lat, lon: input.lon });
      }
      return getEntityDetail(db(), input.id);
    },
    'entities.placeCandidates': ({ id }) => placeCandidates(id),
    'entities.extract': ({ documentIds }) => {
      const job = requireCase().extraction.start(documentIds);
      job.finished.catch(() => undefined);
      return { jobId: job.jobId };
    },
    'entities.cancelExtract': ({ jobId }) => {
      requireCase().extraction.cancel(jobId);
      return null;
    },
    'gazetteer.extracts': () => listExtracts(db()),
    'gazetteer.addExtract': ({ path }) => {
      const open = requireCase();
      const added = addExtract(open.file.db, path);
      open.gazetteer = null;
      open.analyzer = null;
      return { ...added, placed: placeUnplaced(open.file.db, findPlace) };
    },
    'gazetteer.removeExtract': ({ id }) => {
      const open = requireCase();
      removeExtract(open.file.db, id);
      open.gazetteer = null;
      open.analyzer = null;
      return listExtracts(open.file.db);
    },
    'mentions.create': (input) => createMention(db(), input, findPlace),
    'mentions.relink': ({ id, ...change }) => relinkMention(db(), id, change, findPlace),
    'mentions.forDocument': ({ documentId }) => mentionsForDocument(db(), documentId),
    'mentions.setStatus': ({ id, status }) => setMentionStatus(db(), id, status),

    'briefings.list': () => listBriefings(db()),
    'briefings.get': ({ id }) => getBriefing(db(), id),
    'briefings.draft': () => defaultBriefing(describeCase(db(), requireCase().file.path).title, new Date().toISOString().slice(0, 10)),
    'briefings.save': ({ id, spec }) => saveBriefing(db(), spec, id),
    'briefings.delete': ({ id }) => {
      deleteBriefing(db(), id);
      return null;
    },
    'briefings.export': ({ spec, path, overwrite }) => {
      const open = requireCase();
      return exportBriefing(open.file.db, spec, path, { resourcesDir: resources(), caseTitle: describeCase(open.file.db, open.file.path).title, overwrite });
    },
    ...graphHandlers(db, () => describeCase(db(), requireCase().file.path).title),
    ...mapHandlers(db),
    ...claimsHandlers(db),
    ...timelineHandlers(db),
    ...ocrHandlers(db),
    ...exchangeHandlers(db, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),

    'history.undo': () => undoOrRedo(db(), 'undo'),
    'history.redo': () => undoOrRedo(db(), 'redo'),
  };

  return {
    handlers,
    currentCase: () => current?.file ?? null,
    startImport,
    dispose: closeCurrent,
  };
}
