import { MeetingListView } from '../meetingList/MeetingListView';

export function MeetingListPage() {
  return <MeetingListView />;
}
