import type { ControlCodeScheme } from '@chokepoint/core';

/**
 * Japan's list codes in `item.codes.JP`: the row of Appended Table 1 (Export Trade Control Order) or
 * of the Foreign Exchange Order's Appended Table, then the item in parentheses — `2(24)` is row 2,
 * item (24). A row or item written with 「の」 uses a hyphen (`3の2` → `3-2`, `（10の2）` → `(10-2)`);
 * a numbered sub-item follows a dot (`2(12).1`). Full-width digits and brackets are accepted.
 */
export const JP_CODE_SCHEME: ControlCodeScheme = {
  field: 'codes.JP',
  pattern: '^(1[0-6]|[1-9])(-2)?(\\([0-9]{1,2}(-[0-9])?\\)(\\.[0-9]{1,2})?)?$',
  example: '2(24)',
  description: 'Export Trade Control Order Appended Table 1 / Foreign Exchange Order Appended Table, row(item), e.g. 2(24)',
};
