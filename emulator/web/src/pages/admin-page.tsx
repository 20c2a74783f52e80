/**
 * A `jira:adminPage` module at `/jira/settings/apps/<module-key>`. As in Jira, only people with the
 * global Administer Jira permission may open it.
 */
import Heading from '@atlaskit/heading';
import { Anchor, Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { jira } from '../api/jira';
import type { SiteInfo } from '../api/site-info';
import { FullPageMessage, Loading, LoadFailure } from '../components/page-states';
import { CustomUiFrame } from '../host/custom-ui-frame';
import { modulePagePath } from '../host/navigation-target';
import { useAsync } from '../use-async';

const pageStyles = xcss({ paddingBlock: 'space.300', paddingInline: 'space.400' });

export function AdminPage({ info, moduleKey }: { info: SiteInfo; moduleKey: string }) {
  const module = info.modules.find((candidate) => candidate.kind === 'jira:adminPage' && candidate.key === moduleKey);
  const [permission] = useAsync(() => jira.hasPermissions(['ADMINISTER']), []);
  if (module === undefined) {
    return <FullPageMessage title="This settings page can't be found" testId="page-not-found">{`The app has no jira:adminPage module "${moduleKey}".`}</FullPageMessage>;
  }
  if (permission.status === 'loading') return <Loading label="Checking your permissions" />;
  if (permission.status === 'failed') return <LoadFailure error={permission.error} what="settings page" />;
  if (permission.value['ADMINISTER'] !== true) {
    return (
      <FullPageMessage title="You don't have access to this page" testId="page-403">
        Only Jira administrators can open app settings.
      </FullPageMessage>
    );
  }
  return (
    <Box xcss={pageStyles} testId={`admin-page-${module.key}`}>
      <Stack space="space.200">
        <Inline space="space.075">
          <Text color="color.text.subtle">Settings</Text>
          <Text color="color.text.subtlest">/</Text>
          <Anchor href={modulePagePath(module) ?? '/'}>Apps</Anchor>
        </Inline>
        <Heading size="large">{module.title}</Heading>
        <CustomUiFrame module={module} extension={{}} handlers={{ historyBase: modulePagePath(module) ?? '/' }} />
      </Stack>
    </Box>
  );
}
