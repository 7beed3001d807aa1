import { useEffect, useRef, useState } from 'preact/hooks';
import { getJson } from '../api.js';
import type { TaxonomyHit } from '../data.js';
import { Text } from './common.js';

/** Which ItemRef field the search box fills, and with what. */
export interface ItemChoice {
  field: ItemField;
  value: string;
  /** What the box shows (a taxonomy node's name). */
  label?: string;
}
/** An ItemRef identifier: a field of its own, or a regime's own code under `codes` (`codes.JP`). */
export type ItemField = 'id' | 'hs' | 'cnCode' | 'cnControlCode' | 'eccn' | 'euCode' | 'cas' | 'name' | `codes.${string}`;
export const ITEM_FIELDS: ItemField[] = ['id', 'hs', 'cnCode', 'cnControlCode', 'eccn', 'euCode', 'codes.JP', 'cas', 'name'];

const FIELD_WORDS: Record<string, string> = {
  id: 'taxonomy ID',
  hs: 'HS code',
  cnCode: 'China customs code',
  cnControlCode: 'China control list code',
  eccn: 'US ECCN',
  euCode: 'EU Annex I code',
  cas: 'CAS number',
  name: 'free-text name',
  'codes.JP': 'Japan control code (codes.JP)',
};

/** How an identifier field reads in words (`codes.XX` for a regime this app does not name: "XX control code"). */
export const fieldWords = (field: ItemField): string => FIELD_WORDS[field] ?? `${field.slice(6)} control code (${field})`;

interface Option {
  key: string;
  choice: ItemChoice;
  text: string;
  detail: string;
}

const CONTROL_CODE = /^(?:\d[A-E]\d{3}[a-z0-9.]*|EAR99)$/i;
const CAS = /^\d{2,7}-\d{2}-\d$/;
const DIGITS = /^[\d.\s]+$/;
/** Japan's row-and-item codes, `2(24)`, `4(15).2`, `15(1)`, with full-width brackets too (the plugin folds them). */
const JP_CODE = /^(?:1[0-6]|[1-9])(?:-2)?[(（]\d{1,2}(?:-\d)?[)）](?:\.\d{1,2})?$/;

/** The identifiers a typed text could be, so that codes the taxonomy does not index can still be used. */
export function readingsOf(text: string): ItemChoice[] {
  const t = text.trim();
  if (!t) return [];
  if (CAS.test(t)) return [{ field: 'cas', value: t }];
  if (JP_CODE.test(t)) return [{ field: 'codes.JP', value: t }];
  if (CONTROL_CODE.test(t)) return (['cnControlCode', 'eccn', 'euCode'] as const).map((field) => ({ field, value: t }));
  if (DIGITS.test(t)) {
    const digits = t.replace(/\D/g, '');
    const hs = digits.length >= 4 && digits.length <= 10 ? [{ field: 'hs' as const, value: t }] : [];
    const cn = digits.length === 8 || digits.length === 10 ? [{ field: 'cnCode' as const, value: t }] : [];
    return [...cn, ...hs];
  }
  return [{ field: 'name', value: t }];
}

/** How a chosen item reads in the box. */
export const choiceText = (c: ItemChoice | undefined): string => (c ? (c.label ?? c.value) : '');
export const describeChoice = (c: ItemChoice): string => `${fieldWords(c.field)} ${c.value}`;

interface Props {
  id: string;
  value: ItemChoice | undefined;
  onChange: (choice: ItemChoice | undefined) => void;
}

/**
 * The item box: suggestions from the taxonomy as the person types (names in English or Chinese, HS,
 * China customs codes, regimes' control codes such as Japan's `2(24)`, CAS), followed by the
 * identifiers the text could be. A WAI-ARIA combobox:
 * arrow keys move, Enter picks, Escape closes.
 */
export function ItemSearch({ id, value, onChange }: Props) {
  const [text, setText] = useState(choiceText(value));
  const [hits, setHits] = useState<TaxonomyHit[]>([]);
  const [open, setOpen] = useState(false);
  // The highlighted option is kept by its key, so that it stays put when suggestions arrive.
  const [activeKey, setActiveKey] = useState<string>();
  const typed = useRef(false);

  useEffect(() => {
    if (!typed.current) setText(choiceText(value));
  }, [value?.field, value?.value]);

  useEffect(() => {
    const q = text.trim();
    if (!typed.current || !q) return setHits([]);
    let current = true;
    const timer = setTimeout(() => {
      getJson<TaxonomyHit[]>('/v1/taxonomy', { q, limit: '8' }).then(
        (h) => current && setHits(h),
        () => current && setHits([]),
      );
    }, 120);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [text]);

  const options: Option[] = [
    ...hits.map((h) => ({ key: `id:${h.id}`, choice: { field: 'id' as const, value: h.id, label: h.names?.en ?? h.id }, text: h.names?.en ?? h.id, detail: `${h.names?.zh ? `${h.names.zh} · ` : ''}${h.id} · matched by ${h.matchedBy}` })),
    ...readingsOf(text).map((c) => ({ key: `${c.field}:${c.value}`, choice: c, text: c.value, detail: `use as ${fieldWords(c.field)}` })),
  ];
  const listId = `${id}-suggestions`;
  const active = options.findIndex((o) => o.key === activeKey);

  const pick = (o: Option) => {
    typed.current = false;
    setText(choiceText(o.choice));
    setOpen(false);
    setActiveKey(undefined);
    onChange(o.choice);
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(true);
      const n = options.length;
      if (n) setActiveKey(options[e.key === 'ArrowDown' ? (active + 1) % n : (active - 1 + n) % n]!.key);
    } else if (e.key === 'Enter' && open && active >= 0 && options[active]) {
      e.preventDefault();
      pick(options[active]);
    } else if (e.key === 'Escape') {
      setOpen(false);
    }
  };

  return (
    <div class="combobox">
      <input
        id={id}
        name={id}
        type="text"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        aria-expanded={open && options.length > 0}
        aria-controls={listId}
        aria-activedescendant={open && active >= 0 ? `${listId}-${active}` : undefined}
        aria-describedby={`${id}-hint`}
        value={text}
        required
        onInput={(e) => {
          typed.current = true;
          const t = e.currentTarget.value;
          setText(t);
          setOpen(true);
          setActiveKey(undefined);
          // Until a suggestion is picked, the text is read as its likeliest identifier.
          const first = readingsOf(t)[0];
          onChange(first);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      {open && options.length > 0 && (
        <ul id={listId} role="listbox" class="suggestions" aria-label="Suggestions">
          {options.map((o, i) => (
            <li key={o.key} id={`${listId}-${i}`} role="option" aria-selected={i === active} class={i === active ? 'active' : ''} onMouseDown={(e) => (e.preventDefault(), pick(o))}>
              <span>{o.text}</span> <small><Text>{o.detail}</Text></small>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
