// The screen mode's UI text, zh (default) and en; merged into the app dictionaries (same keys, tested).
export const screenZh = {
} as const;

export const screenEn: Record<keyof typeof screenZh, string> = {
};
