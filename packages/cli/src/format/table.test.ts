import { describe, expect, it } from 'vitest';
import { formatTable } from './table.js';

describe('formatTable', () => {
  it('aligns every column but the last, and rules the last no wider than 40 characters', () => {
    const long = `No. 61 part 1(1): ${'x'.repeat(120)}`;
    const lines = formatTable(['DATE', 'SCOPE'], [['2025-12-01', long], ['2026-11-10', 'short']]).split('\n');
    expect(lines[0]).toBe('DATE        SCOPE');
    expect(lines[1]).toBe(`----------  ${'-'.repeat(40)}`);
    expect(lines[2]).toBe(`2025-12-01  ${long}`);
    expect(lines[3]).toBe('2026-11-10  short');
  });
  it('rules a narrow last column as wide as its widest cell, and never narrower than its header', () => {
    expect(formatTable(['JUR', 'REFERENCE'], [['CN', 'No. 46']]).split('\n')[1]).toBe('---  ---------');
    expect(formatTable(['JUR', 'REF'], [['CN', 'Announcement 46']]).split('\n')[1]).toBe('---  ---------------');
  });
});
