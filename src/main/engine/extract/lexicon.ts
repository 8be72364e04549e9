// Hand-written word lists the tagger sees as features (countries, demonyms, titles, cue words).
// They are features, not rules: the trained weights decide how much each list counts.

/** Lexicon classes; a token inside a multi-word match gets the class of the longest match. */
export const LexiconClass = {
  none: 0,
  country: 1,
  demonym: 2,
  title: 3,
  organizationCue: 4,
  locationCue: 5,
  place: 6,
  calendar: 7,
  personCue: 8,
  gazetteer: 9,
} as const;
export type LexiconClassValue = (typeof LexiconClass)[keyof typeof LexiconClass];

const countries = `Afghanistan|Albania|Algeria|Andorra|Angola|Antigua and Barbuda|Argentina|Armenia|Australia|Austria|Azerbaijan|
Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia|Bosnia and Herzegovina|Herzegovina|Botswana|
Brazil|Brunei|Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Cape Verde|Central African Republic|Chad|Chile|China|
Colombia|Comoros|Congo|Democratic Republic of the Congo|Costa Rica|Croatia|Cuba|Cyprus|Czech Republic|Czechia|Denmark|Djibouti|
Dominica|Dominican Republic|East Timor|Timor-Leste|Ecuador|Egypt|El Salvador|Equatorial Guinea|Eritrea|Estonia|Eswatini|Swaziland|
Ethiopia|Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Grenada|Guatemala|Guinea|Guinea-Bissau|Guyana|Haiti|
Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Ivory Coast|Jamaica|Japan|Jordan|Kazakhstan|Kenya|
Kiribati|Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|
Malawi|Malaysia|Maldives|Mali|Malta|Marshall Islands|Mauritania|Mauritius|Mexico|Micronesia|Moldova|Monaco|Mongolia|Montenegro|
Morocco|Mozambique|Myanmar|Burma|Namibia|Nauru|Nepal|Netherlands|Holland|New Zealand|Nicaragua|Niger|Nigeria|North Korea|
North Macedonia|Macedonia|Norway|Oman|Pakistan|Palau|Palestine|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|
Portugal|Qatar|Romania|Russia|Russian Federation|Rwanda|Saint Lucia|Samoa|San Marino|Saudi Arabia|Senegal|Serbia|Seychelles|
Sierra Leone|Singapore|Slovakia|Slovenia|Solomon Islands|Somalia|South Africa|South Korea|Korea|South Sudan|Spain|Sri Lanka|
Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|Tanzania|Thailand|Togo|Tonga|Trinidad and Tobago|Tunisia|Turkey|
Türkiye|Turkmenistan|Tuvalu|Uganda|Ukraine|United Arab Emirates|UAE|United Kingdom|UK|U.K.|Britain|Great Britain|England|
Scotland|Wales|Northern Ireland|United States|United States of America|USA|U.S.|U.S.A.|US|America|Uruguay|Uzbekistan|Vanuatu|
Vatican|Vatican City|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|Soviet Union|USSR|Yugoslavia|Czechoslovakia|Tibet|Greenland|
Puerto Rico|Hong Kong|Macau|Gaza|Gaza Strip|West Bank|Crimea|Abkhazia|Chechnya|Kurdistan|Nagorno-Karabakh|Karabakh|Transnistria`;

