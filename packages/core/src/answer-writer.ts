/**
 * JSON text of an answer, with the text of every frozen part written once and reused. The engine
 * shares frozen objects between answers for what does not change from one answer to the next (the
 * `data` block, each plugin's descriptor, the assessment of a regime that does not reach, the warnings
 * of a caveat, a list or an item's resolution). The
 * answer's top level and the elements of its arrays are written here in order, skipping `undefined` as
 * `JSON.stringify` does; a frozen part's text is remembered, every other part is left to
 * `JSON.stringify` (walking deeper in JavaScript was measured slower than the native encoder). Only frozen objects are remembered, and the engine
 * freezes only its own constant data, so what this keeps is bounded by the plugins' data, not by
 * the requests.
 */
export class AnswerWriter {
  private readonly shared = new WeakMap<object, string>();

  /**
   * The answer as one line of JSON (no newline): exactly `JSON.stringify(value)`. With `omit`, that
   * top-level field is left out, as `JSON.stringify({ ...value, [omit]: undefined })` would, without the copy.
   */
  text(value: unknown, omit?: string): string {
    return this.write(value, 0, omit);
  }

  private write(value: unknown, depth: number, omit?: string): string {
    if (typeof value !== 'object' || value === null) return JSON.stringify(value) ?? 'null';
    // (A field to omit is the caller's request about this value's own fields: its shared text would hold it.)
    if (omit === undefined && Object.isFrozen(value)) {
      let text = this.shared.get(value);
      if (text === undefined) {
        text = JSON.stringify(value);
        this.shared.set(value, text);
      }
      return text;
    }
    // The answer's own fields and the elements of its arrays (the regimes' assessments, which the engine
    // shares when a regime does not reach) are looked at; anything deeper goes to JSON.stringify whole.
    if (Array.isArray(value)) {
      if (depth > 1) return JSON.stringify(value);
      let out = '[';
      for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + (value[i] === undefined ? 'null' : this.write(value[i], depth + 1));
      return `${out}]`;
    }
    if (depth > 0) return JSON.stringify(value);
    let out = '{';
    const record = value as Record<string, unknown>;
    for (const key in record) {
      const v = record[key];
      if (v === undefined || typeof v === 'function' || key === omit) continue;
      out += `${out.length > 1 ? ',' : ''}${JSON.stringify(key)}:${this.write(v, depth + 1)}`;
    }
    return `${out}}`;
  }
}
