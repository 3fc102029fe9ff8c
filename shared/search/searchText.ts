/**
 * What of each record is searchable (design §8), split into plain text (shown in snippets) and
 * sensitive text (talk contents, criticism, self-criticism, 表态, appraisal texts: searchable only
 * through keyed tokens and never shown in a snippet). Fields are joined with FIELD_SEP so a match
 * never spans two fields.
 */
import {
  FIVE_MUST_LABELS,
  MEETING_TYPE_LABELS,
  RECTIFICATION_LIST_KIND_LABELS,
  RECTIFICATION_SOURCE_LABELS,
  TALK_FORM_LABELS,
  TALK_TYPE_LABELS,
  type Appraisal,
  type LifeProblem,
  type Meeting,
  type Rectification,
  type Talk,
} from '../model';
import { FIELD_SEP } from './normalise';

export const SEARCH_TABLES = ['meetings', 'talks', 'appraisals', 'rectifications'] as const;
export type SearchTable = (typeof SEARCH_TABLES)[number];

export interface RecordOfTable {
  meetings: Meeting;
  talks: Talk;
  appraisals: Appraisal;
  rectifications: Rectification;
}

export interface SearchText {
  plain: string;
  sensitive: string;
}

function join(parts: (string | null | undefined)[]): string {
  return parts
    .map((p) => p?.trim())
    .filter((p): p is string => !!p)
    .join(FIELD_SEP);
}

function problemTexts(ps: readonly LifeProblem[] | undefined): string[] {
  return (ps ?? []).flatMap((p) => [p.aspect, p.manifestation, p.cause, p.direction, p.noRectificationReason]);
}

function meetingText(m: Meeting): SearchText {
  const plain: (string | null | undefined)[] = [
    MEETING_TYPE_LABELS[m.type],
    m.place,
    m.chairName,
    m.chairTitle,
    m.delegation,
    m.convenerName,
    m.recorderName,
    ...(m.attendance ?? []).map((a) => a.name),
  ];
  for (const a of m.agenda ?? []) {
    plain.push(a.title);
    for (const s of a.speeches) plain.push(s.speakerName, s.content);
    for (const d of a.decisions) plain.push(d.text, d.owner, d.vote?.subjectName);
  }
  plain.push(m.summary);
  if (m.lecture) plain.push(m.lecture.lecturer, m.lecture.lecturerTitle, m.lecture.topic, m.lecture.form, m.lecture.outline);
  if (m.themeDay) plain.push(m.themeDay.theme, m.themeDay.activityForm, m.themeDay.agreedItems, m.themeDay.followUp);
  const sensitive: (string | undefined)[] = [];
  const life = m.life ?? null;
  if (life) {
    plain.push(life.theme, ...life.aspects, ...life.preparation.map((p) => p.note), life.lastYearReport);
    plain.push(life.supervisorName, life.supervisorTitle, life.supervisorRemarks);
    plain.push(...life.participants.map((p) => p.name));
    // 对照检查 (the committee's and each participant's), criticism, 表态, 谈话函询: sensitive.
    sensitive.push(...problemTexts(life.committeeProblems), life.enquiries);
    for (const p of life.participants) {
      sensitive.push(...problemTexts(p.problems));
      for (const c of p.criticisms) sensitive.push(c.criticName, c.text);
      sensitive.push(p.response);
    }
  }
  return { plain: join(plain), sensitive: join(sensitive) };
}

function talkText(t: Talk): SearchText {
  // Who, the theme and the type only; everything that was said is sensitive (TALK_SENSITIVE_FIELDS).
  return {
    plain: join([
      TALK_TYPE_LABELS[t.type],
      t.fiveMust ? FIVE_MUST_LABELS[t.fiveMust] : '',
      TALK_FORM_LABELS[t.form],
      t.interviewer.name,
      ...t.interviewees.map((p) => p.name),
      t.theme,
      t.recorderName,
    ]),
    sensitive: join([t.interviewerPoints, t.intervieweePoints, ...t.issues.map((i) => i.text), t.criticism, t.attitude]),
  };
}

function appraisalText(a: Appraisal): SearchText {
  return {
    plain: join(['民主评议党员', ...a.entries.map((e) => e.name)]),
    // Self-appraisals, peer comments, grade reasons and follow-up measures concern one person.
    sensitive: join(a.entries.flatMap((e) => [e.selfAppraisal, ...e.peerComments.flatMap((c) => [c.fromName, c.text]), e.gradeReason, e.followUp])),
  };
}

function rectificationText(r: Rectification): SearchText {
  return {
    plain: join([
      RECTIFICATION_LIST_KIND_LABELS[r.listKind],
      RECTIFICATION_SOURCE_LABELS[r.source],
      r.category,
      r.problem,
      r.measures,
      r.target,
      r.personName,
      r.ownerName,
      r.leaderName,
      r.department,
      ...r.progress.map((p) => p.text),
      r.evidence,
      r.closedBy,
      r.publicity,
    ]),
    sensitive: '',
  };
}

/** The searchable text of a record: plain (may be shown in snippets) and sensitive (never shown). */
export function searchText<T extends SearchTable>(table: T, record: RecordOfTable[T]): SearchText {
  switch (table) {
    case 'meetings':
      return meetingText(record as Meeting);
    case 'talks':
      return talkText(record as Talk);
    case 'appraisals':
      return appraisalText(record as Appraisal);
    default:
      return rectificationText(record as Rectification);
  }
}