const places = `Africa|Asia|Europe|North America|South America|Latin America|Antarctica|Oceania|Middle East|Near East|Far East|
Caucasus|South Caucasus|Balkans|Scandinavia|Siberia|Arctic|Atlantic|Pacific|Mediterranean|Black Sea|Caspian Sea|Red Sea|
Baltic|Persian Gulf|Gulf|Sahara|Sahel|Himalayas|Alps|Andes|Danube|Nile|Amazon|Mississippi|Euphrates|Tigris|Yangtze|
Kabul|Tirana|Algiers|Luanda|Buenos Aires|Yerevan|Canberra|Sydney|Melbourne|Vienna|Baku|Manama|Dhaka|Minsk|Brussels|
Sarajevo|Brasilia|Rio de Janeiro|Sao Paulo|São Paulo|Sofia|Phnom Penh|Ottawa|Toronto|Montreal|Vancouver|Santiago|Beijing|
Shanghai|Bogota|Bogotá|Zagreb|Havana|Nicosia|Prague|Copenhagen|Cairo|Addis Ababa|Helsinki|Paris|Marseille|Lyon|Tbilisi|
Berlin|Munich|Hamburg|Frankfurt|Accra|Athens|Budapest|Reykjavik|New Delhi|Delhi|Mumbai|Bombay|Calcutta|Kolkata|Jakarta|
Tehran|Baghdad|Basra|Mosul|Dublin|Jerusalem|Tel Aviv|Rome|Milan|Naples|Venice|Tokyo|Osaka|Kyoto|Amman|Astana|Almaty|
Nairobi|Pristina|Kuwait City|Bishkek|Vientiane|Riga|Beirut|Tripoli|Benghazi|Vilnius|Kuala Lumpur|Bamako|Valletta|
Mexico City|Chisinau|Ulaanbaatar|Podgorica|Rabat|Casablanca|Maputo|Kathmandu|Amsterdam|Rotterdam|The Hague|Wellington|
Auckland|Managua|Abuja|Lagos|Pyongyang|Skopje|Oslo|Muscat|Islamabad|Karachi|Lahore|Panama City|Lima|Manila|Warsaw|Lisbon|
Doha|Bucharest|Moscow|St. Petersburg|Saint Petersburg|Kigali|Riyadh|Jeddah|Mecca|Medina|Dakar|Belgrade|Freetown|Bratislava|
Ljubljana|Mogadishu|Pretoria|Johannesburg|Cape Town|Seoul|Juba|Madrid|Barcelona|Colombo|Khartoum|Stockholm|Bern|Geneva|
Zurich|Damascus|Aleppo|Taipei|Dushanbe|Dodoma|Bangkok|Tunis|Ankara|Istanbul|Ashgabat|Kampala|Kyiv|Kiev|Kharkiv|Odesa|Odessa|
Donetsk|Luhansk|Mariupol|Abu Dhabi|Dubai|London|Manchester|Liverpool|Birmingham|Edinburgh|Glasgow|Cardiff|Belfast|
Washington|New York|New York City|Los Angeles|Chicago|Houston|Boston|San Francisco|Philadelphia|Seattle|Miami|Atlanta|
Dallas|Detroit|Montevideo|Tashkent|Caracas|Hanoi|Ho Chi Minh City|Saigon|Sanaa|Aden|Lusaka|Harare|Stepanakert|Shusha|
Ganja|Gyumri|Nakhchivan|Sumgait|Kalbajar|Lachin|Agdam|Fuzuli|Jabrayil|Zangilan|Qubadli|Tavush|Syunik|Ararat|Goris|
California|Texas|Florida|Alabama|Alaska|Arizona|Arkansas|Colorado|Connecticut|Delaware|Hawaii|Idaho|Illinois|Indiana|
Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Missouri|Montana|Nebraska|Nevada|
New Hampshire|New Jersey|New Mexico|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|
South Carolina|South Dakota|Tennessee|Utah|Vermont|Virginia|West Virginia|Wisconsin|Wyoming|Ontario|Quebec|
British Columbia|Alberta|Bavaria|Catalonia|Andalusia|Sicily|Sardinia|Corsica|Tuscany|Lombardy|Normandy|Brittany|Provence|
Kashmir|Punjab|Bengal|Xinjiang|Donbas|Darfur|Kurdistan|Anatolia|Yorkshire|Kent|Essex|Cornwall|Lancashire`;

