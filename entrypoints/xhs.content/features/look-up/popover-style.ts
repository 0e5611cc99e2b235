/** The popover's own styles, inside its shadow root: the site's CSS cannot reach them, nor ours the site. */
export const POPOVER_CSS = `
:host { all: initial; }
.panel {
  position: fixed; z-index: 2147483646; box-sizing: border-box;
  width: min(360px, calc(100vw - 16px)); max-height: min(420px, calc(100vh - 16px)); overflow: auto;
  padding: 12px 14px; border-radius: 10px; border: 1px solid #e3e3e6;
  background: #fff; color: #222; box-shadow: 0 6px 24px rgba(0, 0, 0, 0.18);
  font: 13px/1.45 system-ui, -apple-system, 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif;
}
.head { display: flex; align-items: flex-start; gap: 8px; }
.phrase { font-size: 17px; font-weight: 600; flex: 1; word-break: break-word; }
.pinyin { color: #c4162e; margin: 2px 0 6px; }
.muted { color: #5f6368; font-size: 12px; }
h3 { font-size: 12px; margin: 10px 0 2px; color: #5f6368; font-weight: 600; }
p { margin: 2px 0; }
ul { margin: 0; padding: 0; list-style: none; }
li { margin: 4px 0; }
.word { font-weight: 600; margin-right: 6px; }
.sense-pinyin { color: #c4162e; margin-right: 6px; }
.actions { display: flex; align-items: center; gap: 8px; margin-top: 10px; }
button {
  font: inherit; cursor: pointer; border-radius: 6px; padding: 4px 12px;
  border: 1px solid #c4162e; background: #c4162e; color: #fff;
}
button.close { background: transparent; color: inherit; border-color: transparent; padding: 0 6px; font-size: 16px; }
button:focus-visible { outline: 2px solid #1a73e8; outline-offset: 2px; }
button:disabled { opacity: 0.6; cursor: default; }
button.explain, button.keep { background: transparent; color: #c4162e; }
.ai-badge { font-weight: 500; font-size: 11px; padding: 0 6px; border-radius: 999px; border: 1px solid currentColor; }
.literal, .origin { color: #5f6368; }
/* The site's dark theme, copied onto the host from <html dark>. */
:host([dark]) .panel { background: #2a2a2d; color: #ececec; border-color: #3a3a3e; }
:host([dark]) .muted, :host([dark]) h3, :host([dark]) .literal, :host([dark]) .origin { color: #a8abb0; }
:host([dark]) button.explain, :host([dark]) button.keep { color: #ff8a9a; border-color: #ff8a9a; }
:host([dark]) .pinyin, :host([dark]) .sense-pinyin { color: #ff8a9a; }
`;
