import { definePlugin, type CountryGroup, type EvaluationContext, type EvaluationResult, type Measure, type PluginDefinition, type Warning } from '@chokepoint/core';
import { JP_CODE_SCHEME } from './codes.js';
import { readData } from './data-files.js';
import { PACKAGE_VERSION } from './version.js';
import { bundledEndUserList, END_USER_LIST_BINDING, END_USER_LIST_EDITION, END_USER_LIST_ID, endUserListParties } from './end-user-list.js';
import { buildEntries } from './entries.js';
import { jpReach } from './reach.js';
import { jpFacts } from './facts.js';
import { smallValueException } from './small-value.js';
import { technologyByItem } from './technology-by-item.js';

export { JP_CODE_SCHEME } from './codes.js';
export { CATCH_ALL_REVISION_2025, END_USER_LIST_EDITION, END_USER_LIST_ID, endUserListParties } from './end-user-list.js';

/** The last date through which the data was checked: the newest text read (e-Gov, Act as of 2026-08-12). */
export const DATA_VERIFIED_THROUGH = '2026-08-12';

/** Measures listed for reference that no entry uses directly: the Act itself. */
export const FRAMEWORK_MEASURES: readonly string[] = ['jp-fefta'];

/**
 * Only the End User List's edition applied from 2025-10-09 is held: for an earlier date a named party is
 * screened against nothing, so the answer says that the edition in force then was not checked.
 */
function listEditionWarning(ctx: EvaluationContext): Warning[] {
  const { request } = ctx;
  const named = Boolean(request.endUser?.name) || (request.parties?.length ?? 0) > 0;
  if (!named || request.date >= END_USER_LIST_EDITION.appliesFrom || ctx.reach.bases.length === 0) return [];
  return [{
    code: 'list_edition',
    jurisdiction: 'JP',
    measure: END_USER_LIST_ID,
    message: `Japan's End User List is held in its edition applied from ${END_USER_LIST_EDITION.appliesFrom} only; the edition in force on ${request.date} (METI has published the list since 2002 and revises it about once a year) is not, so a party listed then is not flagged. Check METI's edition for that date.`,
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

/** The plugin's own rules: warnings on the End User List edition and on table memberships, the small-value exception, technology asked about by item. */
function evaluate(ctx: EvaluationContext): EvaluationResult | undefined {
  const warnings = [...listEditionWarning(ctx), ...membershipWarnings(ctx)];
  const small = smallValueException(ctx);
  const tech = technologyByItem(ctx);
  if (!warnings.length && !small && !tech) return undefined;
  // The small-value exception answers goods only and the technology questions technology only: they never meet.
  return { ...(warnings.length ? { warnings } : {}), ...small, ...tech };
}

/** Japan's export controls under the Foreign Exchange and Foreign Trade Act, administered by METI. */
const plugin: PluginDefinition = definePlugin({
  manifest: {
    name: '@chokepoint/plugin-jp-meti',
    version: PACKAGE_VERSION,
    jurisdiction: 'JP',
    title: 'Japan — export controls under the Foreign Exchange and Foreign Trade Act (METI)',
    core: '^0.1.0',
    dataVerifiedThrough: DATA_VERIFIED_THROUGH,
    controlCode: JP_CODE_SCHEME,
    homepage: 'https://github.com/chokepoint-dev/chokepoint/tree/main/packages/plugin-jp-meti',
  },
  measures: readData<Measure[]>('measures.json'),
  entries: buildEntries(),
  parties: endUserListParties(bundledEndUserList()),
  lists: [END_USER_LIST_BINDING],
  groups: readData<CountryGroup[]>('country-tables.json'),
  reach: jpReach,
  facts: jpFacts,
  evaluate,
});

export default plugin;
