/**
 * Errors raised while reading or writing a transfer file. Every reading rule of design §6 has its
 * own code and its own Chinese message that tells the secretary what to do next.
 */

export type PmxErrorCode =
  // container (.pmx) rules, design §6
  | 'not-pmx'
  | 'unsupported-version'
  | 'unsupported-cipher'
  | 'bad-header'
  | 'out-of-range'
  | 'wrong-password'
  | 'tampered'
  | 'truncated'
  | 'trailing-data'
  // plaintext archive rules
  | 'bad-archive'
  | 'invalid-json'
  | 'bad-manifest'
  | 'hash-mismatch'
  | 'schema-newer'
  | 'invalid-record'
  // caller mistakes when writing
  | 'bad-options';

export const PMX_ERROR_MESSAGES: Record<PmxErrorCode, string> = {
  'not-pmx': '不是 .pmx 文件：请选择由“党建会议记录”导出的 .pmx 传输文件。',
  'unsupported-version': '不支持的版本：该传输文件的格式版本本软件无法读取，请升级本软件，或请对方用相同版本重新导出。',
  'unsupported-cipher': '不支持的加密算法：请对方使用“AES-256-GCM”或“SM4-GCM（国密）”重新导出。',
  'bad-header': '文件头损坏：文件开头的说明信息无法读取，请向对方索取新的导出文件。',
  'out-of-range': '参数超出范围：文件中的加密参数不在允许范围内，可能被篡改，已拒绝读取。请向对方索取新的导出文件。',
  'wrong-password': '密码错误：请核对导出时设置的传输密码（区分大小写）后重试。',
  'tampered': '文件已损坏或被篡改：内容校验未通过，请重新拷贝文件或向对方索取新的导出文件。',
  'truncated': '文件不完整：文件在结尾之前就中断了，可能拷贝未完成，请重新拷贝后再导入。',
  'trailing-data': '文件末尾有多余数据：文件在结束标记之后还有内容，可能被修改，已拒绝读取。请重新拷贝或向对方索取新的导出文件。',
  'bad-archive': '文件内容结构不正确：解密成功，但其中的数据包无法识别，请向对方索取新的导出文件。',
  'invalid-json': '数据格式错误：文件中的数据无法解析，请向对方索取新的导出文件。',
  'bad-manifest': '文件清单（manifest.json）不正确：请向对方索取新的导出文件。',
  'hash-mismatch': '内容校验失败：文件中的数据与清单记录不一致，可能已损坏或被篡改，已拒绝导入。',
  'schema-newer': '该文件由较新版本的软件导出：请先将本软件升级到相同或更新的版本后再导入。',
  'invalid-record': '记录内容不符合格式：已拒绝导入，数据库未作任何修改。请向对方索取新的导出文件。',
  'bad-options': '导出参数不正确。',
};

export class PmxError extends Error {
  override readonly name = 'PmxError';
  readonly code: PmxErrorCode;
  /** Technical detail for logs (English or Chinese); the message already includes it when useful. */
  readonly detail?: string;

  constructor(code: PmxErrorCode, detail?: string, options?: { cause?: unknown }) {
    const base = PMX_ERROR_MESSAGES[code];
    super(detail ? `${base}（${detail}）` : base, options);
    this.code = code;
    this.detail = detail;
  }
}

export function isPmxError(e: unknown, code?: PmxErrorCode): e is PmxError {
  return e instanceof PmxError && (code === undefined || e.code === code);
}
