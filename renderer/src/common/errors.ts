/** Turns any failure into a Chinese sentence that says what to do. */
import { DbError } from '../../db';

export function errorText(e: unknown, action = '操作'): string {
  if (e instanceof DbError) return e.message;
  if (e instanceof Error && e.name === 'QuotaExceededError') {
    return `${action}没有完成：电脑磁盘空间不足。请清理磁盘后重试。`;
  }
  const detail = e instanceof Error ? e.message : String(e);
  return `${action}没有完成（${detail}）。请重试；如仍失败，请联系单位信息化同事。`;
}
