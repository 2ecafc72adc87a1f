import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import {
  abortableSleep,
  fetchWithRetry,
  parseRetryAfter,
  type RetryOptions,
} from '../../../src/core/api/retry.js';
import { rejection } from '../../helpers/rejection.js';

type Step = number | Response | Error | 'hang';

/** A fake fetch answering each call with the next step; records every call. */
function fakeFetch(steps: Step[]) {
  const calls: RequestInit[] = [];
  const impl = (_input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    calls.push(init ?? {});
    const step = steps[Math.min(calls.length - 1, steps.length - 1)];
    if (step === 'hang') {
      return new Promise((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(init.signal!.reason), { once: true }),
      );
    }
    if (step instanceof Error) return Promise.reject(step);
    if (step instanceof Response) return Promise.resolve(step.clone());
    const body = step === 204 ? null : `status ${step}`;
    return Promise.resolve(new Response(body, { status: step }));
  };
  return { fetch: impl as typeof fetch, calls };
}

/** Options with a recording, instant sleep and a fixed jitter. */
function instant(fetchImpl: typeof fetch, extra: Partial<RetryOptions> = {}) {
  const sleeps: number[] = [];
  const options: RetryOptions = {
    fetch: fetchImpl,
    retries: 3,
    timeoutMs: 1000,
    random: () => 0.5,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...extra,
  };
  return { options, sleeps };
}

