import { cleanup, render, screen, within, type ByRoleMatcher } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { I18nRoot } from '@/components/i18n-root';
import { OptionsApp } from '@/entrypoints/options/options-app';
import { PopupApp } from '@/entrypoints/popup/popup-app';
import { WelcomeApp } from '@/entrypoints/welcome/welcome-app';
import { updateSettings } from '@/utils/settings';
import type { UiLanguage } from '@/utils/settings-schema';

afterEach(cleanup);

/** Roles a keyboard or screen-reader user operates, and the containers ARIA says must be named. */
const CONTROL_ROLES = [
  'button',
  'link',
  'checkbox',
  'switch',
  'radio',
  'combobox',
  'textbox',
  'slider',
  'spinbutton',
];
// Radio buttons are grouped by a fieldset, whose legend names the group (checked below).
const NAMED_CONTAINERS = ['radiogroup', 'region', 'navigation'];

const PAGES: Record<string, { element: ReactElement; ready: Record<UiLanguage & string, ByRoleMatcher> }> = {
  popup: { element: <PopupApp />, ready: { auto: 'switch', en: 'switch', 'zh-CN': 'switch' } },
  options: {
    element: <OptionsApp />,
    ready: { auto: 'navigation', en: 'navigation', 'zh-CN': 'navigation' },
  },
  welcome: {
    element: <WelcomeApp />,
    ready: { auto: 'radio', en: 'radio', 'zh-CN': 'radio' },
  },
};

/** Every element of the given roles with the name a screen reader would announce for it. */
function named(role: ByRoleMatcher) {
  return screen.queryAllByRole(role).map((element) => ({ role, element }));
}

describe.each(['en', 'zh-CN'] as const)('accessible names (%s)', (language) => {
  for (const [page, { element, ready }] of Object.entries(PAGES)) {
    it(`every control and group on the ${page} page has a name`, async () => {
      await updateSettings({ uiLanguage: language });
      render(<I18nRoot>{element}</I18nRoot>);
      await screen.findAllByRole(ready[language]);

      const controls = CONTROL_ROLES.flatMap(named);
      expect(controls.length, `${page} has controls`).toBeGreaterThan(1);
      for (const role of [...CONTROL_ROLES, ...NAMED_CONTAINERS]) {
        const unnamed = screen.queryAllByRole(role, { name: '' });
        expect(
          unnamed.map((node) => node.outerHTML.slice(0, 160)),
          `${page}: ${role} without an accessible name`,
        ).toEqual([]);
      }
      // Form fields a role query might miss (e.g. a colour picker) are labelled too.
      for (const field of document.querySelectorAll<HTMLInputElement>('input, select, textarea')) {
        if (field.type === 'hidden') continue;
        const labelled =
          field.getAttribute('aria-label') || field.getAttribute('aria-labelledby') || field.labels?.length;
        expect(labelled, `${page}: ${field.outerHTML.slice(0, 120)}`).toBeTruthy();
      }
      for (const fieldset of document.querySelectorAll('fieldset')) {
        expect(
          fieldset.querySelector(':scope > legend')?.textContent?.trim(),
          `${page}: fieldset legend`,
        ).toBeTruthy();
      }
      // One page title, and the content inside a main landmark.
      expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
      expect(screen.getByRole('main')).toBeTruthy();
    });
  }

  it('names the welcome page’s controls in the interface language', async () => {
    await updateSettings({ uiLanguage: language });
    render(
      <I18nRoot>
        <WelcomeApp />
      </I18nRoot>,
    );
    const zh = language === 'zh-CN';
    const questions = await screen.findByRole('group', {
      name: zh ? 'RedBridge 要翻译哪些内容？' : 'What should RedBridge translate?',
    });
    expect(within(questions).getAllByRole('radio')).toHaveLength(2);
    expect(screen.getByRole('combobox', { name: zh ? '我的语言' : 'My language' })).toBeTruthy();
    expect(screen.getByRole('button', { name: zh ? '完成' : 'Done' })).toBeTruthy();
    expect(screen.getByRole('group', { name: zh ? '示例笔记' : 'Sample note' })).toBeTruthy();
    expect(screen.getByRole('list', { name: zh ? '评论' : 'Comments' })).toBeTruthy();
  });
});
