import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { postJson } from '../api.js';
import { ErrorMessage, Field } from '../components/common.js';
import { CountrySelect } from '../components/CountrySelect.js';
import { fieldWords, ItemSearch, type ItemField } from '../components/ItemSearch.js';
import { compareQuery, itemParameters, useAsync, useDebounced, type ItemParameter } from '../data.js';
import { todayUtc, words } from '../format.js';
import { navigate } from '../route.js';
import { emptyOwner, emptyParty, formFromParams, isComplete, itemIdentifiers, paramsFromForm, PARTY_ROLES, requestFromForm, withAnswers, type AssessForm, type OwnerRow, type PartyRow } from '../request.js';
import { usePlugins } from './Measures.js';
import { AnswerView, type Answer } from './Answer.js';

/** Moves the focus to the first field of a row just added, so that keyboard users land in it. */
function useFocusAdded(count: number, idOf: (index: number) => string) {
  const before = useRef(count);
  useEffect(() => {
    if (count > before.current) document.getElementById(idOf(count - 1))?.focus();
    before.current = count;
  }, [count]);
}

/** CONTRACT §6 parameter names offered in the parameter picker; plugins may use others, typed by hand. */
const PARAMETER_NAMES = ['purity', 'particleSizeUm', 'densityGPerCm3', 'flexuralStrengthMPa', 'energyDensityWhPerKg', 'compactionDensityGPerCm3', 'dischargeCapacityMAhPerG', 'firstCycleEfficiency', 'resistivityOhmCm', 'massKg', 'innerDiameterMm', 'outerDiameterMm', 'lengthMm'];

