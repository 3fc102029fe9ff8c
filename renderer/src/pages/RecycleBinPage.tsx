// Placeholder until the screen lands.
export function RecycleBinPage(_props: { meetingId?: string }) {
  return <div>RecycleBinPage</div>;
}
