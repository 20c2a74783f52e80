/**
 * The frame of every page, laid out as Jira's is: a top bar (site, main places, Create, search,
 * theme, who is signed in) and a sidebar (projects, filters, the app's pages, inbox, settings).
 */
import Avatar from '@atlaskit/avatar';
import Button, { IconButton } from '@atlaskit/button/new';
import AddIcon from '@atlaskit/icon/core/add';
import AppsIcon from '@atlaskit/icon/core/apps';
import DashboardIcon from '@atlaskit/icon/core/dashboard';
import FilterIcon from '@atlaskit/icon/core/filter';
import InboxIcon from '@atlaskit/icon/core/inbox';
import ProjectIcon from '@atlaskit/icon/core/project';
import SearchIcon from '@atlaskit/icon/core/search';
import SettingsIcon from '@atlaskit/icon/core/settings';
import ThemeIcon from '@atlaskit/icon/core/theme';
import Lozenge from '@atlaskit/lozenge';
import { Anchor, Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import Textfield from '@atlaskit/textfield';
import { useState, type ComponentType, type ReactNode } from 'react';
import type { SiteInfo, SiteUser } from '../api/site-info';
import { modulePagePath } from '../host/navigation-target';
import { navigate, useLocation } from '../router';
import { savedFilters, searchUrl } from '../saved-filters';

const topBarStyles = xcss({
  position: 'sticky',
  insetBlockStart: '0',
  zIndex: 'navigation',
  height: '56px',
  display: 'flex',
  alignItems: 'center',
  gap: 'space.100',
  paddingInline: 'space.150',
  backgroundColor: 'elevation.surface',
  borderBlockEnd: '1px solid',
  borderColor: 'color.border',
});

const brandStyles = xcss({ display: 'flex', alignItems: 'center', gap: 'space.100', paddingInlineEnd: 'space.200', color: 'color.text', textDecoration: 'none', ':hover': { textDecoration: 'none' } });
const markStyles = xcss({ width: '24px', height: '24px', borderRadius: 'radius.small', backgroundColor: 'color.background.brand.bold', display: 'flex', alignItems: 'center', justifyContent: 'center' });
const bodyStyles = xcss({ display: 'flex', minHeight: 'calc(100vh - 56px)' });
const sidebarStyles = xcss({
  width: '240px',
  flexShrink: 0,
  borderInlineEnd: '1px solid',
  borderColor: 'color.border',
  backgroundColor: 'elevation.surface',
  paddingBlock: 'space.200',
  paddingInline: 'space.100',
  position: 'sticky',
  insetBlockStart: '56px',
  alignSelf: 'flex-start',
  height: 'calc(100vh - 56px)',
  overflowY: 'auto',
});
const mainStyles = xcss({ flexGrow: 1, minWidth: '0', backgroundColor: 'elevation.surface' });
const sectionTitleStyles = xcss({ paddingInline: 'space.100', paddingBlockStart: 'space.200', paddingBlockEnd: 'space.050' });
const navItemStyles = xcss({
  display: 'flex',
  alignItems: 'center',
  gap: 'space.100',
  paddingInline: 'space.100',
  paddingBlock: 'space.075',
  borderRadius: 'radius.small',
  color: 'color.text.subtle',
  textDecoration: 'none',
  ':hover': { backgroundColor: 'color.background.neutral.subtle.hovered', textDecoration: 'none', color: 'color.text' },
});
const navItemSelectedStyles = xcss({
  backgroundColor: 'color.background.selected',
  color: 'color.text.selected',
  ':hover': { backgroundColor: 'color.background.selected.hovered', color: 'color.text.selected' },
});
const searchStyles = xcss({ width: '240px' });
const skipLinkStyles = xcss({
  position: 'absolute',
  insetInlineStart: 'space.100',
  insetBlockStart: '-100px',
  zIndex: 'modal',
  padding: 'space.100',
  backgroundColor: 'elevation.surface.overlay',
  boxShadow: 'elevation.shadow.overlay',
  borderRadius: 'radius.small',
  ':focus': { insetBlockStart: 'space.100' },
});
const switcherStyles = xcss({ width: '220px' });

type Icon = ComponentType<{ label: string; color?: 'currentColor' }>;

function NavItem({ href, label, icon: IconComponent, selected, testId }: { href: string; label: string; icon?: Icon; selected: boolean; testId?: string }) {
  return (
    <Anchor href={href} xcss={[navItemStyles, selected && navItemSelectedStyles]} {...(selected ? { 'aria-current': 'page' as const } : {})} {...(testId === undefined ? {} : { testId })}>
      {IconComponent === undefined ? null : <IconComponent label="" color="currentColor" />}
      <Text color="inherit" maxLines={1}>
        {label}
      </Text>
    </Anchor>
  );
}

function SectionTitle({ children }: { children: string }) {
  return (
    <Box xcss={sectionTitleStyles}>
      <Text size="small" weight="bold" color="color.text.subtlest">
        {children.toUpperCase()}
      </Text>
    </Box>
  );
}

function Sidebar({ info, projects, isAdmin }: { info: SiteInfo; projects: { key: string; name: string }[]; isAdmin: boolean }) {
  const location = useLocation();
  const currentJql = location.pathname.startsWith('/issues') ? (location.search.get('jql') ?? '') : undefined;
  const currentFilter = location.search.get('filter');
  const globalPages = info.modules.filter((module) => module.kind === 'jira:globalPage');
  // Jira shows its settings only to administrators.
  const adminPages = isAdmin ? info.modules.filter((module) => module.kind === 'jira:adminPage') : [];
  const postFunctions = isAdmin ? info.modules.filter((module) => module.kind === 'jira:workflowPostFunction') : [];
  return (
    <Box as="nav" xcss={sidebarStyles} aria-label="Site navigation" testId="sidebar">
      <Stack space="space.025">
        <NavItem href="/jira/dashboards" label="Dashboards" icon={DashboardIcon} selected={location.pathname.startsWith('/jira/dashboards')} />
        <NavItem href="/inbox" label="Inbox" icon={InboxIcon} selected={location.pathname === '/inbox'} testId="nav-inbox" />
        <SectionTitle>Projects</SectionTitle>
        {projects.map((project) => {
          const jql = `project = ${project.key} ORDER BY created DESC`;
          return <NavItem key={project.key} href={searchUrl(jql)} label={`${project.name} (${project.key})`} icon={ProjectIcon} selected={currentJql === jql} />;
        })}
        <SectionTitle>Filters</SectionTitle>
        {savedFilters.map((filter) => (
          <NavItem
            key={filter.id}
            href={`/issues/?filter=${filter.id}`}
            label={filter.name}
            icon={FilterIcon}
            selected={currentFilter === filter.id || currentJql === filter.jql}
            testId={`filter-${filter.id}`}
          />
        ))}
        {globalPages.length === 0 ? null : <SectionTitle>Apps</SectionTitle>}
        {globalPages.map((module) => {
          const path = modulePagePath(module) ?? '/';
          return <NavItem key={module.key} href={path} label={module.title} icon={AppsIcon} selected={location.pathname.startsWith(path)} testId={`nav-app-${module.key}`} />;
        })}
        {adminPages.length + postFunctions.length === 0 ? null : <SectionTitle>Settings</SectionTitle>}
        {adminPages.map((module) => {
          const path = modulePagePath(module) ?? '/';
          return <NavItem key={module.key} href={path} label={module.title} icon={SettingsIcon} selected={location.pathname.startsWith(path)} testId={`nav-admin-${module.key}`} />;
        })}
        {postFunctions.length === 0 ? null : (
          <NavItem href="/jira/settings/issues/workflows" label="Workflows" icon={SettingsIcon} selected={location.pathname.startsWith('/jira/settings/issues/workflows')} />
        )}
      </Stack>
    </Box>
  );
}

const issueKeyPattern = /^[A-Z][A-Z0-9_]+-\d+$/;

function QuickSearch() {
  const [value, setValue] = useState('');
  return (
    <Box xcss={searchStyles}>
      <form
        role="search"
        onSubmit={(event) => {
          event.preventDefault();
          const text = value.trim();
          if (text === '') return;
          if (issueKeyPattern.test(text.toUpperCase())) navigate(`/browse/${text.toUpperCase()}`);
          else navigate(searchUrl(`text ~ "${text.replace(/["\\]/g, '\\$&')}" ORDER BY updated DESC`));
          setValue('');
        }}
      >
        <Textfield
          aria-label="Search issues"
          placeholder="Search"
          value={value}
          onChange={(event) => setValue(event.currentTarget.value)}
          elemBeforeInput={
            <Box paddingInlineStart="space.075">
              <SearchIcon label="" color="currentColor" />
            </Box>
          }
          testId="quick-search"
        />
      </form>
    </Box>
  );
}

interface UserOption {
  label: string;
  value: string;
}

/** Signs in as someone else: the `?as=` link reloads the page as that person. */
export function UserSwitcher({ user, users }: { user: SiteUser; users: SiteUser[] }) {
  const options: UserOption[] = users.map((candidate) => ({ label: `${candidate.displayName} · ${candidate.emailAddress}`, value: candidate.emailAddress }));
  return (
    <Box xcss={switcherStyles}>
      <Select<UserOption>
        inputId="user-switcher"
        aria-label={`Signed in as ${user.displayName}. Switch user`}
        options={options}
        value={options.find((option) => option.value === user.emailAddress) ?? null}
        formatOptionLabel={(option, meta) => (meta.context === 'value' ? (users.find((candidate) => candidate.emailAddress === option.value)?.displayName ?? option.label) : option.label)}
        onChange={(option) => {
          if (option === null || option.value === user.emailAddress) return;
          const url = new URL(window.location.href);
          url.searchParams.set('as', option.value);
          window.location.assign(url.href);
        }}
        spacing="compact"
        testId="user-switcher"
      />
    </Box>
  );
}

export interface SiteLayoutProps {
  info: SiteInfo;
  user: SiteUser;
  projects: { key: string; name: string }[];
  isAdmin: boolean;
  colorMode: 'light' | 'dark';
  onToggleTheme: () => void;
  onCreate: () => void;
  children: ReactNode;
}

export function SiteLayout({ info, user, projects, isAdmin, colorMode, onToggleTheme, onCreate, children }: SiteLayoutProps) {
  const location = useLocation();
  return (
    <>
      <Anchor href="#main" xcss={skipLinkStyles} testId="skip-link">
        Skip to main content
      </Anchor>
      <Box as="header" xcss={topBarStyles} testId="top-bar">
        <Anchor href="/jira/dashboards" xcss={brandStyles} aria-label="Jira local site home">
          <Box xcss={markStyles}>
            <Text weight="bold" color="color.text.inverse">
              L
            </Text>
          </Box>
          <Text weight="bold" size="large">
            Jira
          </Text>
          <Lozenge appearance="new">local site</Lozenge>
        </Anchor>
        <Inline space="space.050" alignBlock="center">
          <Button appearance="subtle" isSelected={location.pathname.startsWith('/jira/dashboards')} onClick={() => navigate('/jira/dashboards')}>
            Dashboards
          </Button>
          <Button appearance="subtle" isSelected={location.pathname.startsWith('/issues')} onClick={() => navigate('/issues/')}>
            Filters
          </Button>
          <Button appearance="subtle" isSelected={location.pathname === '/inbox'} onClick={() => navigate('/inbox')}>
            Inbox
          </Button>
          <Button appearance="primary" iconBefore={AddIcon} onClick={onCreate} testId="create-button">
            Create
          </Button>
        </Inline>
        <Box xcss={xcss({ flexGrow: 1 })} />
        <QuickSearch />
        <IconButton
          icon={ThemeIcon}
          label={colorMode === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
          appearance="subtle"
          onClick={onToggleTheme}
          testId="theme-toggle"
        />
        <Avatar size="small" name={user.displayName} src={`/secure/useravatar?size=32&id=${encodeURIComponent(user.accountId)}`} />
        <UserSwitcher user={user} users={info.users} />
      </Box>
      <Box xcss={bodyStyles}>
        <Sidebar info={info} projects={projects} isAdmin={isAdmin} />
        <Box as="main" xcss={mainStyles} id="main" tabIndex={-1}>
          {children}
        </Box>
      </Box>
    </>
  );
}
