// Serves the fixture Xiaohongshu site (tests/fixtures/site + tests/fixtures/data) for requests the
// harness receives for www.xiaohongshu.com / www.rednote.com. Pages ship an HTML shell with
// `window.__INITIAL_STATE__` (as the real site's SSR does) that the browser module renders;
// /fixture-api answers JSON after a network-like delay; images are generated SVGs.
// Depends only on node built-ins and the fixture's own modules.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createModel,
  FEED_FIRST_PAGE,
  FEED_PAGE_SIZE,
  type Dataset,
  type FixtureModel,
  type NotesFile,
} from '../../fixtures/site/model.js';
import { coverSvg, avatarSvg, emojiSvg, commentPictureSvg, logoSvg } from '../../fixtures/site/images.js';

const FIXTURES_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures');
const SITE_DIR = path.join(FIXTURES_DIR, 'site');
const DATA_DIR = path.join(FIXTURES_DIR, 'data');

const HEX24 = '[0-9a-f]{24}';
const NOTE_PAGE = new RegExp(`^/(?:explore|search_result|discovery/item|user/profile/${HEX24})/(${HEX24})$`);
const PROFILE_PAGE = new RegExp(`^/user/profile/(${HEX24})$`);

/**
 * Comment and reply pages answered since the server module loaded, for benchmarks that judge the
 * translation requests a reading costs against the pages of comments it loaded. Read a difference.
 */
const commentPagesServed = { comments: 0, replies: 0 };
export function fixtureCommentPagesServed(): { comments: number; replies: number } {
  return { ...commentPagesServed };
}

/** Default API delay in ms; null = random 100–250 ms per response. A `delay` query param wins. */
let defaultApiDelay: number | null = null;
export function setDefaultApiDelay(ms: number | null): void {
  defaultApiDelay = ms;
}

interface Loaded {
  model: FixtureModel;
  notes: NotesFile;
  pictures: Map<string, { width: number; height: number }>;
}
let loaded: Loaded | null = null;

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(path.join(DATA_DIR, name), 'utf8')) as T;
}

function load(): Loaded {
  if (loaded) return loaded;
  const dataset: Dataset = {
    notes: readJson<NotesFile>('notes.json'),
    users: readJson<Dataset['users']>('users.json'),
    comments: readJson<Dataset['comments']>('comments.json'),
    pools: readJson<Dataset['pools']>('pools.json'),
  };
  const pictures = new Map<string, { width: number; height: number }>();
  for (const threads of Object.values(dataset.comments))
    for (const t of threads) if (t.picture) pictures.set(t.id, t.picture);
  loaded = { model: createModel(dataset), notes: dataset.notes, pictures };
  return loaded;
}

/** The ids tests need (flagship note, second note, video note, profile user…), from notes.json. */
export function fixtureIds(): Record<string, string> {
  const { notes } = load();
  return Object.fromEntries(Object.entries(notes).filter(([, v]) => typeof v === 'string')) as Record<
    string,
    string
  >;
}

/** Clears the cached data (after editing the JSON files while a server runs). */
export function reloadSiteData(): void {
  loaded = null;
}

// --- responses ------------------------------------------------------------------------------

function send(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', ...headers });
  res.end(req.method === 'HEAD' ? undefined : body);
}

const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The HTML shell. JSON inside <script> has `<` escaped: comment texts contain "</script>". */
function sendPage(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  title: string,
  state: Record<string, unknown>,
): void {
  const { notes } = load();
  const full = { viewerId: notes.profileUserId, special: fixtureIds(), ...state };
  const json = JSON.stringify(full)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  const html = `<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1,minimum-scale=1,maximum-scale=1,user-scalable=no,viewport-fit=cover">
<link rel="icon" type="image/svg+xml" href="/fixture-assets/img/logo.svg">
<link rel="stylesheet" href="/fixture-assets/site.css">
</head><body><div id="app"></div>
<script>window.__INITIAL_STATE__=${json}</script>
<script type="module" src="/fixture-assets/app.js"></script>
</body></html>`;
  send(req, res, status, 'text/html; charset=utf-8', html);
}

