import { FakeLanguageDetector, FakeTranslator } from './fake-chrome-ai.testing';
import { localAvailability, startDownload } from './model-download';

describe('startDownload (options page, inside a click)', () => {
  it('downloads the pair with progress and frees the translator afterwards', async () => {
    const translator = new FakeTranslator({
      defaultState: 'downloadable',
      userActivation: true,
      progress: [0, 0.4, 1],
    });
    const progress: number[] = [];
    await expect(
      startDownload('zh-CN', 'en', { apis: { translator }, onProgress: (loaded) => progress.push(loaded) }),
    ).resolves.toBe('available');
    expect(translator.created).toEqual([{ sourceLanguage: 'zh', targetLanguage: 'en' }]);
    expect(progress).toEqual([0, 0.4, 1]);
    expect(translator.destroyed).toHaveLength(1);
    await expect(localAvailability('zh-CN', 'en', { translator })).resolves.toBe('available');
  });

  it('starts create() before awaiting anything, while the user activation lasts', () => {
    const translator = new FakeTranslator({ userActivation: true });
    const create = vi.spyOn(translator, 'create');
    void startDownload('ja', 'en', { apis: { translator } });
    expect(create).toHaveBeenCalledTimes(1);
  });

  it("fails 'unavailable' without a user gesture or for a pair Chrome cannot do", async () => {
    const needsGesture = new FakeTranslator({ defaultState: 'downloadable' });
    await expect(startDownload('ko', 'en', { apis: { translator: needsGesture } })).rejects.toMatchObject({
      kind: 'unavailable',
    });
    const unsupportedPair = new FakeTranslator({ defaultState: 'unavailable', userActivation: true });
    await expect(startDownload('ko', 'en', { apis: { translator: unsupportedPair } })).rejects.toMatchObject({
      kind: 'unavailable',
    });
  });

  it("answers 'unsupported' without the Translator API", async () => {
    await expect(startDownload('ko', 'en', { apis: {} })).resolves.toBe('unsupported');
    await expect(localAvailability('ko', 'en', {})).resolves.toBe('unsupported');
  });

  it('also fetches the language detector, whose failure does not fail the pair', async () => {
    const translator = new FakeTranslator({ userActivation: true });
    const languageDetector = new FakeLanguageDetector({ state: 'downloadable' });
    await expect(startDownload('ja', 'en', { apis: { translator, languageDetector } })).resolves.toBe(
      'available',
    );
    const fine = new FakeLanguageDetector();
    await startDownload('ja', 'en', { apis: { translator, languageDetector: fine } });
    expect(fine.created).toBe(1);
    await startDownload('ja', 'en', { apis: { translator, languageDetector: fine }, includeDetector: false });
    expect(fine.created).toBe(1);
  });
});
