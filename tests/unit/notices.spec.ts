/** Quiet hours, contact details, and what a notice says: in Chinese, and an SMS within one message. */
import { ContactDetailsSchema, quietUntil } from '../../apps/common/contact-preferences';
import { type AlertFacts, SMS_LIMIT, alertEmail, alertSms, digestEmail, digestSms } from '../../apps/dispatcher/src/notice-text';

describe('quiet hours, in Beijing time', () => {
  const night = { from: '22:00', to: '07:30' };
  test.each([
    ['2026-12-01T13:59:00Z', null], // 21:59 in Beijing
    ['2026-12-01T14:00:00Z', '2026-12-01T23:30:00.000Z'], // 22:00
    ['2026-12-01T18:45:30Z', '2026-12-01T23:30:00.000Z'], // 02:45:30, past midnight
    ['2026-12-01T23:29:59Z', '2026-12-01T23:30:00.000Z'], // 07:29:59
    ['2026-12-01T23:30:00Z', null], // 07:30: over
  ])('at %s the night ends at %s', (at, end) => {
    expect(quietUntil(night, new Date(at))?.toISOString() ?? null).toBe(end);
  });

  test('within one day (a lunch break), and none at all', () => {
    expect(quietUntil({ from: '12:00', to: '14:00' }, new Date('2026-12-01T04:30:00Z'))?.toISOString()).toBe('2026-12-01T06:00:00.000Z');
    expect(quietUntil({ from: '12:00', to: '14:00' }, new Date('2026-12-01T06:00:00Z'))).toBeNull();
    expect(quietUntil(null, new Date('2026-12-01T18:00:00Z'))).toBeNull();
    // The same time twice is no quiet hours, not a day of them.
    expect(quietUntil({ from: '22:00', to: '22:00' }, new Date('2026-12-01T14:30:00Z'))).toBeNull();
  });
});

describe('contact details', () => {
  test('are checked field by field', () => {
    const r = ContactDetailsSchema.safeParse({ email: 'not-an-address', mobile: '1390398', channels: ['email', 'fax'], quietHours: { from: '22:00', to: '24:00' } });
    expect(r.success).toBe(false);
    const paths = r.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['email', 'mobile', 'channels.1', 'quietHours.to']));
    expect(ContactDetailsSchema.safeParse({ email: null, mobile: null, channels: ['sms', 'sms'], quietHours: null }).error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['channels', 'must name each channel once']]);
  });

  test('are said whole: a field left out is named, null says there is none', () => {
    expect(ContactDetailsSchema.safeParse({}).error?.issues.map((i) => i.path.join('.'))).toEqual(['email', 'mobile', 'channels', 'quietHours']);
    expect(ContactDetailsSchema.parse({ email: null, mobile: null, channels: [], quietHours: null })).toEqual({ email: null, mobile: null, channels: [], quietHours: null });
  });
});

describe('what a notice says', () => {
  const facts: AlertFacts = {
    kind: 'warning',
    level: 0,
    dutyKind: 'reply',
    commitmentNo: null,
    dueDate: '2026-06-03',
    number: 202,
    title: '关于进一步着力发展新材料产业的提案',
    sessionName: '政协三门峡市第八届委员会第二次会议',
    unitName: '三门峡市发展和改革委员会',
    recipientName: '市发展改革委经办人',
    link: 'https://tian.example/p/proposal-smx-8-2-202',
    sender: '三门峡市政协提案委员会',
    withNotice: false,
  };

  test('an email names the proposal, the duty, its due date and the way into the console', () => {
    const mail = alertEmail(facts);
    expect(mail.subject).toBe('【临期提醒】第202号提案答复（2026年6月3日到期）');
    expect(mail.text).toContain('政协三门峡市第八届委员会第二次会议第202号提案《关于进一步着力发展新材料产业的提案》“答复”应于2026年6月3日前办结，现已临近办理时限');
    expect(mail.text).toContain('请登录提案办理工作台办理：https://tian.example/p/proposal-smx-8-2-202');
    expect(alertEmail({ ...facts, kind: 'escalation', level: 1, withNotice: true }).text).toContain('催办通知书见附件');
  });

  test('the HTML escapes what people typed', () => {
    expect(alertEmail({ ...facts, title: '关于<script>的提案' }).html).toContain('关于&#60;script&#62;的提案');
  });

  test('an SMS is one message: the title shortened, or left out, to fit', () => {
    const short = alertSms(facts, '【三门峡政协】');
    expect(short).toBe('【三门峡政协】第202号提案《关于进一步着力发展新材料产业的提案》答复将于6月3日到期，请及时办理。');
    const long = alertSms({ ...facts, title: '关于'.padEnd(60, '长') + '的提案', dutyKind: 'followUpReport', commitmentNo: 3 }, '【三门峡市政协提案委员会】');
    expect(long.length).toBeLessThanOrEqual(SMS_LIMIT);
    expect(long).toMatch(/^【三门峡市政协提案委员会】第202号提案《关于长+…》第3项承诺事项跟踪办理情况报告将于6月3日到期，请及时办理。$/);
    for (const kind of ['warning', 'overdue', 'escalation'] as const) expect(alertSms({ ...facts, kind, title: '长'.repeat(200) }, '【三门峡政协】').length).toBeLessThanOrEqual(SMS_LIMIT);
  });

  test('the digest lists every duty with its due date, the overdue ones said so; its SMS counts them', () => {
    const digest = {
      date: '2026-06-01',
      recipientName: '市发展改革委经办人',
      unitName: '三门峡市发展和改革委员会',
      items: [
        { number: 17, title: '关于加快数字政府建设的提案', dutyKind: 'coHandlerOpinion' as const, commitmentNo: null, dueDate: '2026-05-29', overdue: true, link: 'https://tian.example/p/b' },
        { number: 202, title: '关于进一步着力发展新材料产业的提案', dutyKind: 'reply' as const, commitmentNo: null, dueDate: '2026-06-03', overdue: false, link: 'https://tian.example/p/a' },
      ],
      link: 'https://tian.example/inbox',
      sender: '三门峡市政协提案委员会',
      soonDays: 3,
    };
    const mail = digestEmail(digest);
    expect(mail.subject).toBe('【每日待办】三门峡市发展和改革委员会有2项提案办理事项（1项已逾期）待办（2026年6月1日）');
    expect(mail.text).toContain('三门峡市发展和改革委员会有以下2项提案办理事项将于3个工作日内到期或已经逾期（1项），请及时办理。');
    expect(mail.text).toContain('1. 第17号《关于加快数字政府建设的提案》　会办意见　已于2026年5月29日逾期');
    expect(mail.text).toContain('2. 第202号《关于进一步着力发展新材料产业的提案》　答复　2026年6月3日到期');
    const sms = digestSms(digest, '【三门峡政协】');
    expect(sms).toBe('【三门峡政协】每日待办：您单位有2项提案办理事项待办，1项已逾期，最早5月29日到期，请登录工作台办理。');
    expect(sms.length).toBeLessThanOrEqual(SMS_LIMIT);
  });
});
