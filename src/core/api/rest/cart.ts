/**
 * The cart capability over contract v1: create, read (`If-None-Match`), change with a batch of
 * operations (`Idempotency-Key`, `If-Match`), handoff codes, claim and merge. Answers carry the
 * cart's `ETag`, and whether a repeated key was replayed (`Idempotent-Replayed`).
 */
import type {
  CartCapability,
  CartOpsOptions,
  CartResponse,
  RequestOptions,
} from '../backend-client.js';
import { CartHandoffSchema, CartSchema } from '../schemas/cart.js';
import type { CartOp, MergeStrategy } from '../types.js';
import { type Http, type JsonAnswer } from './http.js';

const cartId = (id: string) => `/carts/${encodeURIComponent(id)}`;

function cartResponse({ data, response }: JsonAnswer<CartResponse['cart']>): CartResponse {
  const etag = response.headers.get('ETag') ?? undefined;
  const replayed = response.headers.get('Idempotent-Replayed') === 'true';
  return { cart: data, ...(etag ? { etag } : {}), ...(replayed ? { replayed } : {}) };
}

export function restCart(http: Http): CartCapability {
  return {
    async createCart(options: RequestOptions = {}) {
      // Not retried: a retry could create a second cart; the store creates one when it must.
      return cartResponse(
        await http.postJson(http.url('/carts'), {}, CartSchema, { ...options, retries: 0 }),
      );
    },

    async getCart(id: string, options: RequestOptions & { ifNoneMatch?: string } = {}) {
      const { ifNoneMatch, ...rest } = options;
      const url = http.url(cartId(id));
      const response = await http.send(url, {
        ...rest,
        headers: { 'If-None-Match': ifNoneMatch },
      });
      if (response.status === 304) return undefined;
      return cartResponse(await http.parse(response, CartSchema));
    },

    async applyCartOps(id: string, ops: CartOp[], options: CartOpsOptions) {
      const { idempotencyKey, ifMatch, ...rest } = options;
      // Safe to retry: the same key is replayed, never applied twice.
      return cartResponse(
        await http.postJson(`${http.url(cartId(id))}/ops`, { ops }, CartSchema, {
          ...rest,
          headers: { 'Idempotency-Key': idempotencyKey, 'If-Match': ifMatch },
        }),
      );
    },

    async createCartHandoff(id: string, options: RequestOptions = {}) {
      return (
        await http.postJson(`${http.url(cartId(id))}/handoff`, {}, CartHandoffSchema, {
          ...options,
          retries: 0,
        })
      ).data;
    },

    async claimCart(code: string, options: RequestOptions = {}) {
      return cartResponse(
        await http.postJson(http.url('/carts/claim'), { code }, CartSchema, {
          ...options,
          retries: 0,
        }),
      );
    },

    async mergeCarts(
      id: string,
      sourceCartId: string,
      strategy: MergeStrategy,
      options: RequestOptions = {},
    ) {
      // Not retried: a merge has no idempotency key. Servers should answer a repeated merge with
      // the target as it is (the contract says so), but a client cannot count on it.
      return cartResponse(
        await http.postJson(
          `${http.url(cartId(id))}/merge`,
          { sourceCartId, strategy },
          CartSchema,
          { ...options, retries: 0 },
        ),
      );
    },
  };
}
