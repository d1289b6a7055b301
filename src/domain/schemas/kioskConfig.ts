// The public kiosk's part of the config (`kiosk`): idle timeout, attract loop, entry buttons.
// Owned by the kiosk mode; validated like the rest of the config, every issue with its path.
import { FieldChecker, describeType, isObject, type Issue } from './issues.ts';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the kiosk mode
export interface KioskConfig {}

export const KIOSK_KEYS: readonly string[] = [];

export function validateKioskConfig(raw: unknown, issues: Issue[], path = 'kiosk'): KioskConfig {
  if (raw === undefined) return {};
  if (!isObject(raw)) {
    issues.push({ path, message: `expected an object, found ${describeType(raw)}` });
    return {};
  }
  new FieldChecker(issues, raw, path).unknownKeys(KIOSK_KEYS);
  return {};
}
