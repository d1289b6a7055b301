// Keyboard navigation (documented in the UI's help and the README):
//   ←↑↓→ / WASD  pan      + / −  zoom      Q / E  rotate      R / F  tilt      N  north up      H  home
import type { Viewer } from 'cesium';
import { northUp, orbitView, panView, zoomView } from './camera.ts';

const PAN_STEP = 0.08; // of the camera height per key press
const TURN_STEP_DEG = 7.5;
const TILT_STEP_DEG = 5;

export interface KeyboardActions {
  home(): void;
}

function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function attachKeyboardNavigation(viewer: Viewer, actions: KeyboardActions, target: Window = window): () => void {
  const onKey = (e: KeyboardEvent) => {
    if (e.ctrlKey || e.metaKey || e.altKey || isTypingTarget(e.target)) return;
    const key = e.key.length === 1 ? e.key.toLowerCase() : e.key;
    const moves: Record<string, () => void> = {
      ArrowUp: () => panView(viewer, PAN_STEP, 0), w: () => panView(viewer, PAN_STEP, 0),
      ArrowDown: () => panView(viewer, -PAN_STEP, 0), s: () => panView(viewer, -PAN_STEP, 0),
      ArrowLeft: () => panView(viewer, 0, -PAN_STEP), a: () => panView(viewer, 0, -PAN_STEP),
      ArrowRight: () => panView(viewer, 0, PAN_STEP), d: () => panView(viewer, 0, PAN_STEP),
      '+': () => zoomView(viewer, 0.8), '=': () => zoomView(viewer, 0.8),
      '-': () => zoomView(viewer, 1.25), _: () => zoomView(viewer, 1.25),
      q: () => orbitView(viewer, -TURN_STEP_DEG, 0), e: () => orbitView(viewer, TURN_STEP_DEG, 0),
      r: () => orbitView(viewer, 0, TILT_STEP_DEG), f: () => orbitView(viewer, 0, -TILT_STEP_DEG),
      n: () => northUp(viewer), h: () => actions.home(),
    };
    const move = moves[key];
    if (!move) return;
    e.preventDefault();
    viewer.camera.cancelFlight();
    move();
  };
  target.addEventListener('keydown', onKey);
  return () => target.removeEventListener('keydown', onKey);
}
