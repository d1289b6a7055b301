// The kiosk mode's UI text, zh (default) and en; merged into the app dictionaries (same keys, tested).
export const kioskZh = {
} as const;

export const kioskEn: Record<keyof typeof kioskZh, string> = {
};
