/**
 * Competing accounts: claims by speakers of different sides about the same event or the same
 * actors, where at least one accuses or denies, grouped so the analyst can set them side by side.
 *
 * Two claims are about the same thing when they come from one document (an article reporting a
 * dispute quotes both sides), or carry the same event (its type at the same place), or one names
 * the other's side in what it says. Speakers are of different sides when their affiliations (or,
 * for a government speaking through its capital or country, their own names) differ.
 */
import type { Database } from 'better-sqlite3';
import type { AccountGroup, Claim } from '../../../shared/claims';
import { statement } from '../case/statements';
import { liveMention } from '../entities/liveMentions';
import { listClaims, listEvents } from './repository';

/** Claims in a group beyond which the group is too broad to read as one dispute. */
const MAX_GROUP = 12;

export function competingAccounts(db: Database): AccountGroup[] {
  const claims = listClaims(db).filter((claim) => claim.speaker.entityId !== null);
  if (claims.length < 2) return [];
  const events = listEvents(db);
  const sideLabel = sideOf(db);
  const side = (entityId: number): string => sideLabel(entityId).toLowerCase();
  const mentioned = statement(
    db,
    `SELECT DISTINCT lower(e.name) AS name, lower(coalesce(json_extract(e.attributes, '$.affiliation'), '')) AS affiliation
     FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.document_id = ? AND m.start >= ? AND m.end <= ? AND ${liveMention('m')}`,
  );

  // Where each claim can meet its rivals: its document, the events it carries, the sides it names.
  const byKey = new Map<string, Claim[]>();
  const keysOf = new Map<number, string[]>();
  const add = (key: string, claim: Claim): void => void byKey.set(key, [...(byKey.get(key) ?? []), claim]);
  for (const claim of claims) {
    const keys = [`document:${claim.documentId}`];
    for (const event of events) if (event.claimId === claim.id && event.place?.entityId) keys.push(`event:${event.type}@${event.place.entityId}`);
    keysOf.set(claim.id, keys);
    for (const key of keys) add(key, claim);
    add(`side:${side(claim.speaker.entityId!)}`, claim);
  }
  const namedSides = (claim: Claim): string[] =>
    (mentioned.all(claim.documentId, claim.content.start, claim.content.end) as { name: string; affiliation: string }[]).flatMap((row) =>
      [row.name, row.affiliation].filter(Boolean).map((name) => `side:${name}`),
    );

  const parent = new Map<number, number>(claims.map((claim) => [claim.id, claim.id]));
  const find = (id: number): number => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    parent.set(id, root);
    return root;
  };
  for (const claim of claims) {
    const mySide = side(claim.speaker.entityId!);
    // One document or one event: the same story, whoever tells it.
    for (const key of keysOf.get(claim.id)!) for (const other of byKey.get(key) ?? []) parent.set(find(claim.id), find(other.id));
    // A claim naming another side meets that side's claims when one of the two accuses or denies.
    for (const key of namedSides(claim)) {
      for (const other of byKey.get(key) ?? []) {
        if (side(other.speaker.entityId!) === mySide || (!isDispute(claim) && !isDispute(other))) continue;
        parent.set(find(claim.id), find(other.id));
      }
    }
  }

  const groups = new Map<number, Claim[]>();
  for (const claim of claims) {
    const root = find(claim.id);
    groups.set(root, [...(groups.get(root) ?? []), claim]);
  }
  const result: AccountGroup[] = [];
  for (const [root, members] of groups) {
    if (new Set(members.map((claim) => side(claim.speaker.entityId!))).size < 2 || !members.some(isDispute)) continue;
    // One claim per speaker and stance reads best side by side; the rest stay in the reader.
    const seen = new Set<string>();
    const shown = members.filter((claim) => {
      const key = `${claim.speaker.entityId}:${claim.stance}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    const claimsShown = shown.slice(0, MAX_GROUP);
    const sides = new Map<string, number[]>();
    for (const claim of claimsShown) {
      const label = sideLabel(claim.speaker.entityId!);
      sides.set(label, [...(sides.get(label) ?? []), claim.id]);
    }
    result.push({
      key: `accounts:${root}`,
      topic: topicOf(members, events),
      claims: claimsShown,
      sides: [...sides].map(([label, claimIds]) => ({ side: label, claimIds })),
    });
  }
  return result.sort((a, b) => b.claims.length - a.claims.length);
}

const isDispute = (claim: Claim): boolean => claim.stance === 'accuses' || claim.stance === 'denies';

/** A speaker's side, as written: its affiliation when it has one, else its name. */
function sideOf(db: Database): (entityId: number) => string {
  const cache = new Map<number, string>();
  const read = statement(db, "SELECT name, json_extract(attributes, '$.affiliation') AS affiliation FROM entities WHERE id = ?");
  return (entityId) => {
    let side = cache.get(entityId);
    if (side === undefined) {
      const row = read.get(entityId) as { name: string; affiliation: string | null } | undefined;
      side = row?.affiliation || row?.name || String(entityId);
      cache.set(entityId, side);
    }
    return side;
  };
}

function topicOf(members: readonly Claim[], events: ReturnType<typeof listEvents>): string {
  const ids = new Set(members.map((claim) => claim.id));
  const documents = new Set(members.map((claim) => claim.documentId));
  const carried = events.filter((event) => (event.claimId !== null && ids.has(event.claimId)) || (documents.size === 1 && documents.has(event.documentId)));
  const event = carried.find((candidate) => candidate.place) ?? carried[0];
  if (event) return `${event.agent ? `${event.agent.name} ` : ''}${event.trigger.text}${event.place ? ` near ${event.place.name}` : ''}`;
  return documents.size === 1 ? members[0]!.documentTitle : `${[...new Set(members.map((claim) => claim.speaker.name))].join(', ')}`;
}
