// Type-level checks that a TypeScript type and a schema describe the same JSON (schema-agreement.ts).
// Assignability alone lets an optional field be missing on one side; `KeyDiff` names such a field.

/** True when `A` and `B` are the same type. */
type Identical<A, B> = (<T>() => T extends A ? 1 : 2) extends (<T>() => T extends B ? 1 : 2) ? true : false;

/**
 * The field names present on one side only, at any depth (through arrays, records and optional
 * fields); `never` when both sides have the same fields everywhere.
 */
export type KeyDiff<A, B> = Identical<A, B> extends true ? never
  : [A] extends [readonly (infer EA)[]] ? ([B] extends [readonly (infer EB)[]] ? KeyDiff<EA, EB> : never)
    : [A] extends [object] ? ([B] extends [object]
      ? Exclude<keyof A, keyof B> | Exclude<keyof B, keyof A> | { [K in keyof A & keyof B]-?: KeyDiff<NonNullable<A[K]>, NonNullable<B[K]>> }[keyof A & keyof B]
      : never)
      : never;

/** Compiles only when `A` is assignable to `B`. */
export type Fits<A extends B, B> = [A, B];

/** Compiles only when `D` is `never`: use as `NoDiff<KeyDiff<A, B>>`; an error names the extra field. */
export type NoDiff<D extends never> = D;
