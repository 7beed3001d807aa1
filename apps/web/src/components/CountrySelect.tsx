import { useEffect, useState } from 'preact/hooks';
import { countryName, loadCountries, type Country } from '../data.js';

interface Props {
  id: string;
  value: string;
  onChange: (code: string) => void;
  required?: boolean;
  /** Extra choices before the countries (regimes such as EU). */
  extra?: { code: string; name: string }[];
  emptyLabel?: string;
}

/**
 * A country picker by name (the code shown too); the list comes from GET /v1/jurisdictions. Each option begins with the
 * name people use ("China — People's Republic of China (CN)"), so that typing "China" or "United States" picks it.
 */
export function CountrySelect({ id, value, onChange, required, extra = [], emptyLabel = 'Choose a country' }: Props) {
  const [list, setList] = useState<Country[]>([]);
  useEffect(() => {
    loadCountries().then(setList, () => setList([]));
  }, []);
  const known = extra.some((e) => e.code === value) || list.some((c) => c.code === value);
  return (
    <select id={id} name={id} value={value} required={required} onChange={(e) => onChange(e.currentTarget.value)}>
      <option value="">{emptyLabel}</option>
      {extra.map((e) => (
        <option key={e.code} value={e.code}>
          {e.name}
        </option>
      ))}
      {value && !known && <option value={value}>{value}</option>}
      {list.map((c) => (
        <option key={c.code} value={c.code}>
          {countryName(c)}
          {c.names.common ? ` — ${c.names.en}` : ''} ({c.code})
        </option>
      ))}
    </select>
  );
}
