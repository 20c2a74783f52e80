/** The host page: who is signed in, the theme, the bridge host, and which page the URL shows. */
import RouterLinkProvider from '@atlaskit/app-provider/router-link-provider';
import getThemeHtmlAttrs from '@atlaskit/tokens/get-theme-html-attrs';
import { setGlobalTheme } from '@atlaskit/tokens/set-global-theme';
import { useEffect, useMemo, useRef, useState } from 'react';
import { jira, type JiraProject } from './api/jira';
import type { SiteInfo, SiteUser } from './api/site-info';
import { colorModeCookie } from './api/site-info';
import type { ColorMode } from './bridge-protocol';
import { FlagsHost } from './components/flags-host';
import { SiteLayout } from './components/site-layout';
import { BridgeHostProvider } from './host/bridge-context';
import { BridgeHost } from './host/bridge-host';
import { AdminPage } from './pages/admin-page';
import { CreateIssueModal, CreateIssuePage } from './pages/create-issue';
import { DashboardPage } from './pages/dashboard-page';
import { GlobalAppPage } from './pages/global-app-page';
import { InboxPage } from './pages/inbox-page';
import { IssuePage } from './pages/issue-page';
import { LoginPage } from './pages/login-page';
import { NotFoundPage } from './pages/not-found-page';
import { SearchPage } from './pages/search-page';
import { WorkflowsPage } from './pages/workflows-page';
import { matchPath, RouterLink, useLocation } from './router';

const themeState = { light: 'light', dark: 'dark', spacing: 'spacing', typography: 'typography', shape: 'shape' } as const;

function applyColorMode(colorMode: ColorMode): void {
  document.cookie = `${colorModeCookie}=${colorMode}; Path=/; SameSite=Lax; Max-Age=31536000`;
  // The stylesheet already holds both themes, so there is nothing for the theme loader to fetch.
  void setGlobalTheme({ ...themeState, colorMode }, () => undefined);
}

function Page({ info, user }: { info: SiteInfo; user: SiteUser }) {
  const location = useLocation();
  const path = location.pathname;
  const route = (pattern: string) => matchPath(pattern, path);
  let params: Record<string, string> | undefined;
  if ((params = route('/browse/:key')) !== undefined) return <IssuePage key={params['key']} issueKey={params['key'] ?? ''} info={info} />;
  if (route('/issues') !== undefined) return <SearchPage />;
  if (route('/jira/dashboards') !== undefined) return <DashboardPage info={info} dashboardId={undefined} />;
  if ((params = route('/jira/dashboards/:id')) !== undefined) return <DashboardPage info={info} dashboardId={params['id']} />;
  if (route('/secure/CreateIssue.jspa') !== undefined) return <CreateIssuePage accountId={user.accountId} />;
  if ((params = route('/jira/apps/:moduleKey/*') ?? route('/jira/apps/:moduleKey')) !== undefined) {
    return <GlobalAppPage key={params['moduleKey']} info={info} moduleKey={params['moduleKey'] ?? ''} />;
  }
  if ((params = route('/jira/settings/apps/:moduleKey/*') ?? route('/jira/settings/apps/:moduleKey')) !== undefined) {
    return <AdminPage key={params['moduleKey']} info={info} moduleKey={params['moduleKey'] ?? ''} />;
  }
  if (route('/jira/settings/issues/workflows') !== undefined) return <WorkflowsPage info={info} />;
  if (route('/inbox') !== undefined) return <InboxPage user={user} />;
  return <NotFoundPage />;
}

export function App({ info }: { info: SiteInfo }) {
  const [colorMode, setColorMode] = useState<ColorMode>(info.colorMode);
  const [creating, setCreating] = useState(false);
  const [projects, setProjects] = useState<JiraProject[]>([]);
  const [isAdmin, setIsAdmin] = useState(false);
  const colorModeRef = useRef(colorMode);
  colorModeRef.current = colorMode;
  const user = info.user;

  const host = useMemo(
    () =>
      user === null
        ? undefined
        : new BridgeHost({
            info,
            user,
            colorMode: () => colorModeRef.current,
            themeAttrs: () => getThemeHtmlAttrs({ ...themeState, colorMode: colorModeRef.current }),
          }),
    [info, user],
  );

  useEffect(() => {
    applyColorMode(colorMode);
    host?.broadcastTheme();
  }, [colorMode, host]);

  useEffect(() => {
    if (user === null) return;
    jira.projects().then(setProjects, () => setProjects([]));
    jira.hasPermissions(['ADMINISTER']).then(
      (permissions) => setIsAdmin(permissions['ADMINISTER'] === true),
      () => setIsAdmin(false),
    );
  }, [user]);

  const location = useLocation();
  if (user === null || host === undefined || location.pathname === '/login') {
    return (
      <RouterLinkProvider routerLinkComponent={RouterLink}>
        <LoginPage info={info} />
      </RouterLinkProvider>
    );
  }
  return (
    <RouterLinkProvider routerLinkComponent={RouterLink}>
      <BridgeHostProvider host={host}>
        <SiteLayout
          info={info}
          user={user}
          projects={projects}
          isAdmin={isAdmin}
          colorMode={colorMode}
          onToggleTheme={() => setColorMode((mode) => (mode === 'dark' ? 'light' : 'dark'))}
          onCreate={() => setCreating(true)}
        >
          <Page info={info} user={user} />
        </SiteLayout>
        {creating ? <CreateIssueModal accountId={user.accountId} onClose={() => setCreating(false)} /> : null}
        <FlagsHost />
      </BridgeHostProvider>
    </RouterLinkProvider>
  );
}
