/** Sign in as one of the demo users: the local site has no passwords in the browser, only people to be. */
import Avatar from '@atlaskit/avatar';
import Heading from '@atlaskit/heading';
import { Anchor, Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import SectionMessage from '@atlaskit/section-message';
import type { SiteInfo } from '../api/site-info';

const pageStyles = xcss({ minHeight: '100vh', display: 'flex', justifyContent: 'center', alignItems: 'flex-start', paddingBlock: 'space.800', backgroundColor: 'elevation.surface.sunken' });
const cardStyles = xcss({ width: '480px', backgroundColor: 'elevation.surface.raised', boxShadow: 'elevation.shadow.raised', borderRadius: 'radius.large', padding: 'space.400' });
const userStyles = xcss({
  display: 'flex',
  alignItems: 'center',
  gap: 'space.150',
  padding: 'space.100',
  borderRadius: 'radius.small',
  textDecoration: 'none',
  color: 'color.text',
  ':hover': { backgroundColor: 'color.background.neutral.subtle.hovered', textDecoration: 'none' },
});

export function LoginPage({ info }: { info: SiteInfo }) {
  const params = new URLSearchParams(window.location.search);
  const unknown = params.get('unknown');
  const next = params.get('next') ?? (window.location.pathname === '/login' ? '/jira/dashboards' : window.location.pathname + window.location.search);
  return (
    <Box xcss={pageStyles} testId="login-page">
      <Box xcss={cardStyles}>
        <Stack space="space.300">
          <Stack space="space.100">
            <Heading size="large">Sign in to the local site</Heading>
            <Text as="p" color="color.text.subtle">
              Choose who you are. Everything you see and do follows that person&apos;s Jira permissions. Scripts use HTTP Basic with the same email and the
              password <code>local</code>.
            </Text>
          </Stack>
          {unknown === null ? null : (
            <SectionMessage appearance="warning" title="No such user">
              <Text as="p">{`There is no user with the email ${unknown} on this site.`}</Text>
            </SectionMessage>
          )}
          {info.user === null ? null : <Text as="p">{`You are signed in as ${info.user.displayName}.`}</Text>}
          <Stack space="space.050" as="ul" xcss={xcss({ listStyle: 'none', padding: 'space.0', margin: 'space.0' })}>
            {info.users.map((user) => {
              const url = new URL(next, window.location.origin);
              url.searchParams.set('as', user.emailAddress);
              return (
                <Box as="li" key={user.accountId}>
                  <Anchor href={url.pathname + url.search} xcss={userStyles} testId={`sign-in-${user.emailAddress}`}>
                    <Avatar size="medium" name={user.displayName} src={`/secure/useravatar?size=48&id=${encodeURIComponent(user.accountId)}`} />
                    <Inline space="space.100" alignBlock="baseline" shouldWrap>
                      <Text weight="medium">{user.displayName}</Text>
                      <Text size="small" color="color.text.subtlest">
                        {user.emailAddress}
                      </Text>
                    </Inline>
                  </Anchor>
                </Box>
              );
            })}
          </Stack>
        </Stack>
      </Box>
    </Box>
  );
}
