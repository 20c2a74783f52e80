import { MAX_TOPIC_LENGTH, roomTopic, type TopicInput } from './room-topic';

const base: TopicInput = {
  key: 'HOT-12',
  summary: "Can't push to Bitbucket",
  severityLabel: 'Sev 1',
  roles: [
    { label: 'IM', names: ['Alice Incident'] },
    { label: 'TL', names: ['Bob Techlead', 'Erin Ops'] },
    { label: 'CM', names: [] },
  ],
  issueUrl: 'https://example.atlassian.net/browse/HOT-12',
  videoCall: 'https://meet.example.com/hot-12',
  stateDocument: 'https://wiki.example.com/HOT-12',
};

describe('room topic', () => {
  it('leads with key, severity and summary, then roles from the IM on, then the links', () => {
    expect(roomTopic(base)).toEqual({
      text: "HOT-12 [Sev 1] Can't push to Bitbucket | IM: Alice Incident · TL: Bob Techlead, Erin Ops | Issue: https://example.atlassian.net/browse/HOT-12 | Video: https://meet.example.com/hot-12 | Doc: https://wiki.example.com/HOT-12",
      leftOut: [],
    });
  });

  it('says nobody holds command yet rather than leaving the roles out', () => {
    expect(roomTopic({ ...base, roles: [] }).text).toContain('| IM: nobody yet |');
  });

  it('shortens a long summary first to stay within Slack’s limit', () => {
    const topic = roomTopic({ ...base, summary: 'Pushes fail '.repeat(20).trim() });

    expect(topic.text.length).toBe(MAX_TOPIC_LENGTH);
    expect(topic.text).toContain('…');
    expect(topic.text).toContain('Doc: https://wiki.example.com/HOT-12');
    expect(topic.leftOut).toEqual([]);
  });

  it('abbreviates names before it leaves out a link once four roles are held', () => {
    const crowded: TopicInput = {
      ...base,
      summary: 'Git pushes and pull request merges fail for all EU customers',
      roles: [
        { label: 'IM', names: ['Alice Incident'] },
        { label: 'Backup IM', names: ['Ivan Imoc'] },
        { label: 'TL', names: ['Bob Techlead', 'Erin Operations'] },
        { label: 'CM', names: ['Cora Communications'] },
      ],

    };

    const topic = roomTopic(crowded);

    expect(topic.text.length).toBeLessThanOrEqual(MAX_TOPIC_LENGTH);
    expect(topic.text).toContain('TL: Bob T., Erin O.');
    expect(topic.text).toContain('Doc: https://wiki.example.com/HOT-12');
    expect(topic.leftOut).toEqual([]);
  });

  it('leaves out the state document, then the video call, but never the issue link', () => {
    const long = `https://wiki.example.com/${'x'.repeat(120)}`;

    const topic = roomTopic({ ...base, stateDocument: long, videoCall: `https://meet.example.com/${'y'.repeat(80)}` });

    expect(topic.text.length).toBeLessThanOrEqual(MAX_TOPIC_LENGTH);
    expect(topic.text).toContain('Issue: https://example.atlassian.net/browse/HOT-12');
    expect(topic.leftOut).toContain(long);
  });
});
