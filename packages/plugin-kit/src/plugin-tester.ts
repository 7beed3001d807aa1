import { createEngine, type AssessmentRequest, type AssessmentResponse, type Engine, type LicensePolicy, type MeasureStatus, type PluginDefinition, type TaxonomyView, type Verdict } from '@chokepoint/core';
import { loadTaxonomy } from '@chokepoint/taxonomy';
import { describe, expect, it } from 'vitest';
import { checkPluginData, type DataCheckOptions } from './data-checks.js';
import { measureDocFile, renderMeasureDoc } from './measure-docs.js';
import { resolve } from 'node:path';

/** A finding the case expects; every field given must match. */
export interface ExpectedFinding {
  measure: string;
  entry?: string;
  code?: string;
  status?: MeasureStatus;
  requirement?: Verdict;
  party?: string;
}

/** One row of a case table: a request and what the plugin's regime must answer. */
export interface PluginCase {
  /** Test name; defaults to a summary of the request. */
  name?: string;
  request: AssessmentRequest;
  /** The plugin's regime verdict. */
  verdict: Verdict;
  /** The overall verdict across every registered plugin, when it matters. */
  overall?: Verdict;
  licensePolicy?: LicensePolicy | null;
  reaches?: boolean;
  /** Findings that must be present (others may be too, unless `onlyFindings`). */
  findings?: ExpectedFinding[];
  /** Findings that must be absent. */
  noFindings?: ExpectedFinding[];
  /** When true, the findings must be exactly `findings`. */
  onlyFindings?: boolean;
  /** IDs of authorisations or licence exceptions that must be offered. */
  authorizations?: string[];
  /** Parameters the regime must ask for. */
  questions?: string[];
  /** Parameters the regime must not ask for (a fact the request already gives). */
  noQuestions?: string[];
  /** When true, the regime must ask for exactly `questions` (none when `questions` is absent or empty). */
  onlyQuestions?: boolean;
  /** Warning codes that must be present. */
  warnings?: string[];
  /** Warning codes that must be absent. */
  noWarnings?: string[];
  /** Advisory IDs that must be attached. */
  advisories?: string[];
}

/** Options for {@link PluginTester}. */
export interface PluginTesterOptions {
  /** The taxonomy; default the shipped one. */
  taxonomy?: TaxonomyView;
  /** Other plugins to register beside the one under test (for `overall`). */
  others?: PluginDefinition[];
  /**
   * Codes that cases may use as `from`, `to` or `origin` although they are not ISO countries; default
   * the plugin's own jurisdiction code when it is not one, so a new regime ("XX") can be tested as a
   * territory of its own before it exists in the country list.
   */
  territories?: string[];
}

