// The planner mode's UI text, zh (default) and en; merged into the app dictionaries (same keys, tested).
export const plannerZh = {
} as const;

export const plannerEn: Record<keyof typeof plannerZh, string> = {
};
