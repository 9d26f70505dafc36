import { isCalendarDay, parsePartialDate } from '@scr/shared';

export interface BundleProblem {
  path: string;
  message: string;
}

type Fields = Record<string, unknown>;

export const isObject = (v: unknown): v is Fields =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The checks a bundle's parts make of their sections, collecting every problem in document
 * order, and the references each part has seen, for the parts that point to them.
 */
export class BundleChecker {
  readonly problems: BundleProblem[] = [];
  /** The references of each kind the bundle defines (agency, person, event …). */
  private readonly known = new Map<string, Set<string>>();

  constructor(private readonly knownThemes: ReadonlyMap<string, string>) {}

  problem(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  text(obj: Fields, key: string, path: string, required: boolean, maxLength: number): void {
    const value = obj[key];
    if (value === undefined || value === null) {
      if (required) this.problem(`${path}.${key}`, 'is required');
      return;
    }
    if (typeof value !== 'string') this.problem(`${path}.${key}`, 'must be text');
    else if (required && value.trim() === '') this.problem(`${path}.${key}`, 'must not be empty');
    else if (value.length > maxLength)
      this.problem(
        `${path}.${key}`,
        `must be at most ${maxLength} characters long (it has ${value.length})`,
      );
  }

  oneOf(obj: Fields, key: string, path: string, values: readonly string[]): void {
    if (!values.includes(obj[key] as string))
      this.problem(
        `${path}.${key}`,
        `must be one of ${values.join(', ')} (got ${JSON.stringify(obj[key])})`,
      );
  }

  day(obj: Fields, key: string, path: string): void {
    const value = obj[key];
    if (value === undefined || value === null) return;
    if (typeof value !== 'string' || !isCalendarDay(value))
      this.problem(
        `${path}.${key}`,
        `must be a calendar day YYYY-MM-DD (got ${JSON.stringify(value)})`,
      );
  }

  /** An optional partial date: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  partialDate(obj: Fields, key: string, path: string): void {
    const value = obj[key];
    if (value === undefined || value === null) return;
    if (typeof value !== 'string' || typeof parsePartialDate(value) === 'string')
      this.problem(
        `${path}.${key}`,
        `must be a date YYYY-MM-DD, YYYY-MM or YYYY (got ${JSON.stringify(value)})`,
      );
  }

  /** An optional true or false. */
  boolean(obj: Fields, key: string, path: string): void {
    const value = obj[key];
    if (value !== undefined && value !== null && typeof value !== 'boolean')
      this.problem(`${path}.${key}`, `must be true or false (got ${JSON.stringify(value)})`);
  }

  /** An optional whole number from min to max. */
  integer(obj: Fields, key: string, path: string, min: number, max: number): void {
    const value = obj[key];
    if (value === undefined || value === null) return;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
      this.problem(
        `${path}.${key}`,
        `must be a whole number from ${min} to ${max} (got ${JSON.stringify(value)})`,
      );
  }

  order(obj: Fields, start: string, end: string, path: string): void {
    if (typeof obj[start] === 'string' && typeof obj[end] === 'string' && obj[end] < obj[start]) {
      this.problem(`${path}.${end}`, `must not be before ${start}`);
    }
  }

  list(obj: Fields, key: string, path: string): Fields[] {
    const value = obj[key];
    if (value === undefined) return [];
    if (!Array.isArray(value)) {
      this.problem(`${path}${path ? '.' : ''}${key}`, 'must be a list');
      return [];
    }
    return value.map((item, i) => {
      if (!isObject(item))
        this.problem(`${path}${path ? '.' : ''}${key}[${i}]`, 'must be an object');
      return isObject(item) ? item : {};
    });
  }

  /** Checks the items' references and keeps them as the references of `kind`. */
  refs(items: Fields[], key: string, kind: string): Set<string> {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      const ref = item.ref;
      if (typeof ref !== 'string' || ref === '') this.problem(`${key}[${i}].ref`, 'is required');
      else if (seen.has(ref)) this.problem(`${key}[${i}].ref`, `"${ref}" is used twice`);
      else seen.add(ref);
    });
    this.known.set(kind, seen);
    return seen;
  }

  /** Whether `value` is a reference of `kind` the bundle defines. */
  pointsTo(value: unknown, kind: string, path: string, optional = false): void {
    if ((value === null || value === undefined) && optional) return;
    if (typeof value !== 'string' || !(this.known.get(kind) ?? new Set()).has(value))
      this.problem(path, `refers to no ${kind} (${JSON.stringify(value)})`);
  }

  pointAll(obj: Fields, key: string, kind: string, path: string): void {
    const value = obj[key] ?? [];
    if (!Array.isArray(value)) return this.problem(`${path}.${key}`, 'must be a list');
    value.forEach((ref, j) => this.pointsTo(ref, kind, `${path}.${key}[${j}]`));
  }

  themes(obj: Fields, key: string, path: string, kind?: string): void {
    const value = obj[key] ?? [];
    if (!Array.isArray(value)) return this.problem(`${path}.${key}`, 'must be a list');
    value.forEach((themeKey, j) => {
      const found = this.knownThemes.get(themeKey as string);
      if (!found)
        this.problem(`${path}.${key}[${j}]`, `there is no theme ${JSON.stringify(themeKey)}`);
      else if (kind && found !== kind)
        this.problem(
          `${path}.${key}[${j}]`,
          `"${themeKey}" is not a ${kind.toLowerCase().replace('_', ' ')}`,
        );
    });
  }
}
