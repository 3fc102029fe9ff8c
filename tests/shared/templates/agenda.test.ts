import { describe, expect, it } from 'vitest';
import { agendaItemSchema, MEETING_TYPES } from '../../../shared/model';
import {
  AGENDA_TEMPLATE_MENU,
  AGENDA_TEMPLATES,
  agendaTemplatesFor,
  buildAgenda,
  defaultAgendaTemplateKey,
  getAgendaTemplate,
} from '../../../shared/templates/agenda';

const idGen = () => {
  let n = 0;
  return () => `item-${String(++n).padStart(6, '0')}`;
};

describe('agenda templates', () => {
  it('every meeting type has at least one template, default first', () => {
    for (const type of MEETING_TYPES) {
      const list = agendaTemplatesFor(type);
      expect(list.length).toBeGreaterThan(0);
      expect(defaultAgendaTemplateKey(type)).toBe(list[0].key);
      expect(AGENDA_TEMPLATE_MENU[type]).toEqual(list);
    }
  });

  it('keys are unique, names unique within a type, titles non-empty and schema-valid', () => {
    const keys = AGENDA_TEMPLATES.map((t) => t.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const type of MEETING_TYPES) {
      const names = agendaTemplatesFor(type).map((t) => t.name);
      expect(new Set(names).size).toBe(names.length);
    }
    for (const t of AGENDA_TEMPLATES) {
      expect(t.items.length).toBeGreaterThan(0);
      for (const item of t.items) {
        expect(item.title.trim()).not.toBe('');
        expect(item.title.length).toBeLessThanOrEqual(300);
      }
    }
  });

  it('the admission and 转正 scripts of §2.2 are named templates for the 党员大会', () => {
    const names = agendaTemplatesFor('general_assembly').map((t) => t.name);
    expect(names).toContain('接收预备党员');
    expect(names).toContain('预备党员转正');

    const admission = getAgendaTemplate('assembly.admission')!;
    expect(admission.items).toHaveLength(8);
    expect(admission.items[0].title).toContain('正式党员、预备党员分别统计');
    expect(admission.items[1].title).toContain('入党志愿书');
    expect(admission.items[2].title).toContain('入党介绍人');
    expect(admission.items[3].title).toContain('审查');
    expect(admission.items.find((i) => i.voteKind)?.voteKind).toBe('admission');

    const confirmation = getAgendaTemplate('assembly.confirmation')!;
    expect(confirmation.items).toHaveLength(8);
    expect(confirmation.items.find((i) => i.voteKind)?.voteKind).toBe('confirmation');
    expect(confirmation.items.map((i) => i.title).join()).toContain('考察意见');
  });

  it('titles never hard-code the quorum thresholds (they are unit settings)', () => {
    for (const t of AGENDA_TEMPLATES) for (const i of t.items) expect(i.title).not.toMatch(/半数|五分之四|4\/5/);
  });

  it('buildAgenda gives fresh skeletons: new ids, titles only, empty speeches and decisions', () => {
    const gen = idGen();
    const items = buildAgenda('assembly.admission', gen);
    expect(items).toHaveLength(8);
    for (const item of items) {
      expect(() => agendaItemSchema.parse(item)).not.toThrow();
      expect(item.speeches).toEqual([]);
      expect(item.decisions).toEqual([]);
      expect(Object.keys(item).sort()).toEqual(['decisions', 'id', 'speeches', 'title']);
    }
    expect(new Set(items.map((i) => i.id)).size).toBe(8);
    const again = buildAgenda('assembly.admission', gen);
    expect(again[0].id).not.toBe(items[0].id);
    again[0].speeches.push({ id: 'speech-000001', speakerId: null, speakerName: '甲', content: '' });
    expect(items[0].speeches).toEqual([]);
    expect(buildAgenda('assembly.admission', idGen())[0].speeches).toEqual([]);
  });

  it('unknown keys throw', () => {
    expect(() => buildAgenda('nope', idGen())).toThrow(/未知的议程模板/);
    expect(getAgendaTemplate('nope')).toBeUndefined();
  });
});
