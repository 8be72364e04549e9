// The lookup key of a place name, shared by the gazetteer build (scripts/build-gazetteer.mjs) and the loader.
import { foldText, spellingSkeleton } from '../../../shared/textFolding';

/**
 * Folded name with punctuation that spellings disagree on removed: "U.S." → "us",
 * "Nagorno-Karabakh" → "nagorno karabakh", "Kəlbəcər" → "kelbecer". The build stores these keys, so
 * changing this function needs a rebuild of resources/gazetteer.
 */
export function placeKey(name: string): string {
  return foldText(name)
    .replace(/[.'’`ʻʼ"“”]/g, '')
    .replace(/[\s\-‐‑–—_,/()]+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

/** Spelling skeleton of a place key, word by word so that "nagorno karabakh" keeps its break. */
export function skeletonKey(key: string): string {
  return key.split(' ').map((word) => spellingSkeleton(word)).join(' ');
}
