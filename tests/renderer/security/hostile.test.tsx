/**
 * The hostile-text corpus in the real UI (issue #7 item 6), in Chromium: records whose names,
 * titles and speeches are script tags, SVG with script, javascript: links and the like are shown as
 * text on every screen that displays them; nothing runs, no element is created from them.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { page } from 'vitest/browser';
import { bulkImportMeetings, createMember, createOrganisation, emptyMeetingFields, type PartyMinutesDB } from '../../../renderer/db';
import { MeetingListPage } from '../../../renderer/src/pages/MeetingListPage';
import { MeetingEditorPage } from '../../../renderer/src/pages/MeetingEditorPage';
import { MembersPage } from '../../../renderer/src/pages/MembersPage';
import { OrganisationsPage } from '../../../renderer/src/pages/OrganisationsPage';
import { HOSTILE_CORPUS, SHORT_HOSTILE } from '../../fixtures/hostile';
import { eventually, freshTestDb, mountApp } from '../mountApp';

declare global {
  interface Window {
    __pwned?: number;
  }
}

const SCRIPT_TEXT = '<script>window.__pwned=1</script>';
const SVG_TEXT = HOSTILE_CORPUS.find((e) => e.label === 'svg with script')!.text;
const LINK_TEXT = HOSTILE_CORPUS.find((e) => e.label === 'markdown js link')!.text;

async function seed(db: PartyMinutesDB) {
  const pc = await createOrganisation(db, { parentId: null, level: 'party_committee', name: SHORT_HOSTILE[1].text.slice(0, 60), fullName: SHORT_HOSTILE[1].text });
  const branch = await createOrganisation(db, { parentId: pc.id, level: 'branch', name: SCRIPT_TEXT, fullName: `中共${SCRIPT_TEXT}支部委员会` });
  for (const e of SHORT_HOSTILE) {
    await createMember(db, { name: e.text, status: 'full', branchId: branch.id, joinDate: '2010-07-01', since: '2015-01-01', department: e.text.slice(0, 60) });
  }
  const [meeting] = await bulkImportMeetings(db, [
    {
      ...emptyMeetingFields(branch.id, 'committee', '2026-03-05'),
      place: LINK_TEXT,
      chairName: SCRIPT_TEXT,
      agenda: HOSTILE_CORPUS.map((e, i) => ({
        id: `agenda-${i}-xxxxxxxx`,
        title: e.text,
        speeches: [{ id: `speech-${i}-xxxxxxxx`, speakerId: null, speakerName: SHORT_HOSTILE[i % SHORT_HOSTILE.length].text, content: `${e.text}\n${SVG_TEXT}` }],
        decisions: [],
      })),
      summary: SVG_TEXT,
    },
  ]);
  return { branch, meeting };
}

/** Elements that could only have come from interpreting user text as HTML. */
function injectedElements(root: ParentNode): Element[] {
  return [...root.querySelectorAll('script, iframe, object, embed, svg[onload], img[onerror], [onerror], [onload], a[href^="javascript:" i]')];
}

afterEach(() => {
  expect(window.__pwned, 'hostile text ran as script').toBeUndefined();
});

describe('hostile text stays text', () => {
  it('meeting list', async () => {
    const db = await freshTestDb();
    await seed(db);
    await mountApp(db, <MeetingListPage />);
    await expect.element(page.getByText(HOSTILE_CORPUS[0].text, { exact: true }).first()).toBeVisible();
    expect(injectedElements(document.body)).toEqual([]);
  });

  it('roster', async () => {
    const db = await freshTestDb();
    await seed(db);
    await mountApp(db, <MembersPage />);
    await expect.element(page.getByText('<img src=x onerror="window.__pwned=2">', { exact: true }).first()).toBeVisible();
    expect(injectedElements(document.body)).toEqual([]);
  });

  it('organisation tree', async () => {
    const db = await freshTestDb();
    await seed(db);
    await mountApp(db, <OrganisationsPage />);
    await eventually(() => expect(document.body.textContent).toContain(SHORT_HOSTILE[1].text));
    expect(injectedElements(document.body)).toEqual([]);
  });

  it('meeting editor: titles, speeches, place and summary are shown and editable as plain text', async () => {
    const db = await freshTestDb();
    const { meeting } = await seed(db);
    await mountApp(db, <MeetingEditorPage meetingId={meeting.id} />);
    await eventually(() => expect(document.body.textContent).toContain('javascript:window.__pwned=5'));
    const values = [...document.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea')].map((el) => el.value);
    expect(values).toContain(SCRIPT_TEXT);
    expect(values).toContain(LINK_TEXT);
    expect(values.some((v) => v.includes(SVG_TEXT))).toBe(true);
    // Give any injected handler (onerror / onload) a chance to fire before the check in afterEach.
    await new Promise((r) => setTimeout(r, 300));
    expect(injectedElements(document.body)).toEqual([]);
  });
});