describe('api/fetchWithRetry', () => {
  it('gives up on a hung backend within the overall deadline, retries included', async () => {
    const fake = fakeFetch(['hang']);
    const started = Date.now();
    const error = await rejection(
      fetchWithRetry(
        '/x',
        {},
        { fetch: fake.fetch, retries: 3, timeoutMs: 300, deadlineMs: 700, random: () => 0 },
      ),
    );
    const took = Date.now() - started;
    expect(error.kind).to.equal('timeout');
    // Three attempts fit (0-300, 300-600, then the 100 ms left); a fourth never starts.
    expect(fake.calls.length).to.be.at.most(3);
    expect(took).to.be.below(1500);
  });

  it('does not retry an answer larger than its limit', async () => {
    const fake = fakeFetch([new Response('x'.repeat(5000), { status: 200 })]);
    const { options } = instant(fake.fetch, { maxBytes: 1000 });
    const error = await rejection(fetchWithRetry('/x', {}, options));
    expect(error.kind).to.equal('invalid_response');
    expect(fake.calls).to.have.length(1);
  });

  it('retries a 503 and resolves with the success', async () => {
    const fake = fakeFetch([503, 503, 200]);
    const { options, sleeps } = instant(fake.fetch);
    const response = await fetchWithRetry('/x', {}, options);
    expect(response.status).to.equal(200);
    expect(await response.text()).to.equal('status 200');
    expect(fake.calls).to.have.length(3);
    expect(sleeps).to.have.length(2);
  });

  it('retries 408 and 500 too', async () => {
    const fake = fakeFetch([408, 500, 204]);
    const response = await fetchWithRetry('/x', {}, instant(fake.fetch).options);
    expect(response.status).to.equal(204);
    expect(fake.calls).to.have.length(3);
  });

  it('honours Retry-After in seconds on a 429', async () => {
    const limited = new Response('slow down', { status: 429, headers: { 'Retry-After': '2' } });
    const fake = fakeFetch([limited, 200]);
    const { options, sleeps } = instant(fake.fetch);
    const response = await fetchWithRetry('/x', {}, options);
    expect(response.status).to.equal(200);
    expect(sleeps).to.deep.equal([2000]);
  });

  it('honours Retry-After as an HTTP date', () => {
    const now = Date.parse('2026-11-24T10:00:00Z');
    expect(parseRetryAfter('Tue, 24 Nov 2026 10:00:03 GMT', now)).to.equal(3000);
    expect(parseRetryAfter('Tue, 24 Nov 2026 09:00:00 GMT', now)).to.equal(0);
    expect(parseRetryAfter('soon', now)).to.equal(undefined);
    expect(parseRetryAfter(null, now)).to.equal(undefined);
  });

  it('returns at once when Retry-After asks for longer than maxDelayMs', async () => {
    const limited = new Response('', { status: 503, headers: { 'Retry-After': '120' } });
    const fake = fakeFetch([limited, 200]);
    const { options, sleeps } = instant(fake.fetch);
    const response = await fetchWithRetry('/x', {}, options);
    expect(response.status).to.equal(503);
    expect(fake.calls).to.have.length(1);
    expect(sleeps).to.deep.equal([]);
  });

  it('does not retry a 404 (or another 4xx)', async () => {
    for (const status of [400, 404, 422]) {
      const fake = fakeFetch([status, 200]);
      const { options, sleeps } = instant(fake.fetch);
      const response = await fetchWithRetry('/x', {}, options);
      expect(response.status).to.equal(status);
      expect(fake.calls).to.have.length(1);
      expect(sleeps).to.deep.equal([]);
    }
  });

  it('retries a network error and resolves with the success', async () => {
    const fake = fakeFetch([new TypeError('Failed to fetch'), 200]);
    const response = await fetchWithRetry('/x', {}, instant(fake.fetch).options);
    expect(response.status).to.equal(200);
    expect(fake.calls).to.have.length(2);
  });

  it('rejects with OmniError network when every attempt fails', async () => {
    const fake = fakeFetch([new TypeError('Failed to fetch')]);
    const error = await rejection(
      fetchWithRetry('/x', {}, instant(fake.fetch, { retries: 2 }).options),
    );
    expect(error.kind).to.equal('network');
    expect(fake.calls).to.have.length(3);
  });

  it('resolves with the last response when retries are exhausted', async () => {
    const fake = fakeFetch([503, 503, 502]);
    const response = await fetchWithRetry('/x', {}, instant(fake.fetch, { retries: 2 }).options);
    expect(response.status).to.equal(502);
    expect(await response.text()).to.equal('status 502');
    expect(fake.calls).to.have.length(3);
  });

  it('passes method, headers and body through on every attempt', async () => {
    const fake = fakeFetch([503, 202]);
    const init = {
      method: 'POST',
      body: '{"a":1}',
      headers: { 'Content-Type': 'application/json' },
    };
    await fetchWithRetry('/x', init, instant(fake.fetch).options);
    for (const call of fake.calls) {
      expect(call.method).to.equal('POST');
      expect(call.body).to.equal('{"a":1}');
      expect(call.signal).to.be.instanceOf(AbortSignal);
    }
  });

  it('uses capped exponential backoff with full jitter', async () => {
    const fake = fakeFetch([503]);
    const jitter = [1, 0.5, 0, 0.75, 1, 1];
    const { options, sleeps } = instant(fake.fetch, {
      retries: 6,
      baseDelayMs: 100,
      maxDelayMs: 1000,
      random: () => jitter.shift()!,
    });
    await fetchWithRetry('/x', {}, options);
    // Ceilings 100, 200, 400, 800, 1000 (capped), 1000 (capped), each scaled by the jitter.
    expect(sleeps).to.deep.equal([100, 100, 0, 600, 1000, 1000]);
  });

  it('defaults to base 250 ms and cap 8000 ms', async () => {
    const fake = fakeFetch([503]);
    const { options, sleeps } = instant(fake.fetch, { retries: 7, random: () => 1 });
    await fetchWithRetry('/x', {}, options);
    expect(sleeps).to.deep.equal([250, 500, 1000, 2000, 4000, 8000, 8000]);
  });

  describe('with fake timers', () => {
    let clock: sinon.SinonFakeTimers;
    beforeEach(() => {
      clock = sinon.useFakeTimers();
    });
    afterEach(() => clock.restore());

    it('times out each attempt on its own and rejects with OmniError timeout', async () => {
      const fake = fakeFetch(['hang']);
      const promise = fetchWithRetry(
        '/x',
        {},
        { fetch: fake.fetch, retries: 1, timeoutMs: 500, random: () => 0 },
      );
      const settled = rejection(promise);
      await clock.tickAsync(499);
      expect(fake.calls).to.have.length(1);
      expect(fake.calls[0].signal!.aborted).to.equal(false);
      await clock.tickAsync(1);
      expect(fake.calls[0].signal!.aborted).to.equal(true);
      await clock.tickAsync(1);
      expect(fake.calls).to.have.length(2);
      expect(fake.calls[1].signal!.aborted).to.equal(false);
      await clock.tickAsync(500);
      const error = await settled;
      expect(error.kind).to.equal('timeout');
    });

    it('retries after a timeout and resolves with the next answer', async () => {
      const fake = fakeFetch(['hang', 200]);
      const promise = fetchWithRetry(
        '/x',
        {},
        { fetch: fake.fetch, retries: 1, timeoutMs: 500, random: () => 0 },
      );
      await clock.tickAsync(501);
      expect((await promise).status).to.equal(200);
      expect(fake.calls).to.have.length(2);
    });

    it('aborts at once during the backoff sleep', async () => {
      const fake = fakeFetch([503, 200]);
      const controller = new AbortController();
      const promise = fetchWithRetry(
        '/x',
        {},
        {
          fetch: fake.fetch,
          retries: 3,
          timeoutMs: 1000,
          random: () => 1,
          signal: controller.signal,
        },
      );
      const settled = rejection(promise);
      await clock.tickAsync(100); // inside the 250 ms backoff
      controller.abort();
      const error = await settled;
      expect(error.kind).to.equal('aborted');
      await clock.tickAsync(10_000);
      expect(fake.calls).to.have.length(1);
    });

    it('aborts at once during an attempt', async () => {
      const fake = fakeFetch(['hang']);
      const controller = new AbortController();
      const settled = rejection(
        fetchWithRetry(
          '/x',
          {},
          { fetch: fake.fetch, retries: 3, timeoutMs: 1000, signal: controller.signal },
        ),
      );
      await clock.tickAsync(10);
      controller.abort();
      expect((await settled).kind).to.equal('aborted');
      expect(fake.calls).to.have.length(1);
    });

    it('abortableSleep waits the given time, or rejects for an aborted signal', async () => {
      let done = false;
      void abortableSleep(300).then(() => (done = true));
      await clock.tickAsync(299);
      expect(done).to.equal(false);
      await clock.tickAsync(1);
      expect(done).to.equal(true);
      const reason = new Error('gone');
      let caught: unknown;
      await abortableSleep(300, AbortSignal.abort(reason)).catch((error) => (caught = error));
      expect(caught).to.equal(reason);
    });

    it('rejects without fetching when the signal is already aborted', async () => {
      const fake = fakeFetch([200]);
      const error = await rejection(
        fetchWithRetry(
          '/x',
          {},
          { fetch: fake.fetch, retries: 3, timeoutMs: 1000, signal: AbortSignal.abort() },
        ),
      );
      expect(error.kind).to.equal('aborted');
      expect(fake.calls).to.have.length(0);
    });
  });
});
