import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import './appearance-section.css';
import { SampleOverlay, SiteSurface, useAppearanceStyle } from '@/components/site-sample';
import { useSettings } from '@/components/use-settings';
import { BLOCK_BACKGROUND, PRESET_COLORS, SITE_THEMES } from '@/utils/overlay/appearance';
import { READABLE_CONTRAST, contrastRatio } from '@/utils/overlay/contrast';
import { COLOR_PRESETS, type Appearance, type ColorPreset, type Placement } from '@/utils/settings-schema';

const FONT_SCALES = [85, 100, 115, 130, 150];
const PLACEMENTS: Placement[] = ['line', 'block'];

/** Translation size, colour (light and dark site) and placement, shown live in a preview. */
export function AppearanceSection() {
  const { t, i18n } = useTranslation();
  const [settings, update] = useSettings();
  const appearance = settings?.appearance;
  useAppearanceStyle(appearance);
  const sizeId = useId();
  if (!appearance) return null;
  const change = (next: Partial<Appearance>) => update({ appearance: { ...appearance, ...next } });
  const scales = FONT_SCALES.includes(appearance.fontScale)
    ? FONT_SCALES
    : [...FONT_SCALES, appearance.fontScale].sort((a, b) => a - b);

  return (
    <>
      <p className="muted">{t('appearance.intro')}</p>
      <div className="field">
        <label className="field-label" htmlFor={sizeId}>
          {t('appearance.fontSize')}
        </label>
        <select
          id={sizeId}
          value={appearance.fontScale}
          onChange={(event) => change({ fontScale: Number(event.target.value) })}
        >
          {scales.map((scale) => (
            <option key={scale} value={scale}>
              {FONT_SCALES.includes(scale)
                ? t(`appearance.fontScale.${scale}`)
                : t('appearance.fontScale.other', { percent: scale })}
            </option>
          ))}
        </select>
      </div>

      <fieldset className="field">
        <legend className="field-label">{t('appearance.colors')}</legend>
        <div className="segmented">
          {COLOR_PRESETS.map((preset) => (
            <label key={preset} className={appearance.colors === preset ? 'segment selected' : 'segment'}>
              <input
                type="radio"
                name="appearance-colors"
                value={preset}
                checked={appearance.colors === preset}
                onChange={() => change({ colors: preset })}
              />
              <Swatches preset={preset} appearance={appearance} />
              {t(`appearance.preset.${preset}`)}
            </label>
          ))}
        </div>
      </fieldset>
      {appearance.colors === 'custom' && (
        <div className="appearance-custom">
          {(['light', 'dark'] as const).map((theme) => (
            <CustomColor
              key={theme}
              theme={theme}
              appearance={appearance}
              onChange={(color) => change({ customColors: { ...appearance.customColors, [theme]: color } })}
            />
          ))}
        </div>
      )}

      <fieldset className="field">
        <legend className="field-label">{t('appearance.placement')}</legend>
        <div className="segmented">
          {PLACEMENTS.map((placement) => (
            <label
              key={placement}
              className={appearance.placement === placement ? 'segment selected' : 'segment'}
            >
              <input
                type="radio"
                name="appearance-placement"
                value={placement}
                checked={appearance.placement === placement}
                onChange={() => change({ placement })}
              />
              {t(`appearance.placements.${placement}`)}
            </label>
          ))}
        </div>
      </fieldset>

      <div className="subsection">
        <h3>{t('appearance.preview')}</h3>
        <div className="appearance-previews">
          {(['light', 'dark'] as const).map((theme) => (
            <SiteSurface
              key={theme}
              theme={theme}
              label={t(theme === 'light' ? 'appearance.previewLight' : 'appearance.previewDark')}
            >
              <p className="rb-sample-text">{t('appearance.sampleOriginal')}</p>
              <SampleOverlay
                kind="comment"
                lang={i18n.language}
                state="done"
                paragraphs={[t('appearance.sampleTranslation')]}
              />
            </SiteSurface>
          ))}
        </div>
      </div>
    </>
  );
}

/** The preset's light and dark colour, for sighted readers; the label says the same in words. */
function Swatches({ preset, appearance }: { preset: ColorPreset; appearance: Appearance }) {
  const pair =
    preset === 'custom'
      ? appearance.customColors
      : preset === 'site'
        ? { light: SITE_THEMES.light.text, dark: SITE_THEMES.dark.text }
        : PRESET_COLORS[preset];
  return (
    <span className="swatches" aria-hidden="true">
      <span className="swatch" style={{ background: pair.light, borderColor: '#fff' }} />
      <span className="swatch" style={{ background: pair.dark, borderColor: '#0a0a0a' }} />
    </span>
  );
}

/** The lowest contrast of `color` on the backgrounds a translation may sit on in this theme. */
function worstContrast(color: string, theme: 'light' | 'dark', appearance: Appearance): number {
  const backgrounds: string[] = [...SITE_THEMES[theme].backgrounds];
  if (appearance.placement === 'block') backgrounds.push(BLOCK_BACKGROUND[theme]);
  return Math.min(...backgrounds.map((background) => contrastRatio(color, background)));
}

function CustomColor(props: {
  theme: 'light' | 'dark';
  appearance: Appearance;
  onChange: (color: string) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const color = props.appearance.customColors[props.theme];
  const ratio = worstContrast(color, props.theme, props.appearance);
  const readable = ratio >= READABLE_CONTRAST;
  const shown = ratio.toFixed(1);
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {t(props.theme === 'light' ? 'appearance.customLight' : 'appearance.customDark')}
      </label>
      <input
        id={id}
        type="color"
        value={color}
        aria-describedby={`${id}-contrast`}
        onChange={(event) => props.onChange(event.target.value)}
      />
      <span id={`${id}-contrast`} className={readable ? 'muted' : 'warning'} aria-live="polite">
        {readable
          ? t('appearance.contrast', { ratio: shown })
          : t('appearance.lowContrast', { ratio: shown })}
      </span>
    </div>
  );
}
