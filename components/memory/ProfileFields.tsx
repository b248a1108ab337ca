/**
 * Pickers for the profile form (#14): the time zone from the browser's own list (typing filters it),
 * and important dates as month and day choices with an optional year, so nobody types "--MM-DD".
 */
import { useMemo } from 'preact/hooks';
import { isTimeZone, monthName, timeZones } from '../format';

export interface DateRow {
  label: string;
  month: string;
  day: string;
  /** Empty: every year. */
  year: string;
}

/** A stored date ("2019-12-04" or yearless "--12-04") as picker values. */
export function toRow(d: { label: string; date: string }): DateRow {
  const m = /^(?:(\d{4})|--)-?(\d{2})-(\d{2})$/.exec(d.date);
  return { label: d.label, month: m ? String(Number(m[2])) : '', day: m ? String(Number(m[3])) : '', year: m?.[1] ?? '' };
}

/** Picker values as the stored form; undefined while month or day is missing. */
export function fromRow(r: DateRow): { label: string; date: string } | undefined {
  if (!r.month || !r.day) return undefined;
  const mm = r.month.padStart(2, '0');
  const dd = r.day.padStart(2, '0');
  return { label: r.label.trim() || 'Important date', date: /^\d{4}$/.test(r.year.trim()) ? `${r.year.trim()}-${mm}-${dd}` : `--${mm}-${dd}` };
}

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const daysIn = (month: number, year: number) => new Date(Date.UTC(year || 2000, month, 0)).getUTCDate();

export function TimeZoneField({ value, onInput }: { value: string; onInput: (v: string) => void }) {
  const zones = useMemo(timeZones, []);
  const problem = value.trim() && !isTimeZone(value.trim()) ? 'Pick a time zone from the list, e.g. Europe/Oslo.' : undefined;
  return (
    <label class="rpm-field">
      <span>Time zone</span>
      <input
        class="rp-input rpm-input"
        list="rpm-time-zones"
        value={value}
        placeholder="Start typing a city"
        onInput={(e) => onInput(e.currentTarget.value)}
        data-field="timeZone"
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? 'rpm-tz-problem' : undefined}
      />
      <datalist id="rpm-time-zones">
        {zones.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      {problem && (
        <span class="rpm-problem" id="rpm-tz-problem">
          {problem}
        </span>
      )}
    </label>
  );
}

export function DatesField({ rows, onChange }: { rows: DateRow[]; onChange: (rows: DateRow[]) => void }) {
  const set = (i: number, change: Partial<DateRow>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  return (
    <fieldset class="rpm-dates" data-testid="important-dates">
      <legend>Important dates</legend>
      {rows.map((r, i) => (
        <div class="rpm-date-row" key={i} data-testid="important-date">
          <input class="rp-input rpm-input" aria-label={`Date ${i + 1}: what it is`} placeholder="Birthday" value={r.label} onInput={(e) => set(i, { label: e.currentTarget.value })} />
          <select class="rp-input rpm-input" aria-label={`Date ${i + 1}: month`} value={r.month} onChange={(e) => set(i, { month: e.currentTarget.value })}>
            <option value="">Month</option>
            {MONTHS.map((m) => (
              <option key={m} value={String(m)}>
                {monthName(m)}
              </option>
            ))}
          </select>
          <select class="rp-input rpm-input" aria-label={`Date ${i + 1}: day`} value={r.day} onChange={(e) => set(i, { day: e.currentTarget.value })}>
            <option value="">Day</option>
            {Array.from({ length: r.month ? daysIn(Number(r.month), Number(r.year)) : 31 }, (_, d) => (
              <option key={d} value={String(d + 1)}>
                {d + 1}
              </option>
            ))}
          </select>
          <input
            class="rp-input rpm-input rpm-year"
            type="number"
            min={1900}
            max={2100}
            aria-label={`Date ${i + 1}: year (leave empty for every year)`}
            placeholder="Yearly"
            value={r.year}
            onInput={(e) => set(i, { year: e.currentTarget.value })}
          />
          <button type="button" class="rp-link" aria-label={`Remove date ${i + 1}`} onClick={() => onChange(rows.filter((_, j) => j !== i))}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" class="rp-link" onClick={() => onChange([...rows, { label: '', month: '', day: '', year: '' }])} data-testid="add-date">
        Add a date
      </button>
    </fieldset>
  );
}