const demonyms = `Afghan|Albanian|Algerian|American|Andorran|Angolan|Argentine|Argentinian|Armenian|Australian|Austrian|
Azerbaijani|Azeri|Bahraini|Bangladeshi|Belarusian|Belgian|Bolivian|Bosnian|Brazilian|British|Bulgarian|Burmese|Cambodian|
Cameroonian|Canadian|Chadian|Chilean|Chinese|Colombian|Congolese|Croatian|Cuban|Cypriot|Czech|Danish|Dutch|Ecuadorian|
Egyptian|English|Eritrean|Estonian|Ethiopian|European|Filipino|Finnish|French|Georgian|German|Ghanaian|Greek|Guatemalan|
Haitian|Honduran|Hungarian|Icelandic|Indian|Indonesian|Iranian|Iraqi|Irish|Israeli|Italian|Ivorian|Jamaican|Japanese|
Jordanian|Kazakh|Kenyan|Korean|Kosovar|Kurdish|Kuwaiti|Kyrgyz|Lao|Latvian|Lebanese|Liberian|Libyan|Lithuanian|Malaysian|
Malian|Maltese|Mexican|Moldovan|Mongolian|Montenegrin|Moroccan|Mozambican|Namibian|Nepalese|Nepali|Nicaraguan|Nigerian|
Nigerien|Norwegian|Omani|Pakistani|Palestinian|Panamanian|Paraguayan|Persian|Peruvian|Polish|Portuguese|Qatari|Romanian|
Russian|Rwandan|Saudi|Scottish|Senegalese|Serbian|Slovak|Slovenian|Somali|Spanish|Sudanese|Swedish|Swiss|Syrian|Taiwanese|
Tajik|Tanzanian|Thai|Tunisian|Turkish|Turkmen|Ugandan|Ukrainian|Uruguayan|Uzbek|Venezuelan|Vietnamese|Welsh|Yemeni|
Zambian|Zimbabwean|Soviet|African|Asian|Arab|Arabic|Latin|Western|Eastern|Caucasian|Balkan|Scandinavian|Nordic|Baltic|
Karabakh|Chechen|Tatar|Uyghur|Pashtun|Sunni|Shia|Shiite|Muslim|Christian|Jewish|Catholic|Orthodox|Protestant|Hindu|Buddhist|
Armenians|Azerbaijanis|Russians|Americans|Ukrainians|Israelis|Palestinians|Iranians|Iraqis|Syrians|Afghans|Kurds|Arabs|
Europeans|Germans|Turks|Georgians|Chinese|Indians|Pakistanis|Britons|Canadians|Australians|Italians|Poles|Serbs|Croats`;

const titles = `Mr|Mr.|Mrs|Mrs.|Ms|Ms.|Dr|Dr.|Prof|Prof.|Sir|Dame|Lord|Lady|President|Vice President|Prime Minister|
Deputy Prime Minister|Minister|Foreign Minister|Defence Minister|Defense Minister|Interior Minister|Finance Minister|
Chancellor|Premier|King|Queen|Prince|Princess|Emperor|Pope|Sheikh|Emir|Sultan|Ayatollah|Pastor|Father|Rev.|Reverend|
Bishop|Archbishop|Cardinal|General|Gen.|Lt.|Lieutenant|Colonel|Col.|Major|Maj.|Captain|Capt.|Sergeant|Sgt.|Admiral|Marshal|
Commander|Governor|Gov.|Senator|Sen.|Rep.|Representative|Congressman|Congresswoman|Mayor|Ambassador|Secretary|
Secretary of State|Secretary-General|Spokesman|Spokeswoman|Spokesperson|Chairman|Chairwoman|Director|CEO|Judge|Justice|
Chief|Speaker|Deputy|Officer|Professor|Saint|St.|Lord|Baron|Count|Duke|Duchess|Patriarch|Imam|Rabbi|Coach|Manager`;

const organizationCues = `Ministry|Ministry of Defense|Ministry of Defence|Ministry of Foreign Affairs|Foreign Ministry|Defense Ministry|
Defence Ministry|Interior Ministry|Army|Forces|Armed Forces|Navy|Air Force|Police|Party|Inc|Inc.|Corp|Corp.|Corporation|Co.|
Ltd|Ltd.|LLC|PLC|plc|Group|Holdings|Company|Agency|Council|Commission|Committee|University|College|Institute|School|Academy|
Bank|Fund|Foundation|Association|Society|Union|Federation|League|Club|FC|Organization|Organisation|Office|Department|
Bureau|Service|Services|Authority|Assembly|Parliament|Congress|Senate|Court|Tribunal|Government|Cabinet|Administration|
Church|Brigade|Battalion|Regiment|Division|Corps|Guard|Front|Movement|Alliance|Coalition|Network|Times|Post|News|Press|
Radio|Television|TV|Records|Bulletin|Airlines|Airways|Motors|Industries|Systems|Technologies|Studios|Entertainment|Hospital|Museum|
United Nations|UN|U.N.|NATO|EU|European Union|OSCE|Red Cross|Interfax|Reuters|AP|AFP|BBC|CNN|TASS|Kremlin|Pentagon|
White House|State Department|Security Council|Pentagon|Orchestra|Philharmonic|Symphony|Band|Choir|Ensemble|Quartet|Team|
United|Rovers|Athletic|Wanderers|Labs|Software|Games|Publishing|Publishers|Magazine|Journal|Gazette|Herald|Tribune|
Chronicle|Broadcasting|Channel|Partners|Trust|Conservatory|Seminary|Polytechnic|Enterprises|Incorporated|Limited|GmbH|AG|
Pictures|Films|Productions|Media|Comics|Books|Pharmaceuticals|Railway|Railways|Ministries|Institution|Cooperative`;

