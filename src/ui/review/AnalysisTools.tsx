// The analyses tab of the scheme-review panel: flood, line of sight, viewshed, section profile and
// height limit, one tool shown at a time. Every tool reads the same surface (the reality mesh with
// the shown proposals placed in it), and each keeps its result and drawings until cleared.
import { ANALYSIS_KINDS, useAnalysis, type AnalysisKind } from '../../state/analysis.ts';
import { useT } from '../i18n/index.ts';
import { FloodTools } from './FloodTools.tsx';
import { HeightLimitTools } from './HeightLimitTools.tsx';
import { ProfileTools } from './ProfileTools.tsx';
import { SightTools } from './SightTools.tsx';
import { ViewshedTools } from './ViewshedTools.tsx';

const TOOLS: Record<AnalysisKind, () => React.JSX.Element> = {
  flood: FloodTools, sight: SightTools, viewshed: ViewshedTools, profile: ProfileTools, limit: HeightLimitTools,
};

export function AnalysisTools() {
  const t = useT();
  const tool = useAnalysis((s) => s.tool);
  const results = useAnalysis((s) => s.results);
  const Tool = TOOLS[tool];
  return (
    <div className="analysis-tools" data-testid="analysis-tools">
      <div className="measure-kinds" role="group" aria-label={t('analysis.heading')}>
        {ANALYSIS_KINDS.map((k) => (
          <button key={k} type="button" data-testid={`analysis-tool-${k}`} aria-pressed={tool === k} title={t(`analysis.tool.${k}.title`)}
            onClick={() => useAnalysis.getState().setTool(k)}>
            {t(`analysis.tool.${k}`)}{results[k] ? ' •' : ''}
          </button>
        ))}
      </div>
      <Tool />
    </div>
  );
}
