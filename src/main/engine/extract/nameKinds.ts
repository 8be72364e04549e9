// Rules that say what kind of name a span is from the words of the name and the text around it (a head word, a
// definition, a place's region), and where a person's name stops. index.ts runs them with those of nameRules.ts.
import { closedClass, headOf, organizationHeads } from './nameRules';
import type { Span } from './nameRules';
import { sentenceStartSet } from './tokenize';
import type { Tokens } from './tokenize';

/** Words that end the names of places and buildings and are no one's surname ("Shah Mosque", "Łódzkie Voivodship"). */
const placeHeads = new Set(
  `Mosque Palace Cathedral Basilica Monastery Abbey Temple Synagogue Square Street Avenue Boulevard Road Lane Airport Station Stadium Arena
  Reserve Island Islands River Mountains Valley Bay Peninsula Desert Strait Canal Harbour Harbor Province County District Region Prefecture
  Oblast Governorate Voivodship Voivodeship Municipality Township Fortress Citadel Gate Plaza Boulevard Highway Expressway
  Bridge Tower Towers Tunnel Dam Lighthouse Pier Cemetery Memorial Monument Mausoleum Chapel Theatre Theater Hotel Hospital Library Museum
  Gallery Zoo Mall Cinema Casino Prison Barracks Centre Center`.split(/\s+/),
);

/**
 * Words that end the names of land, water and the divisions of a country, which no organisation's name ends in ("Ayalon
 * Cave", "Niger River", "Bov Parish", "Ottoman Empire"). Words that also end teams' and clubs' names ("Tampa Bay",
 * "Nottingham Forest") and a school's or a court's district are left out.
 */
const featureHeads = new Set(
  `River Lake Mountains Mountain Island Islands Peninsula Cave Caves Valley Sea Ocean Desert Plateau Strait Gulf Canyon Glacier Creek
  Falls Delta Basin Parish County Province Prefecture Oblast Governorate Voivodship Voivodeship Empire`.split(/\s+/),
);

/**
 * A name the tagger typed as a person that ends in a word for a place or a building is that place: "Ali Qapu Palace";
 * one it typed as an organisation that ends in a word for land, water or a country's division is that place too.
 */
export function headedPlaces(tokens: Tokens, spans: Span[]): void {
  for (const span of spans) {
    if (span.end - span.first < 2) continue;
    const head = tokens.words[span.end - 1]!;
    if ((span.type === 'person' && placeHeads.has(head)) || (span.type === 'organization' && featureHeads.has(head))) span.type = 'location';
  }
}

/**
 * "Salem, New Jersey", "Debden, England": a name written with a comma and then a country or a state, which the text
 * goes on from (a comma, a full stop, a bracket, the end), is a town in it, even where the tagger read it as a person.
 * Not when the place goes on a list ("Pashinyan, Armenia and Azerbaijan") or is a possessive ("Jones, Britain's
 * envoy"), nor after a title ("Governor Abbott, Texas"). `isRegion(first, end)` says whether a span is a country or
 * a state of the tagger's place lists. Returns the spans with the towns it found untagged.
 */
export function placesInTheirRegion(tokens: Tokens, spans: Span[], titles: ReadonlySet<string>, isRegion: (first: number, end: number) => boolean): Span[] {
  const { words } = tokens;
  const startingAt = new Map(spans.map((span) => [span.first, span]));
  const goesOn = new Set([',', '.', ';', ':', ')', '(', '—', '–']);
  const regionAfter = (comma: number): boolean => {
    if (words[comma] !== ',') return false;
    const region = startingAt.get(comma + 1);
    if (!region || region.type !== 'location' || !isRegion(region.first, region.end)) return false;
    const after = words[region.end];
    return after === undefined || goesOn.has(after);
  };
  for (const span of spans) {
    if (span.type !== 'person' || !regionAfter(span.end)) continue;
    if (span.first > 0 && titles.has(words[span.first - 1]!.toLowerCase())) continue;
    span.type = 'location';
  }
  // "born in Little Falls, Minnesota,", "at Mouchak, Gazipur": an untagged name after "in", "at", "near" or "from",
  // written with its region, is a town there too.
  const taken = new Uint8Array(words.length);
  for (const span of spans) taken.fill(1, span.first, span.end);
  const added: Span[] = [];
  for (let index = 1; index < words.length; index += 1) {
    if (!locativePrepositions.has(words[index - 1]!) || taken[index] || !/^\p{Lu}\p{Ll}/u.test(words[index]!)) continue;
    let end = index;
    while (end < words.length && end - index < 3 && !taken[end] && /^\p{Lu}\p{Ll}/u.test(words[end]!)) end += 1;
    if (end > index && regionAfter(end)) added.push({ first: index, end, type: 'location' });
  }
  return added.length === 0 ? spans : [...spans, ...added].sort((a, b) => a.first - b.first);
}

