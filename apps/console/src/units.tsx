/**
 * Units by their names: people know 三门峡市科技局, not smx-stb. The list is read once per page load
 * (it changes when the committee edits the directory, which reloads it) and shared by every page.
 */
import { Select } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { type Answer, api } from './api/client';

type Units = Answer<'/directory/units'>;

let loading: Promise<Units> | undefined;
export const reloadUnits = () => {
  loading = api.GET('/directory/units').then(({ data }) => data ?? []);
  return loading;
};

export function useUnits(): Units {
  const [units, setUnits] = useState<Units>([]);
  useEffect(() => {
    let live = true;
    void (loading ?? reloadUnits()).then((u) => live && setUnits(u));
    return () => {
      live = false;
    };
  }, []);
  return units;
}

/** A unit's name, or its id while the names load or when it has left the directory. */
export function useUnitName(): (id: string | null | undefined) => string {
  const units = useUnits();
  return useMemo(() => {
    const names = new Map(units.map((u) => [u.id, u.name]));
    return (id) => (id ? (names.get(id) ?? id) : '');
  }, [units]);
}

type Leaders = Answer<'/directory/leaders'>;
let leadersLoading: Promise<Leaders> | undefined;

/** 领衔督办: the leaders who may supervise key proposals, read once per page load. */
export function useLeaders(): Leaders {
  const [leaders, setLeaders] = useState<Leaders>([]);
  useEffect(() => {
    let live = true;
    leadersLoading ??= api.GET('/directory/leaders').then(({ data }) => data ?? []);
    void leadersLoading.then((l) => live && setLeaders(l));
    return () => {
      live = false;
    };
  }, []);
  return leaders;
}

/** A leader's name, or the id while the names load. */
export function useLeaderName(): (id: string) => string {
  const leaders = useLeaders();
  return useMemo(() => {
    const names = new Map(leaders.map((l) => [l.id, l.name]));
    return (id) => names.get(id) ?? id;
  }, [leaders]);
}

/** A bureau picked by name (typed letters filter the names); `multiple` for co-handlers. */
export function UnitPicker({ multiple, ...props }: { multiple?: boolean; id?: string; style?: React.CSSProperties; value?: string | string[]; onChange?: (v: string | string[]) => void; 'aria-label'?: string }) {
  const units = useUnits();
  return (
    <Select
      {...props}
      mode={multiple ? 'multiple' : undefined}
      showSearch
      allowClear
      optionFilterProp="label"
      options={units.filter((u) => u.kind === 'bureau').map((u) => ({ value: u.id, label: u.name }))}
    />
  );
}
