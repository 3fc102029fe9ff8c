import { describe, expect, it } from 'vitest';
import { meetingSchema, organisationSchema, unitSettingsSchema } from '../../../shared/model';
import {
  absentee,
  agendaWithVote,
  guest,
  makeMeeting,
  makeOrg,
  makeSettings,
  makeVote,
  newId,
  probationary,
  resetIds,
  secretaryEntry,
} from './fixtures';

describe('test fixtures', () => {
  it('build records that pass their zod schemas', () => {
    expect(() => meetingSchema.parse(makeMeeting())).not.toThrow();
    expect(() =>
      meetingSchema.parse(
        makeMeeting({
          attendance: [secretaryEntry(), absentee('甲', '病假'), probationary('乙'), guest('丙')],
          agenda: agendaWithVote(makeVote({ kind: 'admission', yes: 1, writtenYes: 1, subjectName: '乙' })),
        }),
      ),
    ).not.toThrow();
    expect(() => organisationSchema.parse(makeOrg())).not.toThrow();
    expect(() => organisationSchema.parse(makeOrg({ level: 'group' }))).not.toThrow();
    expect(() => unitSettingsSchema.parse(makeSettings())).not.toThrow();
  });

  it('ids are unique and deterministic after resetIds', () => {
    resetIds();
    const a = newId();
    const b = newId();
    expect(a).not.toBe(b);
    resetIds();
    expect(newId()).toBe(a);
  });
});
