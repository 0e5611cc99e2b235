import { vi } from 'vitest';
import { ProviderError } from '../types';
import { MisalignedBatchError } from './misaligned-batch-error';
import { createOpenAiCompatibleProvider, explainPrompt, systemPrompt } from './openai-compatible';
import { describeErrorMapping, translationError } from './provider-contract.testing';
import { jsonResponse, recordedFetch, signal } from './recorded-fetch.testing';

/** A chat completion as OpenAI returns it, with `content` set to the given model output. */
function completion(content: string, finishReason = 'stop') {
  return {
    id: 'chatcmpl-BQx7r2v9kLzN4YpA1cW3dE5fG6hJ',
    object: 'chat.completion',
    created: 1_762_077_600,
    model: 'gpt-4o-mini-2024-07-18',
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content, refusal: null, annotations: [] },
        logprobs: null,
        finish_reason: finishReason,
      },
    ],
    usage: { prompt_tokens: 312, completion_tokens: 58, total_tokens: 370 },
    service_tier: 'default',
    system_fingerprint: 'fp_560af6e559',
  };
}

/** Recorded model output for the two texts below. */
const RECORDED_CONTENT =
  '{"translations":[{"id":"0","text":"Went to a hot pot place in Shanghai today, absolutely amazing!"},' +
  '{"id":"1","text":"About 150 yuan per person, totally worth it 😋"}]}';

const texts = ['今天去了上海的一家火锅店，绝绝子！', '人均150元，性价比很高 😋'];
const glossary = [{ source: '绝绝子', target: 'absolutely amazing' }];

function provider(fetch: Parameters<typeof createOpenAiCompatibleProvider>[0]['fetch'], apiKey?: string) {
  return createOpenAiCompatibleProvider({
    fetch,
    baseUrl: 'https://api.openai.com/v1/',
    model: 'gpt-4o-mini',
    ...(apiKey ? { apiKey } : {}),
  });
}

