import { AdherenceCard, FailingRulesCard, PerAgentCard, QualityEmpty, ResponseTimeCard } from './quality/cards';
import { adherenceChart, responseChart, useChart } from './quality/charts';
import { useQualityData } from './quality/useQualityData';

export { describeTargets } from './quality/labels';

export function QualityView() {
  const { loaded, pack, total, little, adherence, totals, dist, agents, examples } = useQualityData();
  // The charts are made here, not in their cards, so each is drawn again exactly when its data changes.
  const lineRef = useChart(() => adherenceChart(adherence), [adherence, little]);
  const barRef = useChart(() => responseChart(dist), [dist, little]);

  return (
    <section class="rd-view" aria-labelledby="quality-title">
      <header class="rd-view-head">
        <h1 id="quality-title">Reply quality</h1>
        <p class="rd-muted">How sent replies measured against the team’s standards when they were sent.</p>
      </header>
      {!loaded || (total === 0 && !examples.loaded) ? (
        <p class="rd-empty">Loading reply records…</p>
      ) : total === 0 && !examples.rebuilding ? (
        <QualityEmpty />
      ) : (
        <div class="rd-grid">
          <AdherenceCard little={little} total={total} adherence={adherence} totals={totals} canvas={lineRef} />
          <ResponseTimeCard dist={dist} pack={pack} canvas={barRef} />
          <FailingRulesCard examples={examples} />
          <PerAgentCard agents={agents} />
        </div>
      )}
    </section>
  );
}
