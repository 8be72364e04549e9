/** The time finder on real sentences (English, with their sources) and constructed Russian ones. */
import { describe, expect, it } from 'vitest';
import type { Expected } from '../../../../../tests/support/timeExpectations';
import { expected, summary } from '../../../../../tests/support/timeExpectations';
import { findTimes } from './index';

/**
 * Real sentences, each with the document date it is read against. re3d (dstl/re3d, in the shared
 * data): centcom/ and us-state-department/ are US Government works in the public domain,
 * uk-government/ is under the Open Government Licence v3.0, australian-department-of-foreign-affairs/
 * under CC BY 3.0 AU. GeoVirus: Wikinews articles, CC BY 2.5. re3d's documents carry no date, so
 * the dates given are ones a reader of the statement would plausibly have; the expectations follow
 * from them.
 */
const CASES: { source: string; sentence: string; date?: string; times: Expected[] }[] = [
  {
    source: 're3d centcom (public domain)',
    sentence: 'On Jan. 8, Coalition military forces conducted 34 strikes against ISIL terrorists in Syria and Iraq.',
    date: '2017-01-09',
    times: [['Jan. 8', '2017-01-08', undefined, 'day']],
  },
  {
    // A day without a year after the document's date belongs to the year before.
    source: 're3d centcom (public domain)',
    sentence: 'On Monday, Dec. 26, Abu Jandal al-Kuwaiti, an ISIL gang leader in Raqqah was struck and killed by a coalition airstrike near Tabqa Dam, Syria.',
    date: '2017-01-05',
    times: [['Monday, Dec. 26', '2016-12-26', undefined, 'day']],
  },
  {
    source: 're3d centcom (public domain)',
    sentence: 'ISIL seized the tanks and other military hardware from Tiyas Military Airfield near Palmyra, Syria, between 11-13 Dec.',
    date: '2016-12-16',
    times: [['11-13 Dec.', '2016-12-11', '2016-12-13', 'day']],
  },
  {
    // No document date is needed when the text names its year.
    source: 're3d centcom (public domain)',
    sentence: 'A cool, hazy morning greeted the Jordan Armed Forces – Arab Army as they welcomed Soldiers visiting from 3rd Battalion, 321st Field Artillery Regiment for a live-fire exercise October 25-26, 2016, an event designed to build stronger bonds for the future.',
    times: [['October 25-26, 2016', '2016-10-25', '2016-10-26', 'day']],
  },
  {
    source: 're3d centcom (public domain)',
    sentence: 'Booker, of Cibolo, Texas, died Jan. 7, in Jordan, in a non-combat related incident.',
    date: '2017-01-09',
    times: [['Jan. 7', '2017-01-07', undefined, 'day']],
  },
  {
    source: 're3d centcom (public domain)',
    sentence: 'The Syrian Democratic Forces announced that they began their advance to isolate Raqqah, Syria, Nov. 6, 2016.',
    times: [['Nov. 6, 2016', '2016-11-06', undefined, 'day']],
  },
  {
    source: 're3d centcom (public domain)',
    sentence: 'CTF 50 will lead a multilateral exercise early next year, Unified Trident, encompassing other NAVCENT CTFs as well as French and Royal Navy assets.',
    date: '2016-12-28',
    times: [['early next year', '2017', undefined, 'year', true]],
  },
  {
    // "last December" in a December statement is a year back.
    source: 're3d centcom (public domain)',
    sentence: 'The French previously led CTF 50 last December, commanding it from the nuclear-powered aircraft carrier FS Charles de Gaulle.',
    date: '2016-12-28',
    times: [['last December', '2015-12', undefined, 'month']],
  },
  {
    // "may" here is a verb.
    source: 're3d centcom (public domain)',
    sentence: 'While the deployment may be shorter, the 507th ARW will be deploying again with a large contingent of the wing deploying again in the summer of 2017.',
    times: [['the summer of 2017', '2017', undefined, 'year', true]],
  },
  {
    // "late morning", "early evening" are times of day, not dates.
    source: 're3d centcom (public domain)',
    sentence: 'The attacks occurred during daylight hours from late morning to early evening on Thursday.',
    date: '2016-12-16',
    times: [['Thursday', '2016-12-15', undefined, 'day']],
  },
  {
    // "march" here is a noun.
    source: 're3d centcom (public domain)',
    sentence: 'In their march toward Raqqah, the SDF has already liberated dozens of villages and more than 700 square miles of ISIL-held terrain.',
    date: '2016-12-16',
    times: [],
  },
  {
    // A clock time stays out; the date after it is found.
    source: 're3d centcom (public domain)',
    sentence: 'Air Forces Central Command will release the results of the September 17 Dayr az Zawr, Syria airstrike investigation on a live, on-the-record conference call open to journalists, starting at 10 a.m. Nov. 29, 2016.',
    date: '2016-11-28',
    times: [
      ['September 17', '2016-09-17', undefined, 'day'],
      ['Nov. 29, 2016', '2016-11-29', undefined, 'day'],
    ],
  },
  {
    source: 're3d us-state-department (public domain)',
    sentence: 'And we express again our condolences to the friends and loved ones of those who were injured or who died during the coup attempt last July.',
    date: '2016-10-28',
    times: [['last July', '2016-07', undefined, 'month']],
  },
  {
    source: 're3d us-state-department (public domain)',
    sentence: 'Knox Thames, the Special Advisor to Ambassador Saperstein for Religious Minorities in the Near East and South and Central Asia, will travel to Turkey November 16 - 17 and to Lebanon November 18 -19.',
    date: '2015-11-13',
    times: [
      ['November 16 - 17', '2015-11-16', '2015-11-17', 'day'],
      ['November 18 -19', '2015-11-18', '2015-11-19', 'day'],
    ],
  },
  {
    source: 're3d us-state-department (public domain)',
    sentence: 'The last meeting of Coalition foreign ministers took place in Rome, Italy, on February 2, 2016, and the last meeting of defense ministers took place in Brussels, Belgium, on February 11, 2016.',
    times: [
      ['February 2, 2016', '2016-02-02', undefined, 'day'],
      ['February 11, 2016', '2016-02-11', undefined, 'day'],
    ],
  },
  {
    source: 're3d us-state-department (public domain)',
    sentence: 'Since 2009, the Department of State has contributed more than $4 million to the Future of Babylon.',
    times: [['2009', '2009', undefined, 'year']],
  },
  {
    source: 're3d us-state-department (public domain)',
    sentence: 'Work is expected to be completed in 2017.',
    times: [['2017', '2017', undefined, 'year']],
  },
  {
    // The sentence looks ahead, so the day stays after the document's date.
    source: 're3d us-state-department (public domain)',
    sentence: 'In Baghdad on November 22, Deputy Secretary Blinken will meet with national and provincial Iraqi officials to discuss a range of economic and security issues.',
    date: '2015-11-20',
    times: [['November 22', '2015-11-22', undefined, 'day']],
  },
  {
    source: 're3d us-state-department (public domain)',
    sentence: 'The United States condemns in the strongest terms both the ISIL attack this morning at a crowded market place in Baghdad, and the car bomb attacks in Diyala Province on Monday, as well as other recent terrorist attacks against the Iraqi people.',
    date: '2016-05-11',
    times: [['Monday', '2016-05-09', undefined, 'day']],
  },
  {
    source: 're3d uk-government (OGL v3.0)',
    sentence: 'The Minister for Central Asia, Tobias Ellwood, visited Turkey on 4 April and Uzbekistan from 5-6 April 2016.',
    date: '2016-04-08',
    times: [
      ['4 April', '2016-04-04', undefined, 'day'],
      ['5-6 April 2016', '2016-04-05', '2016-04-06', 'day'],
    ],
  },
  {
    source: 're3d uk-government (OGL v3.0)',
    sentence: 'Over half a million Syrians are still in areas besieged by the regime – many have received no aid since June.',
    date: '2016-09-21',
    times: [['June', '2016-06', undefined, 'month']],
  },
  {
    // "Last week" is the week (Monday to Sunday) before the document's.
    source: 're3d uk-government (OGL v3.0)',
    sentence: 'Last week, we also announced that we would increase our humanitarian support to Iraq by £20 million, bringing our total contribution to £59.5 million, supporting people across Iraq who have been forced to flee from ISIL’s brutality.',
    date: '2015-06-10',
    times: [['Last week', '2015-06-01', '2015-06-07', 'day']],
  },
  {
    source: 're3d uk-government (OGL v3.0)',
    sentence: 'In February we will bring together world leaders in London to identify long-term solutions to help address the needs of those affected by the crisis.',
    date: '2015-12-17',
    times: [['February', '2016-02', undefined, 'month']],
  },
  {
    source: 're3d uk-government (OGL v3.0)',
    sentence: 'The UN updated Security Council members today (23 December) that it has still not been given access to eastern Aleppo.',
    date: '2016-12-23',
    times: [
      ['today', '2016-12-23', undefined, 'day'],
      ['23 December', '2016-12-23', undefined, 'day'],
    ],
  },
  {
    source: 're3d centcom (public domain)',
    sentence: 'A series of precision U.S. airstrikes against al-Qaida operatives this week in northwestern Syria’s Idlib province killed more than 20 militants and destroyed eight vehicles and nine structures, Pentagon Press Secretary Peter Cook told reporters today.',
    date: '2017-01-06',
    times: [
      ['this week', '2017-01-02', '2017-01-08', 'day'],
      ['today', '2017-01-06', undefined, 'day'],
    ],
  },
  {
    // A period that runs up to the document's day.
    source: 're3d centcom (public domain)',
    sentence: 'In the past 24 hours, Iraqi forces maintained their defensive positions against Islamic State of Iraq and the Levant fighters on three sides of Mosul, the country’s second-largest city, Pentagon press operations director Navy Capt. Jeff Davis said.',
    date: '2016-12-16',
    times: [['past 24 hours', '2016-12-15', '2016-12-16', 'day']],
  },
  {
    source: 're3d us-state-department (public domain)',
    sentence: 'We condemn in the strongest possible terms terrorist attacks this weekend in Baghdad and Najaf.',
    date: '2016-05-02',
    times: [['this weekend', '2016-04-30', '2016-05-01', 'day']],
  },
  {
    source: 'GeoVirus / Wikinews (CC BY 2.5)',
    sentence: 'The virus killed nearly 1,000,000 people around the globe in 1968 and 1969.',
    times: [
      ['1968', '1968', undefined, 'year'],
      ['1969', '1969', undefined, 'year'],
    ],
  },
  {
    source: 're3d australian-department-of-foreign-affairs (CC BY 3.0 AU)',
    sentence: 'Declaring Mosul district under the criminal code follows the declaration of Al-Raqqa province in Syria in December 2014.',
    times: [['December 2014', '2014-12', undefined, 'month']],
  },
  {
    // "may" is a verb again; "last night" is the day before.
    source: 'GeoVirus / Wikinews, "Philippines is culling 6500 hogs after Reston ebolavirus outbreak" (CC BY 2.5)',
    sentence: '"With the problems we encountered last night, we may go beyond Thursday," he added.',
    date: '2009-01-27',
    times: [
      ['last night', '2009-01-26', undefined, 'day'],
      ['Thursday', '2009-01-22', undefined, 'day'],
    ],
  },
  {
    source: 'GeoVirus / Wikinews (CC BY 2.5)',
    sentence: 'H5N1 was discovered in Turkish poultry in December, 2005.',
    times: [['December, 2005', '2005-12', undefined, 'month']],
  },
  {
    source: 'GeoVirus / Wikinews (CC BY 2.5)',
    sentence: "The swans were sampled on August 8, 2006 and the initial testing was done at Michigan State University's Diagnostic Center for Population and Animal Health and at the National Veterinary Services laboratories in Ames, Iowa.",
    times: [['August 8, 2006', '2006-08-08', undefined, 'day']],
  },
  {
    // chrono alone reads "September, 30" as a day; the 30 is a number of people.
    source: 'GeoVirus / Wikinews (CC BY 2.5)',
    sentence: 'In mid-September, 30 people were killed in a shootout as rustlers from the Pokot tribe attacked the Samburu tribe and made off with hundreds of cattle.',
    date: '2006-10-05',
    times: [['mid-September', '2006-09', undefined, 'month', true]],
  },
  {
    source: 'GeoVirus / Wikinews (CC BY 2.5)',
    sentence: 'A cholera epidemic sweeping across the country has exacerbated the situation, killing at least 80 people since March and setting the stage for a major scare.',
    date: '2008-06-10',
    times: [['March', '2008-03', undefined, 'month']],
  },
  {
    source: 'GeoVirus / Wikinews (CC BY 2.5)',
    sentence: 'Officials with the Canadian branch said Wednesday evening that they would take precaution by removing green onions from all stores in Canada after hearing of the outbreak in the U.S.',
    date: '2006-12-08',
    times: [['Wednesday', '2006-12-06', undefined, 'day']],
  },
  {
    source: 'GeoVirus / Wikinews (CC BY 2.5)',
    sentence: 'The famous Baywatch star, Pamela Anderson, arrived today in Athens, Greece, taking part in the pan-European promotion of the MAC cosmetic products as well as in the fight against the sprawl of HIV (AIDS).',
    date: '2007-04-02',
    times: [['today', '2007-04-02', undefined, 'day']],
  },
];

