// Placeholder until the screen lands.
export function MeetingListPage(_props: { meetingId?: string }) {
  return <div>MeetingListPage</div>;
}
