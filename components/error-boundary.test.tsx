import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nRoot } from '@/components/i18n-root';
import { updateSettings } from '@/utils/settings';
import { ErrorBoundary } from './error-boundary';

afterEach(cleanup);

/** A section that fails to render while `failing()` says so, and counts its clicks otherwise. */
function Flaky({ failing }: { failing: () => boolean }) {
  const [clicks, setClicks] = useState(0);
  if (failing()) throw new Error('Cannot read properties of undefined (reading "trim")');
  return (
    <button type="button" onClick={() => setClicks(clicks + 1)}>
      Clicked {clicks}
    </button>
  );
}

async function renderPage(failing: () => boolean, uiLanguage: 'en' | 'zh-CN' = 'en') {
  await updateSettings({ uiLanguage });
  render(
    <I18nRoot>
      <ErrorBoundary>
        <Flaky failing={failing} />
      </ErrorBoundary>
      <ErrorBoundary>
        <p>Another section</p>
      </ErrorBoundary>
    </I18nRoot>,
  );
}

describe('error boundary', () => {
  it('shows the error in place of the section, keeps the rest, and reloads the section', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    let failing = true;
    await renderPage(() => failing);

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(
      'This section stopped working: Cannot read properties of undefined (reading "trim")',
    );
    expect(screen.getByText('Another section')).toBeTruthy();

    failing = false;
    fireEvent.click(screen.getByRole('button', { name: 'Reload this section' }));
    const section = await screen.findByRole('button', { name: 'Clicked 0' });
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(section);
    expect(screen.getByRole('button', { name: 'Clicked 1' })).toBeTruthy();
  });

  it('keeps showing the error when the section fails again, in Chinese too', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    await renderPage(() => true, 'zh-CN');
    fireEvent.click(await screen.findByRole('button', { name: '重新加载此部分' }));
    expect((await screen.findByRole('alert')).textContent).toContain('此部分无法正常运行');
    expect(screen.getByText('Another section')).toBeTruthy();
  });
});
