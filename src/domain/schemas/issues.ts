// Validators collect issues and never throw; each issue names its place in the input, in the
// style of the MapLibre style validator: `layers[2].url: expected a string, found number`.
export interface Issue {
  readonly path: string;
  readonly message: string;
}

export function formatIssue(issue: Issue): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}

export type JsonObject = Readonly<Record<string, unknown>>;

/** What a JSON value is, in the words an error message uses. */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && !Number.isFinite(value)) return 'non-finite number';
  return typeof value;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base ? `${base}.${key}` : key;
}

/** Field checks: each pushes at most one issue and reports whether the value is usable. */
export class FieldChecker {
  constructor(readonly issues: Issue[], readonly obj: JsonObject, readonly path: string) {}

  private at(key: string): string {
    return joinPath(this.path, key);
  }

  private mismatch(key: string, expected: string): false {
    this.issues.push({ path: this.at(key), message: `expected ${expected}, found ${describeType(this.obj[key])}` });
    return false;
  }

  private missing(key: string, required: boolean): boolean | undefined {
    if (this.obj[key] !== undefined) return undefined;
    if (required) this.issues.push({ path: this.at(key), message: 'is required' });
    return !required;
  }

  string(key: string, opts: { required?: boolean; nonEmpty?: boolean } = {}): boolean {
    const m = this.missing(key, opts.required ?? false);
    if (m !== undefined) return m;
    const v = this.obj[key];
    if (typeof v !== 'string') return this.mismatch(key, 'a string');
    if (opts.nonEmpty && v.trim() === '') {
      this.issues.push({ path: this.at(key), message: 'must not be empty' });
      return false;
    }
    return true;
  }

  boolean(key: string, opts: { required?: boolean } = {}): boolean {
    const m = this.missing(key, opts.required ?? false);
    if (m !== undefined) return m;
    return typeof this.obj[key] === 'boolean' ? true : this.mismatch(key, 'a boolean');
  }

  number(key: string, opts: { required?: boolean; min?: number; max?: number; integer?: boolean } = {}): boolean {
    const m = this.missing(key, opts.required ?? false);
    if (m !== undefined) return m;
    const v = this.obj[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) return this.mismatch(key, opts.integer ? 'an integer' : 'a number');
    if (opts.integer && !Number.isInteger(v)) return this.mismatch(key, 'an integer');
    if ((opts.min !== undefined && v < opts.min) || (opts.max !== undefined && v > opts.max)) {
      const range = `${opts.min ?? '-∞'}..${opts.max ?? '∞'}`;
      this.issues.push({ path: this.at(key), message: `expected a number in ${range}, found ${v}` });
      return false;
    }
    return true;
  }

  oneOf(key: string, allowed: readonly string[], opts: { required?: boolean } = {}): boolean {
    if (!this.string(key, opts)) return false;
    const v = this.obj[key];
    if (v === undefined || allowed.includes(v as string)) return true;
    this.issues.push({ path: this.at(key), message: `expected one of ${allowed.map((a) => `"${a}"`).join(', ')}, found "${String(v)}"` });
    return false;
  }

  stringArray(key: string, opts: { required?: boolean } = {}): boolean {
    const m = this.missing(key, opts.required ?? false);
    if (m !== undefined) return m;
    const v = this.obj[key];
    if (!Array.isArray(v)) return this.mismatch(key, 'an array of strings');
    let ok = true;
    v.forEach((item, i) => {
      if (typeof item !== 'string') {
        this.issues.push({ path: joinPath(this.at(key), i), message: `expected a string, found ${describeType(item)}` });
        ok = false;
      }
    });
    return ok;
  }

  /** `{ zh, en }` text: both languages are required so neither UI language shows a gap. */
  localizedText(key: string, opts: { required?: boolean } = {}): boolean {
    const m = this.missing(key, opts.required ?? false);
    if (m !== undefined) return m;
    const v = this.obj[key];
    if (!isObject(v)) return this.mismatch(key, 'an object {zh, en}');
    const inner = new FieldChecker(this.issues, v, this.at(key));
    const zh = inner.string('zh', { required: true, nonEmpty: true });
    const en = inner.string('en', { required: true, nonEmpty: true });
    return zh && en;
  }

  /** Reports keys not in the known set: a typo like `opactiy` should not pass silently. */
  unknownKeys(known: readonly string[]): void {
    for (const key of Object.keys(this.obj)) {
      if (!known.includes(key)) this.issues.push({ path: this.at(key), message: 'unknown property' });
    }
  }
}
