/** Turns any failure into a Chinese sentence that says what to do. */
import { DbError } from '../../db';

/** The failure's own wording, for embedding in a Chinese sentence that explains it. */
export function errorDetail(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Errors whose message is already a Chinese sentence written for the secretary. */
const USER_FACING = new Set(['PmxError', 'DbError', 'DbValidationError']);

export function errorText(e: unknown, action = '操作'): string {
  if (e instanceof DbError) return e.message;
  if (e instanceof Error && USER_FACING.has(e.name)) return e.message;
  if (e instanceof Error && e.name === 'QuotaExceededError') {
    return `${action}没有完成：电脑磁盘空间不足。请清理磁盘后重试。`;
  }
  return `${action}没有完成（${errorDetail(e)}）。请重试；如仍失败，请联系单位信息化同事。`;
}
