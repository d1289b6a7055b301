// The command-centre wall's part of the config (`screen`): tour, project feed, display profile.
// Owned by the screen mode; validated like the rest of the config, every issue with its path.
import { FieldChecker, describeType, isObject, type Issue } from './issues.ts';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the screen mode
export interface ScreenConfig {}

export const SCREEN_KEYS: readonly string[] = [];

export function validateScreenConfig(raw: unknown, issues: Issue[], path = 'screen'): ScreenConfig {
  if (raw === undefined) return {};
  if (!isObject(raw)) {
    issues.push({ path, message: `expected an object, found ${describeType(raw)}` });
    return {};
  }
  new FieldChecker(issues, raw, path).unknownKeys(SCREEN_KEYS);
  return {};
}
