/**
 * The console: the committee's overview and lists, the bureau officer's inbox, the member's
 * proposals. Each page is its own chunk, loaded when first opened.
 */
import { App as AntApp, Button, ConfigProvider, Layout, Menu, Modal, Space, Spin, Typography } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { StrictMode, Suspense, lazy, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Link, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { api, setCsrfToken, whenSessionEnds } from './api/client';
import { LangContext, type Lang, useT } from './i18n';
import { LiveProvider } from './live';
import { SessionContext, type Signed } from './session';

const PAGES = {
  '/overview': () => import('./pages/Overview'),
  '/list': () => import('./pages/ProposalList'),
  '/p/': () => import('./pages/ProposalDetail'),
  '/inbox': () => import('./pages/Inbox'),
  '/mine': () => import('./pages/MyProposals'),
  '/people': () => import('./pages/People'),
  '/assessment': () => import('./pages/Assessment'),
  '/delivery': () => import('./pages/Delivery'),
  '/settings': () => import('./pages/Settings'),
};
// The page the address names starts loading now, alongside the session check, not after it.
Object.entries(PAGES)
  .find(([prefix]) => window.location.pathname.startsWith(prefix))?.[1]()
  .catch(() => undefined);

const SignIn = lazy(() => import('./pages/SignIn'));
const SignInForm = lazy(() => import('./pages/SignIn').then((m) => ({ default: m.SignInForm })));
const Overview = lazy(PAGES['/overview']);
const ProposalList = lazy(PAGES['/list']);
const ProposalDetail = lazy(PAGES['/p/']);
const Inbox = lazy(PAGES['/inbox']);
const MyProposals = lazy(PAGES['/mine']);
const People = lazy(PAGES['/people']);
const Assessment = lazy(PAGES['/assessment']);
const Delivery = lazy(PAGES['/delivery']);
const Settings = lazy(PAGES['/settings']);
const PublishedReplies = lazy(() => import('./pages/PublishedReplies'));

/** Ant Design's lighter greys and its link blue fall short of WCAG AA contrast on white (axe says so): darker ones. */
const A11Y_TOKENS = {
  colorPrimary: '#0958d9',
  // The hovered and pressed blues stay dark enough for white text (the pointer rests on a button just pressed).
  colorPrimaryHover: '#003eb3',
  colorPrimaryActive: '#002c8c',
  colorLink: '#0958d9', colorTextTertiary: 'rgba(0, 0, 0, 0.62)', colorTextDescription: 'rgba(0, 0, 0, 0.62)', colorTextQuaternary: 'rgba(0, 0, 0, 0.58)', colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)' };

/** Ant Design's animations off for people who asked their system for less motion. */
const REDUCED_MOTION = window.matchMedia('(prefers-reduced-motion: reduce)').matches;

const HOME: Record<Signed['role'], string> = { committee: '/overview', officer: '/inbox', proposer: '/mine', leader: '/list', supervisionOffice: '/list' };

function Shell({ principal, onSignOut }: { principal: Signed; onSignOut: () => void }) {
  const t = useT();
  const location = useLocation();
  const items = {
    committee: [
      { key: '/overview', label: <Link to="/overview">{t('总览', 'Overview')}</Link> },
      { key: '/list', label: <Link to="/list">{t('提案列表', 'Proposals')}</Link> },
      { key: '/assessment', label: <Link to="/assessment">{t('考核与评选', 'Assessment')}</Link> },
      { key: '/people', label: <Link to="/people">{t('人员与单位', 'People and units')}</Link> },
      { key: '/delivery', label: <Link to="/delivery">{t('通知投递', 'Notice delivery')}</Link> },
    ],
    officer: [
      { key: '/inbox', label: <Link to="/inbox">{t('我的待办', 'My tasks')}</Link> },
      { key: '/list', label: <Link to="/list">{t('本单位提案', 'Our proposals')}</Link> },
    ],
    proposer: [{ key: '/mine', label: <Link to="/mine">{t('我的提案', 'My proposals')}</Link> }],
    leader: [{ key: '/list', label: <Link to="/list">{t('督办的重点提案', 'Key proposals I supervise')}</Link> }],
    supervisionOffice: [{ key: '/list', label: <Link to="/list">{t('政府系统办理的提案', "Proposals the government's departments handle")}</Link> }],
  }[principal.role].concat({ key: '/settings', label: <Link to="/settings">{t('通知设置', 'Notifications')}</Link> });
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 24 }}>
        <Typography.Text strong style={{ color: '#fff', whiteSpace: 'nowrap' }}>
          {t('提案办理工作台', 'Proposal handling')}
        </Typography.Text>
        <Menu theme="dark" mode="horizontal" selectedKeys={[location.pathname]} items={items} style={{ flex: 1 }} />
        <Space>
          <Typography.Text style={{ color: '#fff' }}>{principal.name}</Typography.Text>
          <LangSwitch />
          <Button size="small" onClick={onSignOut}>
            {t('退出', 'Sign out')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 24 }}>
        <main>
          <Suspense fallback={<Spin />}>
            <Routes>
              <Route path="/overview" element={<Overview />} />
              <Route path="/list" element={<ProposalList />} />
              <Route path="/p/:id" element={<ProposalDetail />} />
              <Route path="/inbox" element={<Inbox />} />
              <Route path="/mine" element={<MyProposals />} />
              <Route path="/people" element={<People />} />
              <Route path="/assessment" element={<Assessment />} />
              <Route path="/delivery" element={<Delivery />} />
              <Route path="/settings" element={<Settings />} />
              <Route path="*" element={<Navigate to={HOME[principal.role]} replace />} />
            </Routes>
          </Suspense>
        </main>
      </Layout.Content>
    </Layout>
  );
}

