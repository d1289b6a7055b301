// A public touch screen must not zoom the page, select text, open a context menu, swipe back in
// history or follow a link out of the app. CSS (kiosk.css) does what it can (touch-action,
// user-select, overscroll-behavior); these listeners stop the rest. Returns the undo for unmount.

const KIOSK_VIEWPORT = 'width=device-width, initial-scale=1, minimum-scale=1, maximum-scale=1, user-scalable=no, viewport-fit=cover';
const ZOOM_KEYS = new Set(['+', '=', '-', '_', '0']);
const HISTORY_KEYS = new Set(['BrowserBack', 'BrowserForward']);

function setViewportMeta(content: string): () => void {
  let meta = document.querySelector<HTMLMetaElement>('meta[name="viewport"]');
  const created = !meta;
  if (!meta) {
    meta = document.createElement('meta');
    meta.name = 'viewport';
    document.head.appendChild(meta);
  }
  const before = meta.content;
  meta.content = content;
  return () => {
    if (created) meta.remove();
    else meta.content = before;
  };
}

/** A link that would take the visitor to another page or site (Cesium's credit logo, say). */
function leavesApp(target: EventTarget | null): boolean {
  const anchor = target instanceof Element ? target.closest('a[href]') : null;
  if (!(anchor instanceof HTMLAnchorElement)) return false;
  const url = new URL(anchor.href, window.location.href);
  return url.origin !== window.location.origin || url.pathname !== window.location.pathname || anchor.target !== '';
}

export function guardKioskPage(): () => void {
  const restoreMeta = setViewportMeta(KIOSK_VIEWPORT);
  const prevent = (e: Event): void => e.preventDefault();
  const onWheel = (e: WheelEvent): void => { if (e.ctrlKey) e.preventDefault(); }; // trackpad pinch / ctrl-wheel zoom the page
  const onKey = (e: KeyboardEvent): void => {
    if (((e.ctrlKey || e.metaKey) && ZOOM_KEYS.has(e.key)) || HISTORY_KEYS.has(e.key) || (e.altKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight'))) e.preventDefault();
  };
  const onClick = (e: MouseEvent): void => { if (leavesApp(e.target)) e.preventDefault(); };
  const listeners: [string, EventListener, AddEventListenerOptions][] = [
    ['contextmenu', prevent, { capture: true }],
    ['selectstart', prevent, { capture: true }],
    ['dragstart', prevent, { capture: true }],
    // Safari's own pinch-zoom events.
    ['gesturestart', prevent, { capture: true, passive: false }],
    ['gesturechange', prevent, { capture: true, passive: false }],
    ['wheel', onWheel as EventListener, { capture: true, passive: false }],
    ['keydown', onKey as EventListener, { capture: true }],
    ['click', onClick as EventListener, { capture: true }],
    ['auxclick', onClick as EventListener, { capture: true }],
  ];
  for (const [type, fn, opts] of listeners) document.addEventListener(type, fn, opts);
  return () => {
    for (const [type, fn, opts] of listeners) document.removeEventListener(type, fn, opts);
    restoreMeta();
  };
}