const locativePrepositions = new Set(['in', 'at', 'near', 'from']);

/**
 * "Professor Amos Frumkin of the Hebrew University", "Kevin Reilly of the California Department of Health Services": a
 * person's name stops before "of" when what follows names an organisation (it has an organisation's head word): two
 * names, a person and the body they speak for, each an entity of its own for the analyst. A place after "of" stays in
 * the name ("Louis XV of France", "Hilary of Poitiers": bynames), and so does a title alone ("Duke of Edinburgh").
 */
export function peopleOfBodies(tokens: Tokens, spans: Span[], titles: ReadonlySet<string>): Span[] {
  const { words } = tokens;
  const result: Span[] = [];
  const ordered = [...spans].sort((a, b) => a.first - b.first);
  for (let at = 0; at < ordered.length; at += 1) {
    const span = ordered[at]!;
    let of = -1;
    // Looked for inside the span only: an indexOf over the rest of a long document for each person was quadratic.
    if (span.type === 'person') for (let index = span.first + 1; index < span.end - 1 && of < 0; index += 1) if (words[index] === 'of') of = index;
    if (of < 0) {
      result.push(span);
      continue;
    }
    const rest = words[of + 1] === 'the' ? of + 2 : of + 1;
    const named = words.slice(span.first, of).some((word) => !titles.has(word.toLowerCase()) && /^\p{Lu}/u.test(word));
    // The body's head word may have come apart as a name of its own ("Todd Domer of the Kansas Livestock" + "Association").
    const next = ordered[at + 1];
    const head = next && next.first === span.end && next.end === next.first + 1 && organizationHeads.has(words[next.first]!) ? next : undefined;
    const body = head !== undefined || words.slice(rest, span.end).some((word) => organizationHeads.has(word));
    if (!named || !body) {
      result.push(span);
      continue;
    }
    result.push({ first: span.first, end: of, type: 'person' }, { first: rest, end: head ? head.end : span.end, type: 'organization' });
    if (head) at += 1;
  }
  return result;
}

/** "Glen Jakovich & Shane Woewodin", "Fresquet and Angelo": two people, never one name. */
export function splitJoinedPeople(tokens: Tokens, spans: Span[]): Span[] {
  const { words } = tokens;
  const result: Span[] = [];
  for (const span of spans) {
    let first = span.first;
    if (span.type === 'person')
      for (let index = span.first + 1; index < span.end - 1; index += 1) {
        if (words[index] !== '&' && words[index] !== 'and') continue;
        if (index > first) result.push({ first, end: index, type: 'person' });
        first = index + 1;
      }
    result.push(first === span.first ? span : { first, end: span.end, type: span.type });
  }
  return result;
}

/**
 * "Engineer John Greiner", "Juniors Erique Dozier": a word otherwise written in small letters, capitalised before a
 * given name, says what the person is; the name starts at the given name. `isSmallWord` says whether the word list
 * has the word in small letters only; `isGivenName` takes the word in small letters.
 */
export function dropDescriptionsBeforeGivenNames(tokens: Tokens, spans: Span[], isSmallWord: (lowered: string) => boolean, isGivenName: (lowered: string) => boolean): void {
  const { words } = tokens;
  for (const span of spans) {
    if (span.type !== 'person' || span.end - span.first < 3) continue;
    const lowered = words[span.first]!.toLowerCase();
    if (isSmallWord(lowered) && isGivenName(words[span.first + 1]!.toLowerCase()) && !isGivenName(lowered)) span.first += 1;
  }
}