function LangSwitch() {
  return (
    <LangContext.Consumer>
      {({ lang, setLang }) => (
        <Button size="small" type="text" style={{ color: '#fff' }} onClick={() => setLang(lang === 'zh' ? 'en' : 'zh')}>
          {lang === 'zh' ? 'English' : '中文'}
        </Button>
      )}
    </LangContext.Consumer>
  );
}

function SessionEnded({ open, account }: { open: boolean; account: string }) {
  const t = useT();
  return (
    <Modal open={open} closable={false} maskClosable={false} keyboard={false} footer={null} title={t('登录已失效，请重新登录', 'Your session has ended: sign in again')} destroyOnHidden>
      <Typography.Paragraph>{t('页面上填写的内容仍然保留，重新登录后可以继续提交。', 'What you typed on the page is kept: sign in and send it again.')}</Typography.Paragraph>
      <Suspense fallback={<Spin />}>
        <SignInForm account={account} />
      </Suspense>
    </Modal>
  );
}

function Console() {
  const location = useLocation();
  const [lang, setLang] = useState<Lang>(() => (localStorage.getItem('lang') as Lang | null) ?? 'zh');
  const [principal, setPrincipal] = useState<Signed | undefined>();
  const [loading, setLoading] = useState(true);
  // A session that ended under an open page: sign in again over it; `sessions` restarts the alert stream.
  const [ended, setEnded] = useState(false);
  const [sessions, setSessions] = useState(0);
  useEffect(() => {
    whenSessionEnds(() => setEnded(true));
    return () => whenSessionEnds(undefined);
  }, []);
  const signedIn = (p: Signed | undefined) => {
    setEnded(false);
    setSessions((n) => n + 1);
    setPrincipal(p);
  };
  useEffect(() => {
    localStorage.setItem('lang', lang);
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);
  useEffect(() => {
    void api.GET('/session').then(({ data }) => {
      setCsrfToken(data?.csrfToken);
      setPrincipal(data && ({ ...data.principal, temporalWorkflows: data.temporalWorkflows } as Signed));
      setLoading(false);
    });
  }, []);
  const signOut = async () => {
    await api.DELETE('/session');
    setCsrfToken(undefined);
    setPrincipal(undefined);
  };
  return (
    <LangContext.Provider value={{ lang, setLang }}>
      <ConfigProvider locale={lang === 'zh' ? zhCN : enUS} theme={{ token: { ...A11Y_TOKENS, motion: !REDUCED_MOTION } }}>
        <AntApp>
          <SessionContext.Provider value={{ principal, signedIn }}>
            {location.pathname === '/published' ? (
              // 答复公开 is for anyone: the page does not ask who is reading.
              <Suspense fallback={<Spin fullscreen />}>
                <PublishedReplies />
              </Suspense>
            ) : loading ? (
              <Spin fullscreen />
            ) : principal ? (
              <>
                <LiveProvider session={sessions}>
                  <Shell principal={principal} onSignOut={signOut} />
                </LiveProvider>
                <SessionEnded open={ended} account={principal.id} />
              </>
            ) : (
              <Suspense fallback={<Spin fullscreen />}>
                <SignIn />
              </Suspense>
            )}
          </SessionContext.Provider>
        </AntApp>
      </ConfigProvider>
    </LangContext.Provider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <Console />
    </BrowserRouter>
  </StrictMode>,
);
