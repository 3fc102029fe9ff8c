/**
 * Search over sensitive text without readable grams on disk (renderer/db/searchIndex.ts):
 * with encryption on, a sensitive gram is indexed as "k:" + the first 16 hex digits of
 * HMAC-SHA256(searchKey, gram), searchKey = HMAC-SHA256(data key, "party-minutes/search-grams").
 * Same gram, same token, so exact-match lookups keep working while the text itself is sealed.
 * While the key is not in memory, sensitive text is neither indexed nor searched (null).
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { toHex, utf8 } from '../../shared/transfer/bytes';
import { plainSensitiveTokenizer, setSensitiveGramTokenizer, type SensitiveGramTokenizer } from '../db/searchIndex';
import type { Keyring } from './keyring';

export function keyedTokenizer(dataKey: Uint8Array): SensitiveGramTokenizer {
  const key = hmac(sha256, dataKey, utf8('party-minutes/search-grams'));
  return (gram) => 'k:' + toHex(hmac(sha256, key, utf8(gram))).slice(0, 16);
}

export function applySearchTokenizer(ring: Keyring): void {
  if (!ring.encryption) setSensitiveGramTokenizer(plainSensitiveTokenizer);
  else setSensitiveGramTokenizer(ring.dataKey ? keyedTokenizer(ring.dataKey) : null);
}
