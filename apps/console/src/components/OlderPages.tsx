/**
 * A log read newest first, a page at a time (the API's `before` and `next`): the entries read so
 * far, and a button under the table for the older ones while there are any.
 */
import { Button } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useT } from '../i18n';

type Page<T> = { items: T[]; next: string | null };

/** `read` is the page before `before` (the newest without it); a new `read` starts again from the newest. */
export function useOlderPages<T>(read: (before: string | undefined) => Promise<Page<T> | undefined>) {
  const [pages, setPages] = useState<Page<T>>();
  const [reading, setReading] = useState(false);
  useEffect(() => {
    let current = true;
    setPages(undefined);
    void read(undefined).then((page) => current && setPages(page));
    return () => {
      current = false;
    };
  }, [read]);
  const older = useCallback(async () => {
    if (!pages?.next) return;
    setReading(true);
    const page = await read(pages.next).finally(() => setReading(false));
    if (page) setPages({ items: [...pages.items, ...page.items], next: page.next });
  }, [pages, read]);
  const t = useT();
  // How many are loaded, not how many there are: counting a large log is what paging spares.
  const pagination = (pageSize: number) => ({ pageSize, showTotal: (n: number) => t(`已加载 ${n} 条`, `${n} loaded`) });
  const footer = pages?.next ? () => <OlderButton reading={reading} onClick={older} /> : undefined;
  return { items: pages?.items, loading: !pages, pagination, footer };
}

function OlderButton({ reading, onClick }: { reading: boolean; onClick: () => void }) {
  const t = useT();
  return (
    <Button size="small" loading={reading} onClick={onClick}>
      {t('加载更早的记录', 'Older entries')}
    </Button>
  );
}
