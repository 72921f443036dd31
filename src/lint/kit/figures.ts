// Figures in an impact statement, as `impact-quantified` reads them: what counts as a figure.
// A number counts only with a unit or a countable noun beside it, so a year, a date, a time of
// day, a version, a port or an HTTP status is never one.

/** A number as written: 1200, 1,200, 1.5, 1.2k, 3 million, twenty. */
const WORD_NUMBER =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|a hundred|several hundred|a thousand|thousands|hundreds|dozens|millions|tens of thousands|hundreds of thousands';
const NUMBER = String.raw`(?:(?<![\w.:/-])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.:/-])\d+(?:\.\d+)?(?![.:/]\d)(?:\s?[kKmM](?![a-zA-Z]))?(?:\s(?:thousand|million|billion|k))?|\b(?:${WORD_NUMBER})\b)`;
/** Who or what was affected, counted. */
export const NOUN = String.raw`(?:users?|customers?|clients?|visitors?|people|persons?|members?|subscribers?|accounts?|tenants?|merchants?|sellers?|buyers?|students?|employees?|developers?|players?|patients?|requests?|reqs?|queries|query|calls?|api calls?|transactions?|orders?|payments?|purchases?|checkouts?|bookings?|reservations?|sign-?ups?|logins?|log-ins?|sessions?|messages?|e-?mails?|notifications?|jobs?|builds?|deployments?|downloads?|uploads?|files?|records?|rows?|documents?|pages?|page ?views?|visits?|hits?|errors?|failures?|timeouts?|crashes|tickets?|complaints?|incidents?|alerts?|servers?|hosts?|nodes?|pods?|instances?|machines?|vms?|containers?|databases?|clusters?|regions?|zones?|data ?cent(?:er|re)s?|branch(?:es)?|offices?|locations?|campuses|warehouses|sites?|websites?|stores?|shops?|countries|cities|devices?|services?|endpoints?|apis?|applications?|apps?|repositories|repos?|packages?|projects?|teams?|gb|tb|mb|rps|qps|tps|req\/s|requests\/s)`;
/**
 * A word list ending a pattern (`${list}\b`), captured by a lookahead and then consumed by its
 * backreference, `group` being the number of its capture: the same matches, but V8 no longer
 * compiles the whole list again for every optional part before it. The "all users" pattern took
 * 18 ms to compile on its first use, most of a one-file lint's rule time; in this form, 2 ms.
 * test/lint/figures.test.ts holds each such pattern to its plain form.
 */
export function endingIn(list: string, group = 1): string {
  return `(?=(${list}\\b))\\${group}`;
}
/** A duration: 2 hours, 45-minute, 90 min, 3h, 500 ms. */
export const DURATION = String.raw`(?:milliseconds?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|months?)`;
const HTTP_STATUS = /^[45]\d\d$/;

export const PATTERNS: readonly RegExp[] = [
  // 30%, 30 %, 30 percent, 0.5 per cent
  /\d(?:\.\d+)?\s?(?:%|percent\b|per cent\b)/i,
  // Money: $12,000, €3k, 5,000 USD, 200 dollars (a number from its first digit only: tried
  // from every digit of a long run, the pattern would rescan the run each time)
  /[$€£¥₹]\s?\d|(?<![\d,.])\d(?:[\d,.]*\d)?\s?(?:k|m|million|thousand)?\s?(?:usd|eur|gbp|dollars?|euros?|pounds?|naira|shillings?|rupees?)\b/i,
  // A duration: "2 hours", "45-minute", "1h30", "three hours"
  new RegExp(String.raw`${NUMBER}(?:\s?-\s?|\s)?${endingIn(DURATION)}`, 'i'),
  // Whole or part: "half of", "a third of", "one in five", "9 out of 10", "2x", "tenfold"
  /\b(?:half|a third|two thirds|a quarter|three quarters|a fifth|a tenth|the majority)\s+of\b|\b\d+\s+(?:in|out of)\s+(?:every\s+)?\d+\b|\b(?:one|two|three|four|five|nine)\s+(?:in|out of)\s+(?:every\s+)?(?:two|three|four|five|ten|\d+)\b|\b\d+(?:\.\d+)?\s?[x×]\b|\b(?:two|three|four|five|ten|hundred)fold\b/i,
  // The whole population: "all users", "every customer", "all of our requests", "no orders"
  new RegExp(String.raw`\b(?:all|every|each|no|none of)\s+(?:of\s+)?(?:the\s+|our\s+|their\s+|its\s+)?(?:\w+\s+)?${endingIn(NOUN)}`, 'i'),
  // An article for a number: "for an hour", "half a day", "a full week"
  /\b(?:an?|half an?|one|a full|a whole)\s+(?:hour|day|week|minute|month)\b/i,
  // The whole population, in other words: "the entire user base"
  /\b(?:entire|whole)\s+(?:user|customer|client|subscriber)\s?base\b/i,
  // Everyone: "a 504 error for anyone trying to reach the site", "nobody could log in"
  /\b(?:everyone|everybody|anyone|anybody|no one|nobody)\b/i,
  // "affected users: 1,200", "requests failed: 4000"
  new RegExp(String.raw`\b${NOUN}\s*(?:affected|impacted|failed|lost|dropped)?\s*[:=]\s*~?\s*\d`, 'i'),
];

/** A count of something: a number, at most two words, then a countable noun ("1,200 active users"). */
export const COUNT = new RegExp(String.raw`(${NUMBER})(?:\+|\s?-\s?\d+)?\s+(?:(?:of\s+)?(?:our|the|their|its|[a-z][\w-]*)\s+){0,2}?${endingIn(NOUN, 2)}`, 'gi');

/** Whether a text states a figure about impact. */
export function hasFigure(text: string): boolean {
  return figureIn(text) !== null;
}

/** The first figure found in a text, or null. */
export function figureIn(text: string): string | null {
  for (const p of PATTERNS) {
    const m = p.exec(text);
    if (m) return m[0];
  }
  for (const match of text.matchAll(COUNT)) {
    const number = match[1]!.replace(/,/g, '');
    const rest = match[0].slice(match[1]!.length).toLowerCase();
    // "500 errors", "HTTP 503 errors", "a 404 page": status codes, not counts.
    if (
      HTTP_STATUS.test(number) &&
      (/^\s*(?:internal|bad|service|gateway|not\s+found|forbidden|unauthori[sz]ed)\b/.test(rest) ||
        /(?:errors?|pages?|responses?|status(?:es)?|codes?)$/.test(rest.trim()))
    )
      continue;
    // "Ubuntu 14.04 container", "PHP 7.4 servers": a version; a count with a fraction needs a
    // scale ("1.2k users", "1.5 million requests").
    if (/\.\d/.test(number) && !/[kKmM]$|thousand|million|billion/.test(match[1]!)) continue;
    // "one of the configuration files": which one, not how many.
    if (/^one$/i.test(number) && /^\s+of\b/i.test(rest)) continue;
    // "2023 users" after "In": a year.
    if (/^(?:19|20)\d\d$/.test(number) && !/,/.test(match[1]!)) continue;
    return match[0];
  }
  return null;
}
