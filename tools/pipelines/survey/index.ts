export { generateSurveyTables, zoneForBounds, DEFAULT_SURVEY_BOUNDS, SYNTHETIC_LABEL, type SurveySummary, type SurveyTables } from './generate.ts';
export { surveyCsvBytes, surveyCsvText, POINT_FILE, LINE_FILE } from './csv.ts';
export type { SurveyPointRow, SurveyPipeRow } from './tables.ts';
