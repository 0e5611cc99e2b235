import { useEffect, type ReactNode } from 'react';
import '@/utils/overlay/overlay.css';
import { PREVIEW_DARK_CLASS, applyAppearance } from '@/utils/overlay/appearance';
import type { Appearance } from '@/utils/settings-schema';
import './site-sample.css';

/**
 * Previews of translations as they look on Xiaohongshu: the site's colours around overlays built to
 * the same DOM contract and styled by the same stylesheet as on the site, with the reader's
 * appearance applied the same way (custom properties on overlays).
 */

/** Applies the appearance to this page's overlays, as the content script does on the site. */
export function useAppearanceStyle(appearance: Appearance | undefined): void {
  useEffect(() => {
    if (appearance) applyAppearance(document, appearance);
  }, [appearance]);
}

export function SiteSurface(props: { theme: 'light' | 'dark'; label: string; children: ReactNode }) {
  const className = props.theme === 'dark' ? `rb-site-sample ${PREVIEW_DARK_CLASS}` : 'rb-site-sample';
  return (
    <div className={className} role="group" aria-label={props.label}>
      {props.children}
    </div>
  );
}

export type SampleOverlayState =
  { state: 'pending'; label: string } | { state: 'done'; paragraphs: string[]; hashtags?: string[] };

/** One overlay, like `renderPending`/`renderDone` in utils/overlay/overlay-element.ts build it. */
export function SampleOverlay(props: { kind: string; lang: string } & SampleOverlayState) {
  return (
    <div
      data-rb-translation=""
      data-rb-state={props.state}
      data-rb-mode="bilingual"
      lang={props.lang}
      className={`rb-translation rb-${props.kind}`}
      aria-busy={props.state === 'pending'}
    >
      {props.state === 'pending' ? (
        <span className="rb-pending">{props.label}</span>
      ) : (
        <>
          {props.paragraphs.map((text, index) => (
            <div key={index} className="rb-paragraph">
              {text}
            </div>
          ))}
          {props.hashtags && props.hashtags.length > 0 && (
            <div className="rb-hashtags">
              {props.hashtags.map((tag, index) => (
                <span key={index} className="rb-hashtag">
                  #{tag.replace(/^#\s*/, '')}
                </span>
              ))}
            </div>
          )}
        </>
      )}
    </div>
  );
}