function ParameterRows({ rows, onChange, suggested }: { rows: [string, string][]; onChange: (rows: [string, string][]) => void; suggested: ItemParameter[] }) {
  const named = new Set(suggested.map((p) => p.name));
  const free = rows.map((r, i) => [r, i] as const).filter(([[name]]) => !named.has(name));
  const set = (i: number, at: 0 | 1, v: string) => onChange(rows.map((r, j) => (j === i ? ((at === 0 ? [v, r[1]] : [r[0], v]) as [string, string]) : r)));
  useFocusAdded(free.length, (k) => `param-name-${k}`);
  const setNamed = (name: string, v: string) => onChange(v === '' ? rows.filter(([n]) => n !== name) : rows.some(([n]) => n === name) ? rows.map((r) => (r[0] === name ? [name, v] : r)) : [...rows, [name, v]]);
  return (
    <fieldset class="parameters">
      <legend>Technical parameters (CONTRACT §6 units: fractions 0–1, µm, g/cm³ …)</legend>
      {suggested.length > 0 && (
        <div class="suggested" id="suggested-parameters">
          <p>The entries that list this item turn on these parameters; give the ones you know.</p>
          {suggested.map((p) => (
            <div class="field" key={p.name} data-parameter={p.name}>
              <label for={`param-${p.name}`}>
                <code>{p.name}</code>
              </label>
              <input id={`param-${p.name}`} inputMode="decimal" aria-describedby={`param-${p.name}-hint`} value={rows.find(([n]) => n === p.name)?.[1] ?? ''} onInput={(e) => setNamed(p.name, e.currentTarget.value)} />
              <small id={`param-${p.name}-hint`} class="hint">
                {p.prompt ? `${p.prompt} ` : ''}
                {p.uses.map((u) => `${u.jurisdiction}${u.code ? ` ${u.code}` : ''}: ${u.conditions}`).join('; ')}
              </small>
            </div>
          ))}
        </div>
      )}
      <datalist id="parameter-names">
        {[...named, ...PARAMETER_NAMES.filter((n) => !named.has(n))].map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      {free.map(([[name, value], i], k) => (
        <div class="row" key={i}>
          <Field label={`Parameter ${k + 1} name`} id={`param-name-${k}`}>
            <input id={`param-name-${k}`} list="parameter-names" value={name} onInput={(e) => set(i, 0, e.currentTarget.value)} />
          </Field>
          <Field label={`Parameter ${k + 1} value`} id={`param-value-${k}`}>
            <input id={`param-value-${k}`} inputMode="decimal" value={value} onInput={(e) => set(i, 1, e.currentTarget.value)} />
          </Field>
          <button type="button" class="secondary" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            Remove parameter {k + 1}
          </button>
        </div>
      ))}
      <button type="button" class="secondary" onClick={() => onChange([...rows, ['', '']])}>
        Add {suggested.length ? 'another' : 'a'} parameter
      </button>
    </fieldset>
  );
}

/** Identifiers besides the item box's: several make matching more precise (CONTRACT §2 ItemRef). */
function MoreIdentifiers({ form, onChange, regimes }: { form: AssessForm; onChange: (ids: Record<string, string>) => void; regimes: string[] }) {
  const own = regimes.filter((j) => !['CN', 'US', 'EU'].includes(j)).map((j) => `codes.${j}` as ItemField);
  const fields = [...new Set<ItemField>(['hs', 'cnCode', 'cnControlCode', 'eccn', 'euCode', ...own, 'cas'])].filter((f) => f !== form.item?.field);
  const given = fields.filter((f) => form.ids[f]).length;
  return (
    <details class="identifiers" open={given > 0}>
      <summary>More identifiers of the item{given ? ` (${given} given)` : ''}: HS and customs codes, each regime's control code, CAS</summary>
      <div class="row">
        {fields.map((f) => (
          <Field key={f} label={fieldWords(f)} id={`id-${f.replace('.', '-')}`}>
            <input id={`id-${f.replace('.', '-')}`} name={f} value={form.ids[f] ?? ''} onInput={(e) => onChange({ ...form.ids, [f]: e.currentTarget.value })} />
          </Field>
        ))}
      </div>
    </details>
  );
}

function OwnerRows({ form, set }: { form: AssessForm; set: <K extends keyof AssessForm>(k: K, v: AssessForm[K]) => void }) {
  const rows = form.owners;
  const change = (i: number, k: keyof OwnerRow, v: string) => set('owners', rows.map((r, j) => (j === i ? { ...r, [k]: v } : r)));
  useFocusAdded(rows.length, (i) => `owner-name-${i}`);
  return (
    <fieldset id="owners" tabIndex={-1}>
      <legend>End user's owners (for ownership rules such as the EAR affiliates rule)</legend>
      {rows.map((o, i) => (
        <div class="row" key={i}>
          <Field label={`Owner ${i + 1} name`} id={`owner-name-${i}`}>
            <input id={`owner-name-${i}`} value={o.name} onInput={(e) => change(i, 'name', e.currentTarget.value)} />
          </Field>
          <Field label={`Owner ${i + 1} country`} id={`owner-country-${i}`}>
            <CountrySelect id={`owner-country-${i}`} value={o.country} onChange={(v) => change(i, 'country', v)} emptyLabel="Not given" />
          </Field>
          <Field label={`Owner ${i + 1} share (0–1)`} id={`owner-share-${i}`}>
            <input id={`owner-share-${i}`} inputMode="decimal" value={o.share} onInput={(e) => change(i, 'share', e.currentTarget.value)} />
          </Field>
          <button type="button" class="secondary" onClick={() => set('owners', rows.filter((_, j) => j !== i))}>
            Remove owner {i + 1}
          </button>
        </div>
      ))}
      <div class="row">
        <button type="button" class="secondary" onClick={() => set('owners', [...rows, emptyOwner()])}>
          Add an owner
        </button>
        <label class="check">
          <input type="checkbox" checked={form.ownersComplete} onChange={(e) => set('ownersComplete', e.currentTarget.checked)} /> These are all the owners (<code>ownersComplete</code>)
        </label>
      </div>
    </fieldset>
  );
}

function PartyRows({ rows, onChange }: { rows: PartyRow[]; onChange: (rows: PartyRow[]) => void }) {
  const change = (i: number, k: keyof PartyRow, v: string) => onChange(rows.map((r, j) => (j === i ? { ...r, [k]: v } : r)));
  useFocusAdded(rows.length, (i) => `party-role-${i}`);
  return (
    <fieldset id="parties" tabIndex={-1}>
      <legend>Other parties (screened like the end user)</legend>
      {rows.map((r, i) => (
        <div class="row" key={i}>
          <Field label={`Party ${i + 1} role`} id={`party-role-${i}`}>
            <select id={`party-role-${i}`} value={r.role} onChange={(e) => change(i, 'role', e.currentTarget.value)}>
              {PARTY_ROLES.map((role) => (
                <option key={role} value={role}>
                  {words(role)}
                </option>
              ))}
            </select>
          </Field>
          <Field label={`Party ${i + 1} name`} id={`party-name-${i}`}>
            <input id={`party-name-${i}`} value={r.name} onInput={(e) => change(i, 'name', e.currentTarget.value)} />
          </Field>
          <Field label={`Party ${i + 1} country`} id={`party-country-${i}`}>
            <CountrySelect id={`party-country-${i}`} value={r.country} onChange={(v) => change(i, 'country', v)} emptyLabel="Not given" />
          </Field>
          <button type="button" class="secondary" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            Remove party {i + 1}
          </button>
        </div>
      ))}
      <button type="button" class="secondary" onClick={() => onChange([...rows, emptyParty()])}>
        Add a party
      </button>
    </fieldset>
  );
}

/** Answers to the answer's questions, merged into the form. */
/** Assess a transfer: the form, and the answer for the request the URL holds. */
export function AssessView({ params }: { params: URLSearchParams }) {
  const fromUrl = formFromParams(params, todayUtc());
  const [form, setForm] = useState<AssessForm>(fromUrl);
  const key = isComplete(fromUrl) ? paramsFromForm(fromUrl).toString() : undefined;
  useLayoutEffect(() => setForm(fromUrl), [params.toString()]);

  const result = useAsync(key, async () => {
    const answer = await postJson<Answer>('/v1/assessments', requestFromForm(fromUrl));
    performance.mark('answer-received');
    return answer;
  });
  // Marks when the answer is in the DOM, so that tests can time rendering apart from the API.
  useLayoutEffect(() => {
    if (result.data) performance.mark('answer-rendered');
  }, [result.data]);

  const set = <K extends keyof AssessForm>(k: K, v: AssessForm[K]) => setForm((f) => ({ ...f, [k]: v }));
  const plugins = usePlugins();
  // The field that carries each regime's list codes: a regime's `item` question is answered with one of its entries' codes.
  const codeFields = Object.fromEntries((plugins.data ?? []).map((p) => [p.jurisdiction, p.controlCodeField as ItemField | undefined]));
  // The parameters the entries listing this item turn on (GET /v1/compare), offered as fields of their own.
  const asked = useDebounced(form.item ? `${compareQuery(itemIdentifiers(form), form.date)}` : undefined);
  const suggested = useAsync(asked, () => itemParameters(itemIdentifiers(form), form.date));
  const submit = (next: AssessForm) => navigate('assess', paramsFromForm(next));

  return (
    <section aria-labelledby="assess-title">
      <h1 id="assess-title">Assess a transfer</h1>
      <form
        class="assess"
        onSubmit={(e) => {
          e.preventDefault();
          submit(form);
        }}
      >
        <Field label="Item" id="item" hint="A name in English or Chinese, an HS or China customs code, a control code or a CAS number.">
          <ItemSearch id="item" value={form.item} onChange={(c) => set('item', c)} />
        </Field>
        <MoreIdentifiers form={form} onChange={(ids) => set('ids', ids)} regimes={(plugins.data ?? []).map((p) => p.jurisdiction)} />
        <div class="row">
          <Field label="From" id="from">
            <CountrySelect id="from" value={form.from} onChange={(v) => set('from', v)} required />
          </Field>
          <Field label="To" id="to">
            <CountrySelect id="to" value={form.to} onChange={(v) => set('to', v)} required />
          </Field>
          <Field label="Date" id="date">
            <input id="date" type="date" value={form.date} required onInput={(e) => set('date', e.currentTarget.value)} />
          </Field>
        </div>
        <div class="row">
          <Field label="Transfer" id="transfer">
            <select id="transfer" value={form.transfer} onChange={(e) => set('transfer', e.currentTarget.value)}>
              <option value="goods">goods</option>
              <option value="technology">technology (know-how, technical data, services)</option>
              <option value="software">software</option>
            </select>
          </Field>
          <Field label="End use" id="endUse">
            <select id="endUse" value={form.endUse} onChange={(e) => set('endUse', e.currentTarget.value)}>
              <option value="">unknown</option>
              <option value="civil">civil</option>
              <option value="military">military</option>
              <option value="military-intelligence">military intelligence</option>
              <option value="wmd">weapons of mass destruction</option>
            </select>
          </Field>
          <Field label="Origin" id="origin" hint="Where the item was produced; default: From.">
            <CountrySelect id="origin" value={form.origin} onChange={(v) => set('origin', v)} emptyLabel="Same as From" />
          </Field>
        </div>
        <fieldset class="row">
          <legend>End user</legend>
          <Field label="End user name" id="endUserName">
            <input id="endUserName" value={form.endUserName} onInput={(e) => set('endUserName', e.currentTarget.value)} />
          </Field>
          <Field label="End user country" id="endUserCountry">
            <CountrySelect id="endUserCountry" value={form.endUserCountry} onChange={(v) => set('endUserCountry', v)} emptyLabel="Not given" />
          </Field>
          <Field label="End user type" id="endUserType">
            <select id="endUserType" value={form.endUserType} onChange={(e) => set('endUserType', e.currentTarget.value)}>
              <option value="">not given</option>
              {['government', 'military', 'commercial', 'research', 'individual'].map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </select>
          </Field>
        </fieldset>
        <OwnerRows form={form} set={set} />
        <PartyRows rows={form.parties} onChange={(rows) => set('parties', rows)} />
        <ParameterRows rows={form.parameters} onChange={(rows) => set('parameters', rows)} suggested={suggested.data ?? []} />
        <button type="submit">Assess</button>
      </form>
      <div aria-live="polite">
        {result.loading && <p class="loading">Assessing…</p>}
        <ErrorMessage error={result.error} />
        {result.data && !result.loading && <AnswerView answer={result.data} query={key} codeFields={codeFields} onAnswerQuestions={(answers) => submit(withAnswers(fromUrl, answers, codeFields))} />}
      </div>
    </section>
  );
}