/** The taxonomy with extra codes accepted as countries. */
function withTerritories(taxonomy: TaxonomyView, territories: readonly string[]): TaxonomyView {
  if (territories.length === 0) return taxonomy;
  return new Proxy(taxonomy, {
    get(target, prop) {
      if (prop === 'isCountry') return (code: string) => territories.includes(code) || target.isCountry(code);
      const value: unknown = Reflect.get(target, prop, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

function matchesFinding(actual: AssessmentResponse['jurisdictions'][number]['findings'][number], want: ExpectedFinding): boolean {
  return (
    actual.measure.id === want.measure &&
    (want.entry === undefined || actual.entry?.id === want.entry) &&
    (want.code === undefined || actual.entry?.code === want.code) &&
    (want.status === undefined || actual.status === want.status) &&
    (want.requirement === undefined || actual.requirement === want.requirement) &&
    (want.party === undefined || actual.party?.id === want.party)
  );
}

/**
 * What ESLint's RuleTester is to rule authors: runs tables of request → expected verdict and
 * findings against a plugin under vitest, and the data checks every plugin must pass.
 *
 * @example
 * const tester = new PluginTester(plugin);
 * tester.run('gallium', [{ request: { item: { id: 'gallium/metal' }, from: 'CN', to: 'DE', date: '2023-08-01' }, verdict: 'license_required' }]);
 * tester.checkData({ frameworkMeasures: ['cn-ecl-2020'] });
 */
export class PluginTester {
  readonly plugin: PluginDefinition;
  readonly taxonomy: TaxonomyView;
  private engineInstance: Engine | undefined;
  private readonly others: PluginDefinition[];

  constructor(plugin: PluginDefinition, options: PluginTesterOptions = {}) {
    this.plugin = plugin;
    const base = options.taxonomy ?? loadTaxonomy();
    const own = plugin.manifest.jurisdiction;
    this.taxonomy = withTerritories(base, options.territories ?? (base.isCountry(own) ? [] : [own]));
    this.others = options.others ?? [];
  }

  /** The engine the cases run on, built on first use. */
  get engine(): Engine {
    this.engineInstance ??= createEngine({ taxonomy: this.taxonomy, plugins: [this.plugin, ...this.others] });
    return this.engineInstance;
  }

  /** Assesses one case and returns the differences from what it expects (empty when it passes). */
  check(c: PluginCase): string[] {
    const response = this.engine.assess(c.request);
    const jurisdiction = this.plugin.manifest.jurisdiction;
    const regime = response.jurisdictions.find((j) => j.jurisdiction === jurisdiction);
    if (!regime) return [`no answer from ${jurisdiction}`];
    const diffs: string[] = [];
    const show = (f: ExpectedFinding) => JSON.stringify(f);
    const actualFindings = regime.findings.map((f) => `${f.measure.id}${f.entry ? `/${f.entry.id}` : ''}${f.party ? `/${f.party.id}` : ''}:${f.status}:${f.requirement}`);
    if (regime.verdict !== c.verdict) diffs.push(`verdict: expected ${c.verdict}, got ${regime.verdict} (findings: ${actualFindings.join(', ') || 'none'}; questions: ${(regime.questions ?? []).map((q) => q.parameter).join(', ') || 'none'})`);
    if (c.overall !== undefined && response.verdict !== c.overall) diffs.push(`overall verdict: expected ${c.overall}, got ${response.verdict}`);
    if (c.licensePolicy !== undefined && (regime.licensePolicy ?? null) !== c.licensePolicy) diffs.push(`licensePolicy: expected ${c.licensePolicy}, got ${regime.licensePolicy ?? null}`);
    if (c.reaches !== undefined && regime.reaches !== c.reaches) diffs.push(`reaches: expected ${c.reaches}, got ${regime.reaches}`);
    for (const want of c.findings ?? []) if (!regime.findings.some((f) => matchesFinding(f, want))) diffs.push(`missing finding ${show(want)}; got ${actualFindings.join(', ') || 'none'}`);
    for (const not of c.noFindings ?? []) if (regime.findings.some((f) => matchesFinding(f, not))) diffs.push(`unexpected finding ${show(not)}`);
    if (c.onlyFindings) {
      const extra = regime.findings.filter((f) => !(c.findings ?? []).some((w) => matchesFinding(f, w)));
      if (extra.length) diffs.push(`unexpected findings: ${extra.map((f) => f.measure.id).join(', ')}`);
    }
    const authIds = regime.authorizations.map((a) => a.id);
    for (const id of c.authorizations ?? []) if (!authIds.includes(id)) diffs.push(`missing authorisation ${id}; got ${authIds.join(', ') || 'none'}`);
    const params = (regime.questions ?? []).map((q) => q.parameter);
    for (const p of c.questions ?? []) if (!params.includes(p)) diffs.push(`missing question on ${p}; got ${params.join(', ') || 'none'}`);
    for (const p of c.noQuestions ?? []) if (params.includes(p)) diffs.push(`unexpected question on ${p}`);
    if (c.onlyQuestions) {
      const extra = params.filter((p) => !(c.questions ?? []).includes(p));
      if (extra.length) diffs.push(`unexpected questions: ${extra.join(', ')}`);
    }
    const codes = response.warnings.map((w) => w.code);
    for (const w of c.warnings ?? []) if (!codes.includes(w)) diffs.push(`missing warning ${w}; got ${codes.join(', ') || 'none'}`);
    for (const w of c.noWarnings ?? []) if (codes.includes(w)) diffs.push(`unexpected warning ${w}`);
    const advisories = response.advisories.map((a) => a.id);
    for (const a of c.advisories ?? []) if (!advisories.includes(a)) diffs.push(`missing advisory ${a}; got ${advisories.join(', ') || 'none'}`);
    return diffs;
  }

  /** Registers one vitest test per case under a `describe` block. */
  run(title: string, cases: PluginCase[]): void {
    describe(title, () => {
      for (const c of cases) {
        const r = c.request;
        const name = c.name ?? `${JSON.stringify(r.item)} ${r.from}→${r.to} ${r.date ?? 'today'}${r.transfer && r.transfer !== 'goods' ? ` ${r.transfer}` : ''} ⇒ ${c.verdict}`;
        it(name, () => {
          expect(this.check(c)).toEqual([]);
        });
      }
    });
  }

  /** Registers the data checks every plugin must pass. */
  checkData(options: DataCheckOptions = {}): void {
    describe(`${this.plugin.manifest.name} data`, () => {
      it('passes registration and data checks', () => {
        expect(checkPluginData(this.plugin, this.taxonomy, options)).toEqual([]);
      });
    });
  }

  /**
   * Registers one test per measure that its generated page in `dir` is current. The pages are vitest
   * file snapshots: a missing page is written on a local run (and fails under `CI`), and
   * `vitest run -u` rewrites pages that are out of date. `dir` is resolved from the working directory.
   */
  checkDocs(dir: string): void {
    describe(`${this.plugin.manifest.name} docs`, () => {
      for (const measure of this.plugin.measures) {
        it(`${measure.id} has a current page in ${dir} (vitest run -u rewrites it)`, async () => {
          await expect(renderMeasureDoc(this.plugin, measure)).toMatchFileSnapshot(resolve(dir, measureDocFile(measure)));
        });
      }
    });
  }
}