/**
 * Russian: sentences CONSTRUCTED for these tests (not quoted from a source), in the style of
 * Russian news wires, to cover the common forms; kept few on purpose.
 */
const RUSSIAN: { sentence: string; date?: string; times: Expected[] }[] = [
  { sentence: 'Переговоры прошли 6 марта 2025 года в Москве.', times: [['6 марта 2025 года', '2025-03-06', undefined, 'day']] },
  { sentence: 'В 2020 году боевые действия продолжались шесть недель.', times: [['2020 году', '2020', undefined, 'year']] },
  { sentence: 'Соглашение подписали в марте 2021 года.', times: [['марте 2021 года', '2021-03', undefined, 'month']] },
  { sentence: 'В среду министерство обороны сообщило об инциденте.', date: '2021-06-02', times: [['среду', '2021-06-02', undefined, 'day']] },
  { sentence: 'Напряжённость на границе растёт с середины мая.', date: '2021-06-02', times: [['середины мая', '2021-05', undefined, 'month', true]] },
  { sentence: 'Следующая встреча состоится 10 мая.', date: '2021-06-02', times: [['10 мая', '2022-05-10', undefined, 'day']] },
  {
    sentence: 'В прошлом году перемирие соблюдалось. Бои шли с 10 по 12 марта, а на этой неделе возобновились.',
    date: '2021-06-02',
    times: [
      ['прошлом году', '2020', undefined, 'year'],
      ['10 по 12 марта', '2021-03-10', '2021-03-12', 'day'],
      ['этой неделе', '2021-05-31', '2021-06-06', 'day'],
    ],
  },
  { sentence: 'Перемирие действовало между 2019 и 2021 годами.', times: [['2019 и 2021 годами', '2019', '2021', 'year']] },
];

describe('findTimes on sentences', () => {
  for (const { source, sentence, date, times } of CASES) {
    it(`${sentence.slice(0, 60)}… (${source})`, () => {
      const found = findTimes(sentence, date === undefined ? {} : { documentDate: date });
      expect(summary(found)).toEqual(expected(times));
      for (const mention of found) expect(sentence.slice(mention.start, mention.end)).toBe(mention.text);
    });
  }

  for (const { sentence, date, times } of RUSSIAN) {
    it(`${sentence} (constructed)`, () => {
      expect(summary(findTimes(sentence, date === undefined ? {} : { documentDate: date }))).toEqual(expected(times));
    });
  }
});
