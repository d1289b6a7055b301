// JPEG encoding for tile textures. jpeg-js builds ~1 MB of Huffman lookup tables in every
// `encode()` call; at thousands of tiles that churn dominated generation time (GC). Its encoder
// object is reusable but not exported, so we instantiate the module's JPEGEncoder once.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

interface Encoder { encode(image: { data: Uint8Array; width: number; height: number }, quality: number): Buffer | { data: Uint8Array } }
type EncoderCtor = new (quality: number) => Encoder;

const require = createRequire(import.meta.url);
let encoder: Encoder | null = null;

function loadEncoder(): Encoder {
  const file = require.resolve('jpeg-js/lib/encoder.js');
  const src = readFileSync(file, 'utf8');
  // Evaluate the CommonJS module in a scope where we can return its private constructor.
  const factory = new Function('module', 'exports', 'require', `${src}\nreturn JPEGEncoder;`) as (m: object, e: object, r: NodeJS.Require) => EncoderCtor;
  const Ctor = factory({ exports: {} }, {}, require);
  return new Ctor(80);
}

/** Encode RGBA pixels (row 0 at the top) as a baseline JPEG. Deterministic for equal input. */
export function encodeJpeg(rgba: Uint8Array, width: number, height: number, quality: number): Uint8Array {
  encoder ??= loadEncoder();
  const out = encoder.encode({ data: rgba, width, height }, quality);
  const bytes = out instanceof Uint8Array ? out : out.data;
  return new Uint8Array(bytes);
}
