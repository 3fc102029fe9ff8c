// Placeholder until the screen lands.
export function MembersPage(_props: { meetingId?: string }) {
  return <div>MembersPage</div>;
}