function delayFor(url: URL): number {
  const q = url.searchParams.get('delay');
  if (q !== null && q !== '' && Number.isFinite(Number(q))) return Math.max(0, Number(q));
  if (defaultApiDelay !== null) return defaultApiDelay;
  return 100 + Math.floor(Math.random() * 151);
}

function sendJson(
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  status: number,
  body: unknown,
  onSent?: () => void,
): void {
  const payload = JSON.stringify(body);
  setTimeout(() => {
    if (res.destroyed) return;
    send(req, res, status, 'application/json; charset=utf-8', payload);
    onSent?.();
  }, delayFor(url));
}

const int = (v: string | null, fallback: number) => {
  const n = Number(v);
  return v !== null && v !== '' && Number.isFinite(n) && n >= 0 ? Math.floor(n) : fallback;
};

// --- routes ---------------------------------------------------------------------------------

function handleApi(req: IncomingMessage, res: ServerResponse, url: URL, route: string): boolean {
  const { model } = load();
  const q = url.searchParams;
  const synthetic = Math.min(20000, int(q.get('comments'), 0));
  // `mix=zh`: synthetic comments as a Chinese reader meets them (see model.js syntheticThreads).
  const mix = q.get('mix') ?? '';
  switch (route) {
    case 'feed':
      sendJson(
        req,
        res,
        url,
        200,
        model.feedPage({
          cursor: int(q.get('cursor'), 0),
          num: Math.min(100, int(q.get('num'), FEED_PAGE_SIZE)),
          keyword: q.get('keyword') ?? '',
        }),
      );
      return true;
    case 'note': {
      const note = model.noteDetail(q.get('id') ?? '', { synthetic, mix });
      sendJson(req, res, url, note ? 200 : 404, note ?? { error: 'note not found' });
      return true;
    }
    case 'comments': {
      const noteId = q.get('note_id') ?? '';
      if (!model.notes.has(noteId)) return (sendJson(req, res, url, 404, { error: 'note not found' }), true);
      sendJson(
        req,
        res,
        url,
        200,
        model.commentPage(noteId, {
          cursor: int(q.get('cursor'), 0),
          num: Math.max(1, int(q.get('num'), 10)),
          synthetic,
          mix,
        }),
        () => commentPagesServed.comments++,
      );
      return true;
    }
    case 'replies': {
      const noteId = q.get('note_id') ?? '';
      if (!model.notes.has(noteId)) return (sendJson(req, res, url, 404, { error: 'note not found' }), true);
      sendJson(
        req,
        res,
        url,
        200,
        model.replyPage(noteId, q.get('root_id') ?? '', {
          cursor: int(q.get('cursor'), 1),
          num: Math.max(1, int(q.get('num'), 5)),
          synthetic,
          mix,
        }),
        () => commentPagesServed.replies++,
      );
      return true;
    }
    default:
      return false;
  }
}

