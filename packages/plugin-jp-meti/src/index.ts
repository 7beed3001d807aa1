import { definePlugin, type CountryGroup, type EvaluationContext, type EvaluationResult, type Measure, type PluginDefinition, type Warning } from '@chokepoint/core';
import { JP_CODE_SCHEME } from './codes.js';
import { readData } from './data-files.js';
import { CORE_RANGE, PACKAGE_VERSION } from './version.js';
import { bundledEndUserListParties, END_USER_LIST_BINDING, END_USER_LIST_EDITION, END_USER_LIST_ID, undatedEarlierListings } from './end-user-list.js';
import { buildEntries } from './entries.js';
import { jpReach } from './reach.js';
import { jpFacts } from './facts.js';
import { smallValueException } from './small-value.js';
import { technologyByItem } from './technology-by-item.js';

export { JP_CODE_SCHEME } from './codes.js';
export { RECIPIENT, SPECIFIED_CATEGORY_FROM } from './reach.js';
export { CATCH_ALL_REVISION_2025, END_USER_LIST_EDITION, END_USER_LIST_FIRST_PUBLISHED, END_USER_LIST_ID, endUserListParties, LISTED_ON_DATE } from './end-user-list.js';

/** The last date through which the data was checked: the newest text read (e-Gov, Act as of 2026-08-12). */
export const DATA_VERIFIED_THROUGH = '2026-08-12';

/**
 * Measures listed for reference that no entry uses directly: the Act itself, and METI's 2022 clarification of deemed
 * exports, which the reach reads (src/reach.ts).
 */
export const FRAMEWORK_MEASURES: readonly string[] = ['jp-fefta', 'jp-meti-2022-deemed-export'];

/**
 * Only the End User List's edition applied from 2025-10-09 is held, without listing dates. For an earlier date its
 * entities listed for a WMD concern are screened (asking whether each was listed on the date, see end-user-list.ts),
 * but entities METI removed before that edition are not held: the answer says that the edition in force then was not checked.
 */
function listEditionWarning(ctx: EvaluationContext): Warning[] {
  const { request } = ctx;
  const named = Boolean(request.endUser?.name) || (request.parties?.length ?? 0) > 0;
  if (!named || request.date >= END_USER_LIST_EDITION.appliesFrom || ctx.reach.bases.length === 0) return [];
  return [{
    code: 'list_edition',
    jurisdiction: 'JP',
    measure: END_USER_LIST_ID,
    message: `Japan's End User List is held in its edition applied from ${END_USER_LIST_EDITION.appliesFrom} only, without the dates METI listed each entity. METI has published the list since April 2002 and revises it about once a year: on ${request.date} an entity of that edition listed for a weapons-of-mass-destruction concern is asked about (was it listed then?), an entity listed only for conventional weapons was not yet listed (such listings began with that edition), and an entity METI listed then but removed before that edition is not held and so not flagged. Check METI's edition in force on ${request.date}.`,
  }];
}

interface MembershipNote { country: string; from: string; to: string; message: string }
const MEMBERSHIP_NOTES = readData<{ group: string; notes: MembershipNote[] }>('membership-notes.json');

/** A destination whose membership of a country table on the date the sources do not settle. */
function membershipWarnings(ctx: EvaluationContext): Warning[] {
  const { to, date } = ctx.request;
  return MEMBERSHIP_NOTES.notes
    .filter((n) => n.country === to && date >= n.from && date <= n.to)
    .map((n) => ({ code: 'membership_unverified', jurisdiction: 'JP', message: `Appended Table 3-2 (UN arms embargo): ${n.message}` }));
}

/** The day the 23 semiconductor-equipment types joined 7(16), and the day of the text holding the later sub-items. */
const SME_2023 = '2023-07-23';
const SME_LATER = '2026-02-14';

/**
 * 7(16) found by item (`meetsJpItem716`) on a date before the text the question describes: the exporter was asked
 * about today's specifications, which include types added on 2023-07-23 and later, so the answer says which of them
 * were not yet listed on the date.
 */
function smeSpecWarning(ctx: EvaluationContext): Warning[] {
  const { date } = ctx.request;
  if (date >= SME_LATER || ctx.request.item.codes?.JP) return [];
  if (!ctx.findings.some((f) => f.status === 'in_force' && f.entry?.id === 'jp-7-16-by-item')) return [];
  const later = 'the sub-items added after 2023-07-23 (Art. 6(xvii) コ to シ and (xvii-2), dated here from the e-Gov text of 2026-02-14 since their own first days were not verified)';
  const missing = date < SME_2023
    ? `the 23 types added on 2023-07-23 (cleaning, deposition, annealing, lithography, etching and EUV mask inspection equipment) and ${later}`
    : later;
  return [{
    code: 'spec_version',
    jurisdiction: 'JP',
    measure: date < SME_2023 ? 'jp-meti-2023-sme' : 'jp-meti-sme-later-additions',
    message: `The 7(16) question describes the Ordinance's specifications as in force on ${SME_LATER}; on ${date} ${missing} were not yet part of 7(16). If the item meets only one of those, it was not listed then: classify it under the text of that date (item.codes.JP) rather than relying on this answer.`,
  }];
}

/**
 * The plugin's own rules: warnings on the End User List edition and on table memberships, the small-value exception,
 * technology asked about by item, and End User List entities without a listing date on days before the bundled edition.
 */
function evaluate(ctx: EvaluationContext): EvaluationResult | undefined {
  const warnings = [...listEditionWarning(ctx), ...membershipWarnings(ctx), ...smeSpecWarning(ctx)];
  const small = smallValueException(ctx);
  const tech = technologyByItem(ctx);
  const earlier = undatedEarlierListings(ctx);
  if (!warnings.length && !small && !tech && !earlier) return undefined;
  const findings = [...(tech?.findings ?? []), ...(earlier?.findings ?? [])];
  const questions = [...(tech?.questions ?? []), ...(earlier?.questions ?? [])];
  // The small-value exception answers goods only and the technology questions technology only: they never meet.
  return { ...(warnings.length ? { warnings } : {}), ...small, ...tech, ...(findings.length ? { findings } : {}), ...(questions.length ? { questions } : {}) };
}

/** Japan's export controls under the Foreign Exchange and Foreign Trade Act, administered by METI. */
const plugin: PluginDefinition = definePlugin({
  manifest: {
    name: '@chokepoint/plugin-jp-meti',
    version: PACKAGE_VERSION,
    jurisdiction: 'JP',
    title: 'Japan — export controls under the Foreign Exchange and Foreign Trade Act (METI)',
    core: CORE_RANGE,
    dataVerifiedThrough: DATA_VERIFIED_THROUGH,
    controlCode: JP_CODE_SCHEME,
    homepage: 'https://github.com/chokepoint-dev/chokepoint/tree/main/packages/plugin-jp-meti',
  },
  measures: readData<Measure[]>('measures.json'),
  entries: buildEntries(),
  parties: bundledEndUserListParties(),
  lists: [END_USER_LIST_BINDING],
  groups: readData<CountryGroup[]>('country-tables.json'),
  reach: jpReach,
  facts: jpFacts,
  evaluate,
});

export default plugin;
