import { App as AntApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { AppLayout } from './components/AppLayout';
import { DatabaseProvider } from './dbContext';
import { useRoute } from './router';
import { MeetingListPage } from './pages/MeetingListPage';
import { MeetingEditorPage } from './pages/MeetingEditorPage';
import { OrganisationsPage } from './pages/OrganisationsPage';
import { MembersPage } from './pages/MembersPage';
import { RecycleBinPage } from './pages/RecycleBinPage';
import { SettingsPage } from './pages/SettingsPage';
import { TransferPage } from './transfer/TransferPage';
import { ExportWordButton } from './wordExport';
import { DashboardPage } from './dashboard/DashboardPage';
import { TalksPage } from './talks/TalksPage';
import { TalkEditorPage } from './talks/TalkEditorPage';
import { RectificationsPage } from './rectifications/RectificationsPage';
import { AppraisalsPage } from './appraisals/AppraisalsPage';
import { AppraisalEditorPage } from './appraisals/AppraisalEditorPage';
import { StatisticsPage } from './statistics/StatisticsPage';
import { LedgerBookPage } from './ledgerBook/LedgerBookPage';
import { SearchPage } from './search/SearchPage';
import { AuditLogPage } from './audit/AuditLogPage';
import { LockGate } from './security/LockGate';

dayjs.locale('zh-cn');

const THEME = {
  token: {
    colorPrimary: '#b4232a',
    fontFamily:
      "'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif",
    fontSize: 15,
  },
};

function CurrentPage() {
  const route = useRoute();
  switch (route.name) {
    case 'meeting':
      return (
        <MeetingEditorPage
          key={route.id}
          meetingId={route.id}
          extraActions={({ flush }) => <ExportWordButton meetingId={route.id} beforeExport={flush} />}
        />
      );
    case 'organisations':
      return <OrganisationsPage />;
    case 'members':
      return <MembersPage />;
    case 'recycle':
      return <RecycleBinPage />;
    case 'settings':
      return <SettingsPage />;
    case 'transfer':
      return <TransferPage />;
    case 'dashboard':
      return <DashboardPage />;
    case 'talks':
      return <TalksPage />;
    case 'talk':
      return <TalkEditorPage key={route.id} talkId={route.id} />;
    case 'rectifications':
      return <RectificationsPage />;
    case 'appraisals':
      return <AppraisalsPage />;
    case 'appraisal':
      return <AppraisalEditorPage key={route.id} appraisalId={route.id} />;
    case 'statistics':
      return <StatisticsPage />;
    case 'ledger':
      return <LedgerBookPage />;
    case 'search':
      return <SearchPage />;
    case 'audit':
      return <AuditLogPage />;
    default:
      return <MeetingListPage />;
  }
}

export function App() {
  return (
    <ConfigProvider locale={zhCN} theme={THEME} button={{ autoInsertSpace: false }}>
      <AntApp>
        <DatabaseProvider>
          <LockGate>
            <AppLayout>
              <CurrentPage />
            </AppLayout>
          </LockGate>
        </DatabaseProvider>
      </AntApp>
    </ConfigProvider>
  );
}
