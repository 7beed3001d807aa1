/** One problem with an input, named by its path (`item.hs`, `content[0].valueShare`). */
export interface FieldError {
  path: string;
  message: string;
}

/** A value as an error message shows it: its JSON text, cut to 60 characters (one hostile field must not fill the message). */
export function shownValue(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

/** Thrown when a request, plan or plugin is invalid; `errors` names every bad field. */
export class ValidationError extends Error {
  readonly code: string;
  readonly errors: FieldError[];

  constructor(errors: FieldError[], code = 'invalid_request') {
    super(errors.map((e) => `${e.path}: ${e.message}`).join('; '));
    this.name = 'ValidationError';
    this.code = code;
    this.errors = errors;
  }
}

/** Thrown when a plugin cannot be registered: wrong core range, invalid data or a duplicate jurisdiction. */
export class PluginRegistrationError extends Error {
  readonly plugin: string;
  readonly problems: string[];

  constructor(plugin: string, problems: string[]) {
    super(`plugin ${plugin} was refused:\n- ${problems.join('\n- ')}`);
    this.name = 'PluginRegistrationError';
    this.plugin = plugin;
    this.problems = problems;
  }
}
