// The live feed of a scope: WatchAgreements over JSON transcoding is one long HTTP response
// carrying one JSON message after another (an event with its cursor, or a heartbeat). The
// reader splits the byte stream into whole messages and reconnects from the last cursor.
// The server ends a stream after its maximum lifetime (STREAM_LIFETIME: reconnect at once, same
// token) and when its token expires (TOKEN_EXPIRED: the user must sign in again).
import { headers, tokenExpired } from './api.js';

const RETRY_MIN_MS = 500;
const RETRY_MAX_MS = 5000;
const GRPC_UNAUTHENTICATED = 16;
const ERROR_INFO = 'type.googleapis.com/google.rpc.ErrorInfo';

// Splits concatenated JSON objects, whatever whitespace or newlines lie between them.
export class JsonSplitter {
  constructor() {
    this.buffer = '';
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
    this.start = -1;
    this.scanned = 0;
  }

  push(text) {
    this.buffer += text;
    const messages = [];
    for (let i = this.scanned; i < this.buffer.length; i++) {
      const c = this.buffer[i];
      if (this.inString) {
        if (this.escaped) {
          this.escaped = false;
        } else if (c === '\\') {
          this.escaped = true;
        } else if (c === '"') {
          this.inString = false;
        }
        continue;
      }
      if (c === '"') {
        this.inString = true;
      } else if (c === '{') {
        if (this.depth === 0) {
          this.start = i;
        }
        this.depth++;
      } else if (c === '}') {
        this.depth--;
        if (this.depth === 0) {
          messages.push(JSON.parse(this.buffer.slice(this.start, i + 1)));
          this.buffer = this.buffer.slice(i + 1);
          i = -1;
          this.start = -1;
        }
      }
    }
    this.scanned = this.buffer.length;
    if (this.depth === 0) {
      this.buffer = '';
      this.scanned = 0;
    }
    return messages;
  }
}

export class Feed {
  // handlers: onEvent(event), onHeartbeat(heartbeat),
  // onState('connecting'|'live'|'retrying'|'stopped'|'signin', detail); 'signin' means the token expired.
  constructor(scope, afterCursor, handlers) {
    this.scope = scope;
    this.cursor = afterCursor ?? '';
    this.handlers = handlers;
    this.controller = null;
    this.stopped = false;
  }

  start() {
    this.run();
    return this;
  }

  stop() {
    this.stopped = true;
    this.controller?.abort();
    this.handlers.onState?.('stopped');
  }

  async run() {
    let delay = RETRY_MIN_MS;
    while (!this.stopped) {
      this.controller = new AbortController();
      this.handlers.onState?.('connecting');
      try {
        await this.readOnce(this.controller.signal, () => {
          delay = RETRY_MIN_MS;
        });
        if (!this.stopped) {
          this.handlers.onState?.('retrying', 'the feed ended');
        }
      } catch (error) {
        if (this.stopped) {
          return;
        }
        if (error.reason === 'STREAM_LIFETIME') {
          // A planned end: resume after the last cursor at once, with the same token.
          this.handlers.onState?.('retrying', error.message);
          delay = RETRY_MIN_MS;
          continue;
        }
        const refused = error.status === 401 || error.grpcCode === GRPC_UNAUTHENTICATED;
        if (error.reason === 'TOKEN_EXPIRED' || (refused && tokenExpired())) {
          this.handlers.onState?.('signin', 'Your sign-in expired: sign in again with a new token; the feed resumes where it stopped.');
          return;
        }
        this.handlers.onState?.('retrying', error.message);
        if (error.status === 401 || error.status === 403 || refused) {
          this.handlers.onState?.('stopped', error.message);
          return;
        }
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, RETRY_MAX_MS);
    }
  }

  async readOnce(signal, onOpen) {
    const target = new URL(`/v1/jurisdictions/${encodeURIComponent(this.scope)}:watchAgreements`, window.location.origin);
    if (this.cursor) {
      target.searchParams.set('afterCursor', this.cursor);
    }
    const response = await fetch(target, { headers: headers(), signal, cache: 'no-store' });
    if (!response.ok || !response.body) {
      const error = new Error(`the feed answered ${response.status}`);
      error.status = response.status;
      throw error;
    }
    onOpen();
    this.handlers.onState?.('live');
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    const splitter = new JsonSplitter();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) {
        return;
      }
      for (const message of splitter.push(value)) {
        if (message.event) {
          this.cursor = message.event.cursor || this.cursor;
          this.handlers.onEvent?.(message.event);
        } else if (message.heartbeat) {
          this.cursor = message.heartbeat.cursor || this.cursor;
          this.handlers.onHeartbeat?.(message.heartbeat);
        } else if (message.error || message.code) {
          // An error after the stream began arrives in the body as a google.rpc.Status.
          const status = message.error ?? message;
          const error = new Error(status.message ?? 'the feed failed');
          error.grpcCode = status.code;
          error.reason = (status.details ?? []).find((d) => d['@type'] === ERROR_INFO)?.reason;
          throw error;
        }
      }
    }
  }
}
