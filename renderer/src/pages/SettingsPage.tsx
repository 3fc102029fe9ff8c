// Placeholder until the screen lands.
export function SettingsPage(_props: { meetingId?: string }) {
  return <div>SettingsPage</div>;
}
