import { describe, expect, it } from 'vitest';
import { fromRow, toRow } from '@/components/memory/ProfileFields';
import { importantDate, isTimeZone, timeZones } from '@/components/format';

describe('profile pickers (#14)', () => {
  it('important dates round-trip through month/day/year choices; an empty year means every year', () => {
    expect(toRow({ label: 'Birthday', date: '--12-04' })).toEqual({ label: 'Birthday', month: '12', day: '4', year: '' });
    expect(fromRow({ label: 'Birthday', month: '12', day: '4', year: '' })).toEqual({ label: 'Birthday', date: '--12-04' });
    expect(fromRow(toRow({ label: 'Joined', date: '2019-03-09' }))).toEqual({ label: 'Joined', date: '2019-03-09' });
    expect(fromRow({ label: 'x', month: '', day: '4', year: '' })).toBeUndefined();
  });
  it('shows stored dates in words, never "--MM-DD"', () => {
    expect(importantDate('--12-04', 'en-GB')).toBe('4 Dec');
    expect(importantDate('2019-12-04', 'en-GB')).toBe('4 Dec 2019');
    expect(importantDate('--12-04', 'en-US')).toBe('Dec 4');
  });
  it('time zones come from the browser and are checked', () => {
    expect(timeZones()).toContain('Europe/Oslo');
    expect(isTimeZone('Europe/Oslo')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
  });
});