const locationCues = `village|town|city|region|district|province|county|state|capital|republic|island|islands|river|lake|
mountain|mountains|valley|border|territory|municipality|oblast|raion|governorate|prefecture|suburb|near|in|from|to|at|
North|South|East|West|Northern|Southern|Eastern|Western|Central|Upper|Lower|Lake|Mount|Mt.|River|Island|Bay|Cape|Port|Fort|
Street|Road|Avenue|Square|Valley|County|Province|Region|District|Island|Islands|Peninsula|Desert|Sea|Ocean|Strait|Gulf`;

const personCues = `said|says|told|added|stressed|according|spokesman|spokeswoman|son|daughter|wife|husband|born|died|
Jr.|Jr|Sr.|Sr|III|II|de|van|von|bin|ibn|al|el|da|di|del|der|le|la`;

const calendar = `January|February|March|April|May|June|July|August|September|October|November|December|Jan.|Feb.|Mar.|
Apr.|Aug.|Sept.|Sep.|Oct.|Nov.|Dec.|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Christmas|Easter|Ramadan`;

function entries(list: string): string[] {
  return list
    .split('|')
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);
}

/** Every list with its class; later lists win when a phrase appears in two. */
export function lexiconEntries(): Array<[string, LexiconClassValue]> {
  const result: Array<[string, LexiconClassValue]> = [];
  const add = (list: string, kind: LexiconClassValue): void => {
    for (const entry of entries(list)) result.push([entry, kind]);
  };
  add(calendar, LexiconClass.calendar);
  add(personCues, LexiconClass.personCue);
  add(locationCues, LexiconClass.locationCue);
  add(places, LexiconClass.place);
  add(demonyms, LexiconClass.demonym);
  add(organizationCues, LexiconClass.organizationCue);
  add(titles, LexiconClass.title);
  add(countries, LexiconClass.country);
  return result;
}

/** Title words; a hyphened word is one when each part is ("major-general", "vice-president", "lieutenant-colonel"). */
class TitleWords extends Set<string> {
  override has(word: string): boolean {
    return super.has(word) || (word.includes('-') && word.split('-').every((part) => super.has(part)));
  }
}

/** Lower-cased single words that are titles, for stripping them from person mentions. */
export function titleWords(): Set<string> {
  const words = new TitleWords();
  for (const entry of entries(titles)) for (const word of entry.split(' ')) words.add(word.toLowerCase());
  // Words of titles outside the tagger's list (it was trained with that list): "Junior Sergeant", "Lance Corporal".
  for (const word of ['foreign', 'defense', 'defence', 'interior', 'finance', 'vice', 'deputy', 'of', 'state', 'prime', 'former', 'late', 'junior', 'senior', 'corporal', 'lance', 'private'])
    words.add(word);
  return words;
}

/** Lower-cased demonyms: on their own they are not places (see README). */
export function demonymWords(): Set<string> {
  return new Set(entries(demonyms).map((entry) => entry.toLowerCase()));
}

/** Lower-cased country names, so that "U.S." is typed as a place even when the tagger says organisation. */
export function countryNames(): Set<string> {
  return new Set(entries(countries).map((entry) => entry.toLowerCase()));
}

/** The one-word organisation cues, capitalised ("Corporation", "University"), for the head-word rule of index.ts. */
export function organizationHeadWords(): string[] {
  return entries(organizationCues).filter((entry) => /^\p{Lu}\p{Ll}+$/u.test(entry));
}
