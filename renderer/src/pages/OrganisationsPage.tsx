// Placeholder until the screen lands.
export function OrganisationsPage(_props: { meetingId?: string }) {
  return <div>OrganisationsPage</div>;
}
