/** Gathers a briefing's content from the case: each section of the spec in turn, citing as it goes. */
import type { Database } from 'better-sqlite3';
import type { BriefingSpec } from '../../../shared/briefing';
import { sectionTitles } from '../../../shared/briefing';
import { Citations } from './citations';
import type { BriefingContent, SectionContent } from './content';
import { accountsSection, chronologySection, excerptsSection } from './documentSections';
import { actorsSection, placesSection, relationshipsSection } from './entitySections';

/** The content of the briefing `spec` describes, with its endnotes, read from the case in `db`. */
export function gatherBriefing(db: Database, spec: BriefingSpec, caseTitle: string): BriefingContent {
  const citations = new Citations(db);
  const sections = spec.sections.map((section): SectionContent => {
    switch (section.kind) {
      case 'actors':
        return actorsSection(db, section, citations);
      case 'places':
        return placesSection(db, section);
      case 'relationships':
        return relationshipsSection(db, section, citations);
      case 'chronology':
        return chronologySection(db, section, citations);
      case 'accounts':
        return accountsSection(db, section, citations);
      case 'excerpts':
        return excerptsSection(db, section, citations);
      case 'notes':
        return { kind: 'notes', title: section.title || sectionTitles.notes, text: section.text };
    }
  });
  return { spec, caseTitle, sections, endnotes: citations.endnotes };
}
