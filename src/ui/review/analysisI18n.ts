// The analyses tab's UI text (flood, sight line, viewshed, section profile, height limit), zh and en.
export const analysisZh = {
  'analysis.heading': '分析',
} as const;

export const analysisEn: Record<keyof typeof analysisZh, string> = {
  'analysis.heading': 'Analyses',
};