/** Nouns that say what kind of organisation a name is ("a Danish chain", "an American rock band"). */
const organizationNouns = new Set(
  `company firm chain group band organization organisation agency party bank airline carrier manufacturer maker retailer newspaper
  magazine broadcaster network team club university college charity foundation militia movement union association institute
  producer conglomerate subsidiary startup label publisher consortium corporation distributor supermarket brewery insurer lender
  ministry department council committee commission orchestra choir ensemble duo trio quartet outfit`.split(/\s+/),
);

const collectiveNouns = new Set(['group', 'chain', 'network', 'union', 'association', 'band', 'team', 'outfit']);

const definitionFollowers = new Set([',', '.', ';', ':', '(', ')', 'of', 'in', 'that', 'which', 'who', 'from', 'based', 'founded', 'with', 'and', 'for', 'on', 'at', 'headquartered', 'owned', 'operating', 'formed', 'by', 'whose']);

/** Nouns that say a name is a place ("Boultham is a village in Lincolnshire", "Champdor is a commune in …"). */
const placeNouns = new Set(
  `village town city municipality commune hamlet suburb district county province region parish island river lake mountain
  settlement neighbourhood neighborhood borough township capital port`.split(/\s+/),
);

/**
 * A name the text defines is what the text says: "Bilka is a Danish chain of hypermarkets", "Velvet Revolver, an
 * American hard rock band, …" are organisations, "Boultham is a village in Lincolnshire" a place. After the name: "is/was
 * a(n)" (at a sentence's start) or ", a(n)", up to three describing words in small letters or with a capital ("Danish",
 * "Moscow-based"), then an organisation or place noun that ends its phrase. An untagged capitalised name gets that type;
 * a name the tagger typed otherwise is retyped.
 */
export function definedNames(tokens: Tokens, tags: Uint8Array, spans: Span[]): Span[] {
  const { words } = tokens;
  const sentenceStart = sentenceStartSet(tokens);
  const spanEndingAt = new Map(spans.map((span) => [span.end, span]));
  const taken = new Uint8Array(words.length);
  for (const span of spans) taken.fill(1, span.first, span.end);
  /** The type the words from `at` define ("a Danish retailer", "a village in"), or null. */
  const definedType = (at: number): Span['type'] | null => {
    let index = at;
    if (words[index] !== 'a' && words[index] !== 'an') return null;
    index += 1;
    for (let describing = 0; describing < 4 && index < words.length; describing += 1, index += 1) {
      const word = words[index]!;
      const ends = index + 1 >= words.length || definitionFollowers.has(words[index + 1]!);
      // "a group of islands", "a chain of mountains": a collective noun before "of" says nothing of the kind.
      if (organizationNouns.has(word)) return ends && !(words[index + 1] === 'of' && collectiveNouns.has(word)) ? 'organization' : null;
      if (placeNouns.has(word)) return ends ? 'location' : null;
      if (!/^[\p{L}-]+$/u.test(word)) return null;
    }
    return null;
  };
  const added: Span[] = [];
  for (let index = 1; index < words.length; index += 1) {
    const copula = words[index] === 'is' || words[index] === 'was';
    const type = (words[index] === ',' || copula) && definedType(index + 1);
    if (!type) continue;
    const tagged = spanEndingAt.get(index);
    if (tagged) {
      if (copula && !sentenceStart.has(tagged.first) && !(tagged.first > 0 && sentenceStart.has(tagged.first - 1) && words[tagged.first - 1] === 'The')) continue;
      if (tagged.type !== 'other') tagged.type = type;
      continue;
    }
    // An untagged capitalised run that ends here.
    let first = index;
    while (first > 0 && !taken[first - 1] && tags[first - 1] === 0 && /^\p{Lu}/u.test(words[first - 1]!) && !sentenceStart.has(first)) first -= 1;
    if (first > 0 && !taken[first - 1] && tags[first - 1] === 0 && /^\p{Lu}/u.test(words[first - 1]!) && sentenceStart.has(first - 1)) first -= 1;
    if (first === index) continue;
    if (copula && !sentenceStart.has(first)) continue;
    // A lone sentence opener ("It is a band …", "This was a company …") names nothing.
    if (index - first === 1 && /^(?:It|This|That|There|He|She|They|What|Which|Who)$/u.test(words[first]!)) continue;
    added.push({ first, end: index, type });
  }
  return added.length === 0 ? spans : [...spans, ...added].sort((a, b) => a.first - b.first);
}

