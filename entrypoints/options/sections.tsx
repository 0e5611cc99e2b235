import type { ComponentType } from 'react';
import { AboutSection } from './about-section';
import { AppearanceSection } from './appearance-section';
import { DataSection } from './data-section';
import { GeneralSection } from './general-section';
import { PhrasebookSection } from './phrasebook-section';
import { ProgressSection } from './progress-section';
import { GlossarySection } from './glossary-section';
import { ProvidersSection } from './providers-section';
import { ReviewSection } from './review-section';
import { ShortcutsSection } from './shortcuts-section';

export interface OptionsSection {
  /** The section's anchor: `options.html#glossary` opens the page scrolled to it. */
  id: string;
  /** i18n key of the section's heading. */
  title: string;
  Component: ComponentType;
}

/** The options page's sections, in page and navigation order. Each feature adds its own here. */
export const OPTIONS_SECTIONS: OptionsSection[] = [
  { id: 'general', title: 'options.general', Component: GeneralSection },
  { id: 'appearance', title: 'appearance.title', Component: AppearanceSection },
  { id: 'providers', title: 'providerSetup.title', Component: ProvidersSection },
  { id: 'glossary', title: 'glossary.title', Component: GlossarySection },
  { id: 'phrasebook', title: 'learning.sections.phrasebook', Component: PhrasebookSection },
  { id: 'review', title: 'learning.sections.review', Component: ReviewSection },
  { id: 'progress', title: 'learning.sections.progress', Component: ProgressSection },
  { id: 'data', title: 'options.data', Component: DataSection },
  { id: 'shortcuts', title: 'shortcuts.title', Component: ShortcutsSection },
  { id: 'about', title: 'options.about', Component: AboutSection },
];
