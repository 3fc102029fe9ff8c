import { MeetingListView } from '../meetingList/MeetingListView';
import { ScreenConfig } from '../common/ScreenConfig';

export function MeetingListPage() {
  return (
    <ScreenConfig>
      <MeetingListView />
    </ScreenConfig>
  );
}