/** Words that make the name they head an event's or an award's ("MTV Video Music Awards", "Super Bowl", "Battle of Hulao"). */
const eventHeads = new Set(
  `Award Awards Prize Prizes Medal Trophy Bowl Cup Championship Championships Tournament Olympics Olympiad Marathon Festival War Wars
  Battle Siege Massacre Revolution Uprising`.split(/\s+/),
);

/**
 * An English name's head is its last word, or the word before its first "of": a name headed by a word for an event or an
 * award names that event or award, not an organisation, person or place ("NAACP Image Awards", "GMAC Bowl", "Battle of
 * Hulao", "Cold War").
 */
export function headedEvents(tokens: Tokens, spans: Span[]): void {
  for (const span of spans) if (span.type !== 'other' && span.end - span.first >= 2 && eventHeads.has(headOf(tokens.words, span))) span.type = 'other';
}

/**
 * Words that end the names of places, buildings, roads and events named after a town ("Boston Harbor", "Volgograd Arena",
 * "Bergen Blvd", "Avignon Festival"): such a name is no organisation's.
 */
const placeTails = new Set(
  `Stadium Arena Airport Station Bridge Street Road Avenue Park Square Hall Tower Castle Palace Cathedral Abbey Building Centre Center
  Harbour Harbor Beach Island Islands Valley Mountains Mountain Hills Hill Falls Springs Heights Gardens Garden Zoo Mall Market Temple Mosque
  Gate Wall Canal Dam Lake Lakes River Bay Coast Port Pass Forest Desert City Town County Province Region District State Territory Metro
  Line Highway Motorway Expressway Freeway Way Lane Drive Boulevard Quay Pier Dock Docks Field Fields Ground Grounds Common Green Estate Village
  North South East West Central Downtown Area Basin Plain Plains Peninsula Strait Sound Channel Reservoir Creek Glacier Cemetery Memorial
  Monument Church Chapel Hospital Museum Library Gallery Theatre Theater Prison Barracks Base Camp Fort Minster House Planetarium
  Prefecture Governorate Oblast Krai Okrug Raion Rayon Voivodeship Canton Emirate Borough Parish Shire Municipality Commune Racecourse Racetrack
  Observatory Cliffs Cliff St St. Rd Rd. Ave Ave. Blvd Blvd. Turnpike Parkway Tunnel Minor Major Festival War Prize Award Cup Open Marathon`.split(/\s+/),
);

/**
 * "the Boston Red Sox", "the Toronto Star": a name the tagger typed as a place that starts with a place and goes on
 * with words that are no place and no part of a place's name is an organisation named after its town (a team, a
 * newspaper, a company). `lexicon` is the tagger's list class per token (class * 2 + 1 at a phrase's first word).
 */
export function organizationsAfterPlaces(tokens: Tokens, spans: Span[], lexicon: Uint8Array, placeClasses: ReadonlySet<number>): void {
  const { words } = tokens;
  for (const span of spans) {
    if (span.type !== 'location' || span.end - span.first < 2) continue;
    const start = lexicon[span.first]!;
    if (start % 2 !== 1 || !placeClasses.has((start - 1) / 2)) continue;
    let rest = span.first + 1;
    while (rest < span.end && lexicon[rest] === start + 1) rest += 1;
    if (rest === span.end || rest === span.first) continue;
    // "the U.S. We …", "the U.S. Usually …": after an abbreviation's full stop, a capitalised function word or adverb
    // opens the next sentence (which the tokenizer could not tell); it names nothing.
    const opensSentence = (index: number): boolean => {
      const lowered = words[index]!.toLowerCase();
      return words[index - 1]!.endsWith('.') && (closedClass.has(lowered) || lowered.endsWith('ly'));
    };
    let plain = true;
    for (let index = rest; index < span.end && plain; index += 1) plain = lexicon[index] === 0 && /^\p{Lu}\p{Ll}/u.test(words[index]!) && !opensSentence(index);
    if (plain && !placeTails.has(words[span.end - 1]!)) span.type = 'organization';
  }
}

