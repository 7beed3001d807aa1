import { useLayoutEffect, useState } from 'preact/hooks';
import { postJson } from '../api.js';
import { ErrorMessage, Field } from '../components/common.js';
import { CountrySelect } from '../components/CountrySelect.js';
import { ItemSearch } from '../components/ItemSearch.js';
import { useAsync } from '../data.js';
import { todayUtc } from '../format.js';
import { navigate } from '../route.js';
import { formFromParams, isComplete, paramsFromForm, REQUEST_FIELD_QUESTIONS, requestFromForm, type AssessForm } from '../request.js';
import { AnswerView, type Answer } from './Answer.js';

/** CONTRACT §6 parameter names offered in the parameter picker; plugins may use others, typed by hand. */
const PARAMETER_NAMES = ['purity', 'particleSizeUm', 'densityGPerCm3', 'flexuralStrengthMPa', 'energyDensityWhPerKg', 'compactionDensityGPerCm3', 'dischargeCapacityMAhPerG', 'firstCycleEfficiency', 'resistivityOhmCm', 'massKg', 'innerDiameterMm', 'outerDiameterMm', 'lengthMm'];

function ParameterRows({ rows, onChange }: { rows: [string, string][]; onChange: (rows: [string, string][]) => void }) {
  const set = (i: number, at: 0 | 1, v: string) => onChange(rows.map((r, j) => (j === i ? ((at === 0 ? [v, r[1]] : [r[0], v]) as [string, string]) : r)));
  return (
    <fieldset class="parameters">
      <legend>Technical parameters (CONTRACT §6 units: fractions 0–1, µm, g/cm³ …)</legend>
      <datalist id="parameter-names">
        {PARAMETER_NAMES.map((n) => (
          <option key={n} value={n} />
        ))}
      </datalist>
      {rows.map(([name, value], i) => (
        <div class="row" key={i}>
          <Field label={`Parameter ${i + 1} name`} id={`param-name-${i}`}>
            <input id={`param-name-${i}`} list="parameter-names" value={name} onInput={(e) => set(i, 0, e.currentTarget.value)} />
          </Field>
          <Field label={`Parameter ${i + 1} value`} id={`param-value-${i}`}>
            <input id={`param-value-${i}`} inputMode="decimal" value={value} onInput={(e) => set(i, 1, e.currentTarget.value)} />
          </Field>
          <button type="button" class="secondary" onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            Remove parameter {i + 1}
          </button>
        </div>
      ))}
      <button type="button" class="secondary" onClick={() => onChange([...rows, ['', '']])}>
        Add a parameter
      </button>
    </fieldset>
  );
}

/** Answers to the answer's questions, merged into the form. */
function withAnswers(form: AssessForm, answers: Record<string, string>): AssessForm {
  const next = { ...form, parameters: [...form.parameters] };
  for (const [parameter, value] of Object.entries(answers)) {
    if (value === '') continue;
    const field = REQUEST_FIELD_QUESTIONS[parameter];
    if (field) (next as unknown as Record<string, string>)[field] = value;
    else next.parameters = [...next.parameters.filter(([n]) => n !== parameter), [parameter, value]];
  }
  return next;
}

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
        <ParameterRows rows={form.parameters} onChange={(rows) => set('parameters', rows)} />
        <button type="submit">Assess</button>
      </form>
      <div aria-live="polite">
        {result.loading && <p class="loading">Assessing…</p>}
        <ErrorMessage error={result.error} />
        {result.data && !result.loading && <AnswerView answer={result.data} onAnswerQuestions={(answers) => submit(withAnswers(fromUrl, answers))} />}
      </div>
    </section>
  );
}
