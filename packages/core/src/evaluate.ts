import type { CompiledPlugin, Candidate } from './compiled-plugin.js';
import { CoverageIndex } from './compiled-plugin.js';
import { controlCodeCovers } from './codes.js';
import { evaluateCondition } from './conditions.js';
import { combinedStatusOn, effectiveOf, unverifiedResumption } from './dates.js';
import { controlCodeFieldOf, itemControlCode, type ContentShareResult, type ControlCodeField, type EvaluationContext, type FindingInput, type ReachContext, type ReachResult } from './plugin.js';
import type { ResolvedItem } from './resolve.js';
import type { TaxonomyView } from './taxonomy.js';
import type {
  Advisory, Authorization, ControlEntry, Coverage, CountryCode, DestinationScope, Finding, JurisdictionAssessment,
  Measure, NormalizedRequest, Question, Verdict, Warning,
} from './types.js';
import { mostRestrictive, strictestPolicy } from './verdict.js';

/** One regime's answer plus what the response gathers across regimes. */
export interface PluginOutcome {
  assessment: JurisdictionAssessment;
  questions: Question[];
  warnings: Warning[];
  advisories: Advisory[];
}


/**
 * True when an authorisation's coverage includes what was exported under a control entry: the
 * request's own list code when it is narrower than the entry's (an authorisation may cover only some
 * sub-items), else the entry's code, customs lines or taxonomy nodes.
 */
function coverageIncludesEntry(covers: Coverage, entry: ControlEntry, taxonomy: TaxonomyView, requestCode: string | undefined): boolean {
  if (covers.all) return true;
  const code = entry.code && requestCode && controlCodeCovers(entry.code, requestCode) ? requestCode : entry.code;
  if (code && covers.controlCodes?.some((c) => controlCodeCovers(c, code))) return true;
  const ids = entry.covers.ids ?? [];
  if (ids.length && covers.ids && ids.every((id) => taxonomy.ancestors(id).some((a) => covers.ids!.includes(a)))) return true;
  const lines = entry.covers.hs ?? [];
  return lines.length > 0 && !!covers.hs && lines.every((l) => covers.hs!.some((h) => l.startsWith(h)));
}

/**
 * True when an authorisation's exclusions may touch what was exported: an excluded code that
 * contains the exported code, or lies inside it (then the request does not say it is outside).
 */
function exclusionTouchesEntry(excludes: Coverage, entry: ControlEntry, taxonomy: TaxonomyView, requestCode: string | undefined): boolean {
  const code = entry.code && requestCode && controlCodeCovers(entry.code, requestCode) ? requestCode : entry.code;
  if (code && excludes.controlCodes?.some((c) => controlCodeCovers(c, code) || controlCodeCovers(code, c))) return true;
  return coverageIncludesEntry({ ...excludes, controlCodes: [] }, entry, taxonomy, undefined);
}

function coverageMatches(covers: Coverage, item: NormalizedRequest['item'], taxonomy: TaxonomyView, resolve: (item: NormalizedRequest['item']) => ResolvedItem, field: ControlCodeField | undefined): boolean {
  if (covers.all) return true;
  const index = new CoverageIndex<true>();
  index.add(true, covers);
  const found = new Map<true, { kind: 'exact' | 'broader'; matchedOn: string[] }>();
  index.match(item, resolve(item), taxonomy, itemControlCode(item, field), found);
  return found.get(true)?.kind === 'exact';
}

/** Shared inputs for evaluating every plugin on one request. */
export interface RequestScope {
  request: NormalizedRequest;
  resolved: ResolvedItem;
  taxonomy: TaxonomyView;
  resolve: (item: NormalizedRequest['item']) => ResolvedItem;
}