const placeCues = new Set(['village', 'town', 'city', 'region', 'province', 'district', 'county', 'settlement', 'municipality']);

/** The same words in the plural: "the villages of Lougou and Tougana" names each place of a list. */
const pluralPlaceCues = new Set(['villages', 'towns', 'cities', 'regions', 'provinces', 'districts', 'counties', 'settlements', 'municipalities']);

/**
 * Words that say the name after their "of" is a place, written in small letters: a town has a mayor, a place has
 * outskirts and suburbs, and a compass direction is taken from a place ("the mayor of Brampton", "on the outskirts of
 * Kabul", "40 km north of Baghdad").
 */
const placeOfCues = new Set(['mayor', 'outskirts', 'suburbs', 'north', 'south', 'east', 'west', 'northeast', 'northwest', 'southeast', 'southwest', 'north-east', 'north-west', 'south-east', 'south-west']);

/**
 * A name the text itself calls a place is one: "the village of Armudlu", "the villages of Lougou and Tougana", "the
 * mayor of Brampton", "north of Baghdad", and the apposition "Zar, a village in the Kalbajar district". An untagged
 * capitalised name becomes a place; a name the tagger typed otherwise is retyped.
 */
export function addCuedPlaces(tokens: Tokens, tags: Uint8Array, spans: Span[]): void {
  const { words } = tokens;
  const added: Span[] = [];
  const isName = (index: number): boolean => index < words.length && /^\p{Lu}[\p{L}\p{M}'’-]*$/u.test(words[index]!);
  const cueAt = (index: number): boolean => index < words.length && placeCues.has(words[index]!.toLowerCase());
  const spanEndingAt = new Map(spans.map((span) => [span.end, span]));
  const spanStartingAt = new Map(spans.map((span) => [span.first, span]));
  const sentenceStart = sentenceStartSet(tokens);
  /** The place named at `index` (tagged, or an untagged capitalised run); the index after it, or -1 when none is. */
  const placeAt = (index: number): number => {
    const tagged = spanStartingAt.get(index);
    if (tagged) {
      tagged.type = 'location';
      return tagged.end;
    }
    if (tags[index] !== 0 || !isName(index)) return -1;
    let end = index;
    while (end < words.length && tags[end]! === 0 && isName(end)) end += 1;
    added.push({ first: index, end, type: 'location' });
    return end;
  };
  for (let index = 2; index < words.length; index += 1) {
    if (words[index - 1] === 'of') {
      const cue = words[index - 2]!;
      // "village of X", "mayor of X", "north of X"
      if (cueAt(index - 2) || placeOfCues.has(cue)) placeAt(index);
      // "villages of X, Y and Z"
      else if (pluralPlaceCues.has(cue.toLowerCase())) {
        let next = placeAt(index);
        while (next > 0 && (words[next] === ',' || words[next] === 'and' || words[next] === 'or')) {
          const link = words[next] === ',' && (words[next + 1] === 'and' || words[next + 1] === 'or') ? next + 2 : next + 1;
          next = placeAt(link);
        }
      }
    }
    // "X, a village in …"
    if (words[index] === ',' && (words[index + 1] === 'a' || words[index + 1] === 'an') && cueAt(index + 2)) {
      const tagged = spanEndingAt.get(index);
      if (tagged) tagged.type = 'location';
      else if (tags[index - 1] === 0 && isName(index - 1)) {
        let first = index - 1;
        while (first > 0 && tags[first - 1]! === 0 && isName(first - 1) && !sentenceStart.has(first)) first -= 1;
        added.push({ first, end: index, type: 'location' });
      }
    }
  }
  if (added.length === 0) return;
  spans.push(...added);
  spans.sort((a, b) => a.first - b.first);
}

/** Prefixes navies and registers write before a ship's name ("USS Cole", "HMS Dragon", "FS Forbin", "MV Sirius Star"). */
const shipPrefixes = new Set(['USS', 'USNS', 'HMS', 'HMAS', 'HMCS', 'HMNZS', 'FS', 'INS', 'ROKS', 'TCG', 'MV', 'RFA', 'HNLMS', 'HDMS', 'FGS', 'ESPS', 'NRP', 'KRI', 'PNS', 'BNS', 'ARA']);

/**
 * A name after a ship's prefix is the ship's, not the person or place it is named after: "the frigate FS Forbin",
 * "USS Carl Vinson". The prefix joins the name, which is typed other (a vessel is neither actor nor place).
 */
export function namedShips(tokens: Tokens, spans: Span[]): Span[] {
  const { words } = tokens;
  const taken = new Uint8Array(words.length);
  for (const span of spans) {
    if (shipPrefixes.has(words[span.first]!) && span.end - span.first > 1) span.type = 'other';
    else if (span.first > 0 && shipPrefixes.has(words[span.first - 1]!)) {
      span.first -= 1;
      span.type = 'other';
    }
    taken.fill(1, span.first, span.end);
  }
  // A ship the tagger did not see at all ("the frigate FS Forbin joined …").
  const added: Span[] = [];
  const sentenceStart = sentenceStartSet(tokens);
  for (let index = 0; index + 1 < words.length; index += 1) {
    // Prefixes are two to five capitals: most words are passed over by their length or first letter alone.
    const word = words[index]!;
    const code = word.charCodeAt(0);
    if (word.length < 2 || word.length > 5 || code < 65 || code > 90 || !shipPrefixes.has(word) || taken[index] || taken[index + 1] || sentenceStart.has(index + 1) || !/^\p{Lu}\p{Ll}/u.test(words[index + 1]!)) continue;
    let end = index + 2;
    while (end < words.length && !taken[end] && !sentenceStart.has(end) && /^\p{Lu}\p{Ll}/u.test(words[end]!)) end += 1;
    added.push({ first: index, end, type: 'other' });
  }
  return added.length === 0 ? spans : [...spans, ...added].sort((a, b) => a.first - b.first);
}

/**
 * An English name's head is its last word, or the word before its first "of": a name the tagger
 * typed as a place or person whose head is an organisation word is an organisation. The tagger
 * weighs the place in "San Francisco Bulletin" over the word that says what it is.
 */
export function headedOrganizations(tokens: Tokens, spans: Span[]): void {
  const { words } = tokens;
  for (const span of spans) {
    if (span.end - span.first < 2 || (span.type !== 'location' && span.type !== 'person')) continue;
    if (organizationHeads.has(headOf(words, span)) || headFirstOrganizations.has(words[span.first]!)) span.type = 'organization';
  }
}

/**
 * The heads of organisations' names in the Romance languages, which come first ("Universidad Nacional de Educación a
 * Distancia", "Banco Santander", "Partido Popular", "Ministerio de Defensa", "Instituto Gonzaga"); English text
 * keeps such names as they are.
 */
const headFirstOrganizations = new Set(
  `Universidad Universidade Université Università Universitat Instituto Institut Istituto Banco Banque Banca Ministerio Ministério Ministère
  Ministero Partido Parti Partito Fundación Fundação Fondation Fondazione Biblioteca Bibliothèque Museo Musée Museu Compagnie Compañía
  Companhia Sociedad Société Società Sociedade Asociación Associação Federación Federação Fédération Federazione Colegio Collège Escuela
  École Consejo Conseil Consiglio Conselho Comité Comitato Agence Agencia Agenzia Agência Organización Organização Servicio Serviço
  Junta Frente Movimiento Movimento Mouvement Confederación Confédération Corporación Grupo Groupe Gruppo`.split(/\s+/),
);