function handleImage(req: IncomingMessage, res: ServerResponse, rest: string): boolean {
  const { model, pictures } = load();
  const svg = (body: string) =>
    send(req, res, 200, 'image/svg+xml; charset=utf-8', body, { 'Cache-Control': 'public, max-age=3600' });
  let m: RegExpExecArray | null;
  if ((m = new RegExp(`^note/(${HEX24})/(\\d+)\\.svg$`).exec(rest))) {
    const note = model.notes.get(m[1] ?? '');
    const image = note?.images[Number(m[2])] ?? { width: 1080, height: 1440 };
    svg(
      coverSvg({
        id: m[1] ?? '',
        index: Number(m[2]),
        width: image.width,
        height: image.height,
        topic: note?.topic ?? 'life',
      }),
    );
    return true;
  }
  if ((m = new RegExp(`^avatar/(${HEX24})\\.svg$`).exec(rest))) {
    svg(avatarSvg({ id: m[1] ?? '', nickname: model.users.get(m[1] ?? '')?.nickname ?? '' }));
    return true;
  }
  if ((m = new RegExp(`^comment/(${HEX24})\\.svg$`).exec(rest))) {
    svg(commentPictureSvg({ id: m[1] ?? '', ...(pictures.get(m[1] ?? '') ?? {}) }));
    return true;
  }
  if ((m = /^emoji\/([^/]+)\.svg$/.exec(rest))) {
    let name = '';
    try {
      name = decodeURIComponent(m[1] ?? '');
    } catch {
      return false;
    }
    svg(emojiSvg(name));
    return true;
  }
  if (rest === 'logo.svg') {
    svg(logoSvg());
    return true;
  }
  return false;
}

function handleAsset(req: IncomingMessage, res: ServerResponse, rest: string): boolean {
  if (rest.startsWith('img/')) return handleImage(req, res, rest.slice(4));
  // Flat file names only: no traversal out of the site directory.
  const m = /^([a-z0-9-]+)\.(js|css)$/.exec(rest);
  if (!m) return false;
  let body: Buffer;
  try {
    body = readFileSync(path.join(SITE_DIR, rest));
  } catch {
    return false;
  }
  send(req, res, 200, m[2] === 'css' ? 'text/css; charset=utf-8' : 'text/javascript; charset=utf-8', body, {
    'Cache-Control': 'no-cache',
  });
  return true;
}

/**
 * Serves the fixture site. Returns false for paths it does not handle (the caller answers those).
 */
export function handleSiteRequest(req: IncomingMessage, res: ServerResponse, url: URL): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const p = url.pathname;
  if (p.startsWith('/fixture-assets/')) return handleAsset(req, res, p.slice('/fixture-assets/'.length));
  if (p.startsWith('/fixture-api/')) return handleApi(req, res, url, p.slice('/fixture-api/'.length));
  if (p === '/favicon.ico') {
    res.writeHead(204);
    res.end();
    return true;
  }
  if (p === '/' || p === '/explore/') {
    res.writeHead(302, { Location: `/explore${url.search}` });
    res.end();
    return true;
  }

  const { model } = load();
  if (p === '/explore') {
    sendPage(req, res, 200, '小红书 - 你的生活兴趣社区', {
      page: 'explore',
      feed: model.feedPage({ cursor: 0, num: FEED_FIRST_PAGE }),
    });
    return true;
  }
  if (p === '/search_result') {
    const keyword = url.searchParams.get('keyword') ?? '';
    sendPage(req, res, 200, `${keyword} - 小红书搜索`, { page: 'search', keyword });
    return true;
  }
  if (p === '/notification') {
    sendPage(req, res, 200, '通知 - 小红书', { page: 'notification', notifications: model.notifications() });
    return true;
  }
  let m = NOTE_PAGE.exec(p);
  if (m) {
    const synthetic = Math.min(20000, int(url.searchParams.get('comments'), 0));
    const note = model.noteDetail(m[1] ?? '', { synthetic, mix: url.searchParams.get('mix') ?? '' });
    if (!note) sendPage(req, res, 404, '小红书 - 你访问的页面不见了', { page: 'notfound' });
    else sendPage(req, res, 200, `${note.title || note.user.nickname} - 小红书`, { page: 'note', note });
    return true;
  }
  m = PROFILE_PAGE.exec(p);
  if (m) {
    const profile = model.profile(m[1] ?? '');
    if (!profile) sendPage(req, res, 404, '小红书 - 你访问的页面不见了', { page: 'notfound' });
    else sendPage(req, res, 200, `${profile.user.nickname}的个人主页 - 小红书`, { page: 'profile', profile });
    return true;
  }
  return false;
}
