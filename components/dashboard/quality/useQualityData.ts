import { useEffect, useMemo } from 'preact/hooks';
import { markFirstRows, useAfterFirstRows, useFailingRules, useReplyStats, useStored } from '@/lib/dashboard/live';
import { adherenceByWeek, adherenceTotals, perAgent, repliesCounted, responseDistribution, tooLittleToChart } from '@/lib/dashboard/queries';
import { DEFAULT_PACK, parsePack, type StandardsPack } from '@/lib/standards/pack';
import { PREF } from '@/lib/prefs';

/** The team's pack (Options), for naming the response-time targets replies were measured against. */
function usePack(): StandardsPack {
  const [stored] = useStored<unknown>(PREF.standardsPack, undefined);
  return useMemo(() => {
    if (stored === undefined) return DEFAULT_PACK;
    const parsed = parsePack(stored);
    return parsed.ok ? parsed.pack : DEFAULT_PACK;
  }, [stored]);
}

/** What the Quality view shows: the weekly reply sums and what is derived from them, then the examples. */
export function useQualityData() {
  const data = useReplyStats();
  const stats = data.stats;
  const pack = usePack();
  const total = useMemo(() => repliesCounted(stats), [stats]);
  const little = useMemo(() => tooLittleToChart(stats), [stats]);
  const adherence = useMemo(() => adherenceByWeek(stats), [stats]);
  const totals = useMemo(() => adherenceTotals(stats), [stats]);
  const dist = useMemo(() => responseDistribution(stats), [stats]);
  const agents = useMemo(() => perAgent(stats), [stats]);
  // Words instead of charts: the first rows are on screen once the totals table is.
  useEffect(() => {
    if (data.loaded && little && total > 0) markFirstRows('quality');
  }, [data.loaded, little, total]);
  // The examples read reply records: only once the charts are on screen.
  const examples = useFailingRules(useAfterFirstRows(data.loaded && total === 0));
  return { loaded: data.loaded, pack, total, little, adherence, totals, dist, agents, examples };
}
