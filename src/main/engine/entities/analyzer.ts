/**
 * The entity analyzer a case extracts with: the tagger pipeline over the bundled gazetteer (plus the
 * case's GeoNames extracts), what Dossier knows of actors and countries, and the reading layer. The
 * session builds it for the open case; an import's worker threads build the same one from a recipe.
 */
import { caseReader } from '../claims/reading';
import { createEntityPipeline, locateResources } from '../extract/pipeline';
import type { GeoNamesEntry } from '../geo/extraPlaces';
import { withExtraPlaces } from '../geo/extraPlaces';
import type { Gazetteer } from '../geo/gazetteer';
import { gazetteerDir, loadGazetteer } from '../geo/gazetteer';
import type { EntityAnalyzer } from './finder';
import { createKnowledge } from './knowledge';

/** What another thread needs to build a case's analyzer: plain data, given to a worker as it starts. */
export interface AnalyzerRecipe {
  readonly resourcesDir: string;
  /** The places of the case's GeoNames extracts; none for a case without. */
  readonly extracts: readonly GeoNamesEntry[];
}

/** The bundled gazetteer of a resources folder (loaded once per folder). */
export function bundledGazetteer(resourcesDir: string): Gazetteer {
  return loadGazetteer(gazetteerDir(locateResources(resourcesDir)));
}

/** The analyzer over the bundled gazetteer, or over `gazetteer` (the bundled one plus a case's extracts). */
export function createAnalyzer(resourcesDir: string, gazetteer: Gazetteer | null): EntityAnalyzer {
  const pipeline = createEntityPipeline(resourcesDir, gazetteer ?? undefined);
  return {
    analyze: (text) => pipeline.analyze(text),
    ...(pipeline.analyzeTokenized ? { analyzeTokenized: (text: string) => pipeline.analyzeTokenized!(text) } : {}),
    knowledge: createKnowledge(gazetteer ?? bundledGazetteer(resourcesDir), resourcesDir),
    reader: caseReader,
  };
}

/** The analyzer a recipe describes: the same as the session's for the case it came from. */
export function analyzerFromRecipe(recipe: AnalyzerRecipe): EntityAnalyzer {
  const gazetteer = recipe.extracts.length > 0 ? withExtraPlaces(bundledGazetteer(recipe.resourcesDir), recipe.extracts) : null;
  return createAnalyzer(recipe.resourcesDir, gazetteer);
}