describe('openai-compatible provider', () => {
  it('sends the segments as JSON with the glossary in the system prompt', async () => {
    const { fetch, requests } = recordedFetch(jsonResponse(completion(RECORDED_CONTENT)));
    await provider(fetch, 'sk-test').translate({ texts, from: 'auto', to: 'en', signal: signal(), glossary });
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      url: 'https://api.openai.com/v1/chat/completions',
      method: 'POST',
      headers: { authorization: 'Bearer sk-test', 'content-type': 'application/json' },
    });
    const body = JSON.parse(requests[0]?.body ?? '');
    expect(body).toEqual({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: systemPrompt({ from: 'auto', to: 'en', glossary }) },
        {
          role: 'user',
          content: JSON.stringify({
            to: 'en',
            segments: [
              { id: '0', text: texts[0] },
              { id: '1', text: texts[1] },
            ],
          }),
        },
      ],
      response_format: { type: 'json_object' },
    });
    const prompt: string = body.messages[0].content;
    expect(prompt).toContain('into English');
    expect(prompt).toContain('render "绝绝子" as "absolutely amazing"');
    expect(prompt).toContain('{"translations": [{"id": "<segment id>", "text": "<translation>"}]}');
  });

  it('sends no Authorization header without a key (local Ollama)', async () => {
    const { fetch, requests } = recordedFetch(
      jsonResponse(completion('{"translations":[{"id":"0","text":"Hi"}]}')),
    );
    await createOpenAiCompatibleProvider({
      fetch,
      baseUrl: 'http://localhost:11434/v1',
      model: 'qwen2.5:7b',
    }).translate({
      texts: ['嗨'],
      from: 'zh-CN',
      to: 'en',
      signal: signal(),
    });
    expect(requests[0]?.url).toBe('http://localhost:11434/v1/chat/completions');
    expect(requests[0]?.headers).toEqual({ 'content-type': 'application/json' });
    expect(JSON.parse(requests[0]?.body ?? '').messages[0].content).toContain(
      'written in Simplified Chinese',
    );
  });

  it('parses the translations by id', async () => {
    const { fetch } = recordedFetch(jsonResponse(completion(RECORDED_CONTENT)));
    await expect(
      provider(fetch, 'k').translate({ texts, from: 'auto', to: 'en', signal: signal() }),
    ).resolves.toEqual({
      translations: [
        'Went to a hot pot place in Shanghai today, absolutely amazing!',
        'About 150 yuan per person, totally worth it 😋',
      ],
    });
  });

  it('tolerates a ```json fence, numeric ids and any order', async () => {
    const content = 'Here you go:\n```json\n{"translations":[{"id":1,"text":"B"},{"id":0,"text":"A"}]}\n```';
    const { fetch } = recordedFetch(jsonResponse(completion(content)));
    const result = await provider(fetch, 'k').translate({
      texts: ['甲', '乙'],
      from: 'auto',
      to: 'en',
      signal: signal(),
    });
    expect(result.translations).toEqual(['A', 'B']);
  });

  it('accepts a map of id → text', async () => {
    const { fetch } = recordedFetch(jsonResponse(completion('{"translations":{"0":"A","1":"B"}}')));
    const result = await provider(fetch, 'k').translate({
      texts: ['甲', '乙'],
      from: 'auto',
      to: 'en',
      signal: signal(),
    });
    expect(result.translations).toEqual(['A', 'B']);
  });

  it('keeps blank texts local and sends only the others, with their original indexes as ids', async () => {
    const { fetch, requests } = recordedFetch(
      jsonResponse(completion('{"translations":[{"id":"2","text":"B"}]}')),
    );
    const result = await provider(fetch, 'k').translate({
      texts: ['', ' ', '乙'],
      from: 'auto',
      to: 'en',
      signal: signal(),
    });
    expect(JSON.parse(JSON.parse(requests[0]?.body ?? '').messages[1].content).segments).toEqual([
      { id: '2', text: '乙' },
    ]);
    expect(result.translations).toEqual(['', ' ', 'B']);
  });

  it('reports missing, empty and duplicated ids as a MisalignedBatchError with the valid part', async () => {
    const content =
      '{"translations":[{"id":"0","text":"A"},{"id":"2","text":"C1"},{"id":"2","text":"C2"},{"id":"3","text":""},{"id":"9","text":"?"}]}';
    const { fetch } = recordedFetch(jsonResponse(completion(content)));
    const error = await translationError(provider(fetch, 'k'), {
      texts: ['甲', '乙', '丙', '丁'],
      from: 'auto',
      to: 'en',
      signal: signal(),
    });
    expect(error).toBeInstanceOf(MisalignedBatchError);
    expect(error.kind).toBe('bad-response');
    expect((error as MisalignedBatchError).missingIndexes).toEqual([1, 2, 3]);
    expect((error as MisalignedBatchError).partial).toEqual(['A', undefined, undefined, undefined]);
    expect(error.message).toBe(
      'openai-compatible: 3 of 4 translations missing or duplicated (indexes 1, 2, 3)',
    );
  });

  it('reports an answer that is not usable JSON as a plain bad-response', async () => {
    const { fetch } = recordedFetch(jsonResponse(completion('{"translations":[{"id":"0","te', 'length')));
    const error = await translationError(provider(fetch, 'k'), {
      texts,
      from: 'auto',
      to: 'en',
      signal: signal(),
    });
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).not.toBeInstanceOf(MisalignedBatchError);
    expect(error.kind).toBe('bad-response');
    expect(error.message).toContain('answer is not {"translations": [...]}');
  });

  it('reports a completion without content as bad-response', async () => {
    const { fetch } = recordedFetch(jsonResponse({ choices: [] }));
    const error = await translationError(provider(fetch, 'k'), {
      texts,
      from: 'auto',
      to: 'en',
      signal: signal(),
    });
    expect(error.message).toBe('openai-compatible: completion has no message content');
  });

  it('maps OpenAI "insufficient_quota" 429 to quota, not rate-limited', async () => {
    const body = {
      error: {
        message: 'You exceeded your current quota, please check your plan and billing details.',
        type: 'insufficient_quota',
        param: null,
        code: 'insufficient_quota',
      },
    };
    const { fetch } = recordedFetch(jsonResponse(body, { status: 429 }));
    const error = await translationError(provider(fetch, 'k'), {
      texts,
      from: 'auto',
      to: 'en',
      signal: signal(),
    });
    expect(error.kind).toBe('quota');
  });

  it('leaves the glossary section out when there is no glossary', () => {
    expect(systemPrompt({ from: 'en', to: 'zh-CN' })).not.toContain('Glossary');
    expect(systemPrompt({ from: 'en', to: 'zh-CN' })).toContain('into Simplified Chinese');
  });

  it('explains a term in its sentence, in the reader’s language, from a JSON answer', async () => {
    const fetch = vi.fn(async (_url: string, _init?: RequestInit) =>
      jsonResponse(
        completion(
          '```json\n{"meaning": "customs (here: joking border control)", "literal": "sea gate", "origin": ""}\n```',
        ),
      ),
    );
    const explanation = await provider(fetch, 'sk-test').explain!({
      term: '海关',
      context: '小红书海关：猫税已收到',
      to: 'en',
      signal: signal(),
    });
    expect(explanation).toEqual({ meaning: 'customs (here: joking border control)', literal: 'sea gate' });
    const body = JSON.parse(String(fetch.mock.calls[0]![1]!.body)) as { messages: { content: string }[] };
    expect(body.messages[0]!.content).toBe(explainPrompt('en'));
    expect(JSON.parse(body.messages[1]!.content)).toEqual({
      explain: '海关',
      context: '小红书海关：猫税已收到',
      to: 'en',
    });
  });

  it('asks for notes on slang only when told to, and keeps only notes on terms in the text', async () => {
    const fetch = vi.fn(async (_url: string, _init?: RequestInit) =>
      jsonResponse(
        completion(
          JSON.stringify({
            translations: [
              {
                id: '0',
                text: 'So healing',
                notes: [
                  { term: '电子布洛芬', meaning: 'online comfort' },
                  { term: '编的', meaning: 'made up' },
                  { term: '电子布洛芬', meaning: '' },
                ],
              },
              { id: '1', text: 'Hi' },
            ],
          }),
        ),
      ),
    );
    const result = await provider(fetch, 'sk-test').translate({
      texts: ['真的是电子布洛芬', '你好'],
      from: 'zh-CN',
      to: 'en',
      signal: signal(),
      slangNotes: true,
    });
    expect(result).toEqual({
      translations: ['So healing', 'Hi'],
      notes: [[{ term: '电子布洛芬', meaning: 'online comfort' }], undefined],
    });
    const body = JSON.parse(String(fetch.mock.calls[0]![1]!.body)) as { messages: { content: string }[] };
    expect(JSON.parse(body.messages[1]!.content)).toMatchObject({ notes: true });
    expect(body.messages[0]!.content).toContain('"notes"');
    expect(systemPrompt({ from: 'zh-CN', to: 'en' })).not.toContain('"notes"');
  });

  it('refuses an explanation without a meaning', async () => {
    const fetch = vi.fn(async () => jsonResponse(completion('{"literal": "sea gate"}')));
    await expect(
      provider(fetch, 'sk-test').explain!({ term: '海关', context: '', to: 'en', signal: signal() }),
    ).rejects.toMatchObject({ kind: 'bad-response' });
  });

  it('asks for a native commenter’s words, in the register chosen, when the reader is writing', () => {
    const casual = systemPrompt({ from: 'en', to: 'zh-CN', writing: { register: 'casual' } });
    expect(casual).toContain('about to post as a comment');
    expect(casual).toContain('native Simplified Chinese-speaking commenter');
    expect(casual).toContain('casual, friendly register');
    expect(casual).toContain('Keep emoji, hashtags, @mentions');
    expect(systemPrompt({ from: 'en', to: 'zh-CN', writing: { register: 'neutral' } })).toContain(
      'neutral, polite register',
    );
    expect(systemPrompt({ from: 'en', to: 'zh-CN' })).not.toContain('commenter');
  });

  describeErrorMapping({
    create: (fetch) => provider(fetch, 'k'),
    misaligned: () => jsonResponse(completion('{"translations":[{"id":"0","text":"Hello"}]}')),
    misalignedMessage: 'openai-compatible: 1 of 2 translations missing or duplicated (indexes 1)',
  });
});
