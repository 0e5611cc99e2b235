/**
 * The compose bar's look, inside its shadow root. It takes the site's text colour and font and
 * draws everything else from that colour, so it sits right on the light and the dark site alike.
 */
export const COMPOSE_CSS = `
:host { all: initial; display: block; color: inherit; font: 12px/1.5 system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", sans-serif; }
.bar { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 8px; padding: 6px 10px; margin: 0 0 6px;
  border-radius: 12px; background: color-mix(in srgb, currentColor 5%, transparent); color: inherit; }
.mark { font-weight: 600; opacity: 0.75; }
.direction { display: inline-flex; align-items: center; gap: 4px; opacity: 0.85; }
select, button { font: inherit; color: inherit; border-radius: 999px; border: 1px solid color-mix(in srgb, currentColor 25%, transparent);
  background: transparent; padding: 1px 10px; cursor: pointer; }
select { padding: 1px 4px; }
button.primary { border-color: #ff2442; background: #ff2442; color: #fff; font-weight: 600; }
button:disabled { opacity: 0.45; cursor: default; }
button:focus-visible, select:focus-visible { outline: 2px solid #2a7de1; outline-offset: 1px; }
kbd { font: inherit; opacity: 0.6; }
.status { opacity: 0.8; }
.status.error { color: #d4380d; opacity: 1; }
.back { flex-basis: 100%; display: flex; gap: 6px; align-items: baseline; }
.back-label { opacity: 0.65; white-space: nowrap; }
.back-text { font-style: italic; overflow-wrap: anywhere; }
[hidden] { display: none !important; }
`;
