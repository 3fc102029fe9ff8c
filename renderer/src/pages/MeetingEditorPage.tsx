// Placeholder until the screen lands.
export function MeetingEditorPage(_props: { meetingId?: string }) {
  return <div>MeetingEditorPage</div>;
}