/** Evaluates one plugin for one request (DESIGN "The engine", step 2–3). */
export function evaluatePlugin(plugin: CompiledPlugin, scope: RequestScope): PluginOutcome {
  const { request, resolved, taxonomy } = scope;
  const { manifest } = plugin;
  const date = request.date;
  const field = controlCodeFieldOf(manifest);
  const origin = request.item.origin ?? request.from;

  const isMember = (groupId: string, country: CountryCode): boolean =>
    plugin.isMember(groupId, country, date) ?? taxonomy.isMember(groupId, country, date) ?? false;
  const inScope = (scopeDef: DestinationScope | undefined, country: CountryCode): boolean => {
    if (!scopeDef) return true;
    const hit = (ref: string) => (ref.startsWith('group:') ? isMember(ref.slice(6), country) : ref === country);
    if (scopeDef.include && !scopeDef.include.some(hit)) return false;
    return !(scopeDef.exclude && scopeDef.exclude.some(hit));
  };
  const contentShare = (o: CountryCode | ((c: CountryCode) => boolean), covers?: Coverage): ContentShareResult => {
    const content = request.item.content;
    if (!content) return { share: 0, known: false };
    const test = typeof o === 'function' ? o : (c: CountryCode) => c === o;
    let share = 0;
    for (const part of content) {
      if (!test(part.origin)) continue;
      if (covers && !coverageMatches(covers, part.item, taxonomy, scope.resolve, field)) continue;
      share += part.valueShare;
    }
    return { share, known: true };
  };
  const reachCtx: ReachContext = { request, item: resolved, taxonomy, origin, contentShare, isMember };
  const reach: ReachResult = plugin.definition.reach(reachCtx);

  const measureRef = (m: Measure) => ({ id: m.id, title: m.title, reference: m.reference, authority: m.authority, url: m.url });
  const buildFinding = (input: FindingInput): Finding => {
    const measure = plugin.measures.get(input.measure);
    if (!measure) throw new Error(`${manifest.name}: finding refers to unknown measure "${input.measure}"`);
    return {
      measure: measureRef(measure),
      ...(input.entry ? { entry: input.entry } : {}),
      requirement: input.requirement,
      ...(input.licensePolicy ? { licensePolicy: input.licensePolicy } : {}),
      status: combinedStatusOn(measure, input.part, date),
      effective: effectiveOf(measure, input.part),
      reason: input.reason,
      matchedOn: input.matchedOn,
      confidence: measure.confidence,
    };
  };

  const findings: Finding[] = [];
  const questions: Question[] = [];
  const warnings: Warning[] = [];
  const matchedEntries: ControlEntry[] = [];
  const partsByFinding = new Map<Finding, ControlEntry>();
  let listedHere = false;
  // One question per missing fact: several entries may turn on the same parameter.
  const ask = (q: Question) => {
    if (!questions.some((x) => x.parameter === q.parameter)) questions.push({ ...q, jurisdiction: manifest.jurisdiction });
  };

  const candidates: Candidate[] = reach.bases.length ? plugin.candidates(request.item, resolved, taxonomy) : [];
  const broader: Candidate[] = [];
  // Rules on "every listed item" apply only once some item entry really lists the item, so item
  // entries run first and set `listedInForce`.
  const itemFirst = [...candidates].sort((a, b) => Number(!!a.entry.covers.anyListed) - Number(!!b.entry.covers.anyListed));
  let listedInForce = false;
  const otherTransfers = new Set<string>();
  for (const cand of itemFirst) {
    const { entry } = cand;
    if (!(entry.transfers ?? ['goods']).includes(request.transfer)) {
      if (cand.kind === 'exact' && !entry.covers.all && !entry.covers.anyListed) for (const t of entry.transfers ?? ['goods']) otherTransfers.add(t);
      continue;
    }
    const bases = entry.reach ?? ['territory'];
    const applies = bases.some((b) => reach.bases.includes(b));
    if (cand.kind === 'broader') {
      if (applies) broader.push(cand);
      continue;
    }
    if (entry.covers.anyListed && !listedInForce) continue;
    const measure = plugin.measures.get(entry.measure)!;
    const status = combinedStatusOn(measure, entry, date);
    const conditionResult = entry.conditions ? evaluateCondition(entry.conditions, request.item.parameters) : undefined;
    if (conditionResult?.value === false) continue;
    const isItemEntry = !entry.covers.all && !entry.covers.anyListed;
    if (isItemEntry) {
      listedHere = true;
      if (status === 'in_force') listedInForce = true;
    }
    if (!applies) continue;
    matchedEntries.push(entry);
    if (!inScope(entry.destinations, request.to)) continue;
    const matchedOn = [...cand.matchedOn];
    if (bases.includes('content') && !bases.some((b) => b !== 'content' && reach.bases.includes(b)) && entry.content) {
      const share = contentShare(entry.content.origin, entry.content.covers);
      if (!share.known) {
        if (status === 'in_force') {
          ask({ parameter: 'content', prompt: entry.content.prompt ?? `What share of the item's value is ${entry.content.origin}-origin content covered by ${entry.code ?? entry.id}?` });
        }
        continue;
      }
      if (share.share < entry.content.minShare) continue;
      matchedOn.push(`content ${(share.share * 100).toFixed(2)} % of value from ${entry.content.origin}`);
    }
    if (entry.endUses || entry.endUserTypes) {
      const useHit = entry.endUses?.includes(request.endUse) ?? false;
      const userHit = request.endUser?.type !== undefined && (entry.endUserTypes?.includes(request.endUser.type) ?? false);
      if (!useHit && !userHit) {
        if (request.endUse === 'unknown' && entry.endUses !== undefined && status === 'in_force') {
          ask({ parameter: 'endUse', prompt: `${entry.reason} Is the end use ${entry.endUses.join(' or ')}?`, candidates: [...entry.endUses] });
        }
        continue;
      }
      matchedOn.push(useHit ? `endUse ${request.endUse}` : `endUser.type ${request.endUser!.type}`);
    }
    if (conditionResult?.value === 'unknown') {
      if (status === 'in_force') {
        for (const p of conditionResult.missing) {
          ask({ parameter: p, prompt: entry.prompts?.[p] ?? `${entry.code ?? entry.id} (${entry.title}) turns on ${p}; give item.parameters.${p}.` });
        }
      }
      continue;
    }
    if (conditionResult?.value === true) matchedOn.push('parameters meet the listed thresholds');
    const finding = buildFinding({
      measure: entry.measure,
      entry: entry.code ? { id: entry.id, code: entry.code } : { id: entry.id },
      requirement: entry.requirement,
      ...(entry.licensePolicy ? { licensePolicy: entry.licensePolicy } : {}),
      reason: entry.reason,
      matchedOn,
      part: entry,
    });
    if (entry.confidence) finding.confidence = entry.confidence;
    findings.push(finding);
    partsByFinding.set(finding, entry);
  }

  // The item is listed, but only for another kind of transfer: a technology sent as "goods" must not
  // come back as not controlled without saying so.
  if (otherTransfers.size && !listedHere && reach.bases.length) {
    ask({
      parameter: 'transfer',
      prompt: `This item is listed for ${[...otherTransfers].join(' or ')} transfers, not ${request.transfer}: is know-how, technical data, a service or people who carry it being transferred? Set transfer accordingly.`,
      candidates: [...otherTransfers],
    });
  }

  // Nothing identified the item but a free-text name: nothing was checked, which is not "not controlled".
  const onlyName = request.item.name !== undefined && !request.item.id && !request.item.hs && !request.item.cnCode && !request.item.cas && !request.item.cnControlCode && !request.item.eccn && !request.item.euCode && !request.item.codes;
  if (onlyName && resolved.nodes.length === 0 && reach.bases.length) {
    ask({ parameter: 'item', prompt: `"${request.item.name}" matches no known item; give a taxonomy ID, an HS or customs code, or a list code so the ${manifest.jurisdiction} lists can be checked.` });
  }

  // Another regime's list code: the multilateral lists share their numbering, but only the exporter's
  // own classification under this regime counts, so ask for it and say which entry the number points at.
  if (field && !field.startsWith('codes.') && !itemControlCode(request.item, field) && resolved.nodes.length === 0 && reach.bases.length) {
    for (const other of ['cnControlCode', 'eccn', 'euCode'] as const) {
      const code = request.item[other];
      if (other === field || !code || code === 'EAR99') continue;
      const same = plugin.candidates({ [field]: code }, { nodes: [], lineage: new Set(), matchedBy: [], conflicts: [] }, taxonomy).filter((c) => c.kind === 'exact' && !c.entry.covers.all && !c.entry.covers.anyListed);
      if (same.length) {
        ask({
          parameter: field,
          prompt: `${other} ${code} is another regime's classification; this regime's list has an entry numbered ${same[0]!.entry.code ?? code} (${same[0]!.entry.title}). Classify the item under ${manifest.jurisdiction} rules and give ${field}.`,
          candidates: [...new Set(same.map((c) => c.entry.code ?? code))].slice(0, 5),
        });
      }
    }
  }

  const broaderInForce = broader.filter((c) => inScope(c.entry.destinations, request.to) && !c.entry.endUses && combinedStatusOn(plugin.measures.get(c.entry.measure)!, c.entry, date) === 'in_force');
  if (broaderInForce.length && !findings.some((f) => f.status === 'in_force')) {
    const codes = broaderInForce.map((c) => (c.entry.code ? `${c.entry.code} ${c.entry.title}` : c.entry.title));
    ask({
      parameter: 'item',
      prompt: `The item may be ${broaderInForce.length === 1 ? 'a listed item' : `one of ${broaderInForce.length} listed items`} (${broaderInForce[0]!.matchedOn[0]}); give a more specific identifier.`,
      candidates: [...new Set(codes)].slice(0, 12),
    });
  }

  const endUserName = request.endUser?.name;
  if (endUserName && reach.bases.length) {
    for (const match of plugin.screener.screen(endUserName, date)) {
      const { party } = match;
      const covers = party.covers ?? { anyListed: true };
      if (!(party.transfers ?? ['goods', 'technology', 'software']).includes(request.transfer)) continue;
      const itemCovered = covers.all || (covers.anyListed ? listedInForce : coverageMatches(covers, request.item, taxonomy, scope.resolve, field));
      if (!itemCovered) continue;
      const finding = buildFinding({
        measure: party.measure,
        requirement: party.requirement,
        ...(party.licensePolicy ? { licensePolicy: party.licensePolicy } : {}),
        reason: `${party.name} is on the ${party.listTitle} (listed ${party.added}).`,
        matchedOn: [`endUser.name "${endUserName}" matches "${match.matchedName}" (score ${match.score}: ${match.explanation})`],
      });
      finding.party = { id: party.id, name: party.name, list: party.list, listTitle: party.listTitle };
      if (party.confidence) finding.confidence = party.confidence;
      findings.push(finding);
    }
  }

  let authorizations: Authorization[] = [];
  let reachText = reach.description;
  let reachesOverride: boolean | undefined;
  let baseline: Verdict | undefined;
  const hook = plugin.definition.evaluate;
  if (hook && reach.bases.length) {
    const ctx: EvaluationContext = {
      ...reachCtx,
      reach,
      findings,
      matchedEntries,
      finding: buildFinding,
      measure: (id) => plugin.measures.get(id),
    };
    const extra = hook(ctx);
    if (extra) {
      if (extra.findings) findings.push(...extra.findings);
      for (const q of extra.questions ?? []) ask(q);
      if (extra.warnings) warnings.push(...extra.warnings.map((w) => ({ ...w, jurisdiction: w.jurisdiction ?? manifest.jurisdiction })));
      if (extra.authorizations) authorizations = extra.authorizations;
      if (extra.reach) reachText = extra.reach;
      reachesOverride = extra.reaches;
      baseline = extra.baseline;
    }
  }

  const inForce = findings.filter((f) => f.status === 'in_force');
  const reaches = reachesOverride ?? (reach.bases.includes('territory') || reach.bases.includes('deemed') || inForce.length > 0);
  let verdict: Verdict;
  if (!reaches) verdict = 'not_controlled';
  else {
    verdict = mostRestrictive([...inForce.map((f) => f.requirement), ...(questions.length ? (['needs_information'] as Verdict[]) : [])]);
    if (verdict === 'not_controlled') {
      if (listedHere || findings.length > 0) verdict = 'no_license_required';
      else if (baseline) verdict = baseline;
    }
  }

  if (verdict === 'license_required') {
    const licensed = inForce.filter((f) => f.requirement === 'license_required');
    const fromData = (plugin.definition.authorizations ?? []).filter((rule) => {
      if (!inScope(rule.destinations, request.to)) return false;
      if (rule.transfers && !rule.transfers.includes(request.transfer)) return false;
      if (rule.notForEndUses?.includes(request.endUse)) return false;
      return licensed.every((f) => {
        const entry = partsByFinding.get(f);
        const requestCode = itemControlCode(request.item, field);
        return entry !== undefined && coverageIncludesEntry(rule.covers, entry, taxonomy, requestCode) && !(rule.excludes && exclusionTouchesEntry(rule.excludes, entry, taxonomy, requestCode));
      });
    });
    authorizations = [...authorizations, ...fromData.map((r) => ({ id: r.id, title: r.title, conditions: r.conditions, url: r.url }))];
    if (authorizations.length) verdict = 'authorization_available';
  } else if (verdict !== 'authorization_available') authorizations = [];

  const licensePolicy = verdict === 'license_required' ? strictestPolicy(inForce.filter((f) => f.requirement === 'license_required').map((f) => f.licensePolicy)) : undefined;

  if (reaches && date > manifest.dataVerifiedThrough) {
    warnings.push({ code: 'stale_data', message: `${manifest.name} data was verified through ${manifest.dataVerifiedThrough}; the answer for ${date} may miss later changes.`, jurisdiction: manifest.jurisdiction });
  }
  for (const f of findings) {
    const measure = plugin.measures.get(f.measure.id)!;
    const part = partsByFinding.get(f);
    const gap = unverifiedResumption(measure, date, manifest.dataVerifiedThrough) ?? (part ? unverifiedResumption(part, date, manifest.dataVerifiedThrough) : undefined);
    if (gap) {
      warnings.push({
        code: 'status_unverified',
        message: `${measure.reference}: the suspension by ${gap.by}${gap.scope ? ` (${gap.scope})` : ''} ended on ${gap.to}; the text applies again, but no source checked through ${manifest.dataVerifiedThrough} says what followed.`,
        jurisdiction: manifest.jurisdiction,
        measure: measure.id,
      });
    }
    for (const c of measure.caveats ?? []) {
      if ((c.from === undefined || date >= c.from) && (c.to === undefined || date <= c.to)) {
        warnings.push({ code: c.code, message: c.message, jurisdiction: manifest.jurisdiction, measure: measure.id });
      }
    }
  }

  const advisories = plugin.advisories.filter((a) => {
    if (a.firstReported > date || a.corridor.from !== request.from) return false;
    if (!a.corridor.to.includes('*') && !a.corridor.to.includes(request.to)) return false;
    const scopeDef = a.itemScope;
    if (!scopeDef) return true;
    if (scopeDef.transfers && !scopeDef.transfers.includes(request.transfer)) return false;
    const idHit = scopeDef.ids?.some((id) => resolved.lineage.has(id) || resolved.nodes.some((n) => taxonomy.ancestors(id).includes(n))) ?? false;
    const code = resolved.customsCode;
    const hsHit = code !== undefined && (scopeDef.hs?.some((h) => code.startsWith(h) || h.startsWith(code)) ?? false);
    return idHit || hsHit || (!scopeDef.ids && !scopeDef.hs);
  });

  const assessment: JurisdictionAssessment = {
    jurisdiction: manifest.jurisdiction,
    plugin: { name: manifest.name, version: manifest.version, dataVerifiedThrough: manifest.dataVerifiedThrough },
    reaches,
    reach: reaches ? reachText : reach.bases.length ? `${reachText} (no rule in force reaches it on ${date})` : reachText,
    verdict,
    ...(licensePolicy ? { licensePolicy } : {}),
    authorizations,
    findings,
    ...(questions.length ? { questions } : {}),
  };
  return { assessment, questions: reaches ? questions : [], warnings: dedupeWarnings(warnings), advisories };
}

/** Removes repeated warnings (same code, measure and message). */
export function dedupeWarnings(warnings: Warning[]): Warning[] {
  const seen = new Set<string>();
  return warnings.filter((w) => {
    const key = `${w.code}|${w.jurisdiction ?? ''}|${w.measure ?? ''}|${w.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
