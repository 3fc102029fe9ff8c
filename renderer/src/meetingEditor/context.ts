import { createContext, useContext } from 'react';
import type { MeetingType } from '../../../shared/model';
import type { Updater } from './mutations';

/** Someone the secretary can pick as chair, speaker, lecturer…: attendees first, then the roster. */
export interface PersonOption {
  /** Shown in the list and unique: 王伟（办公室，1985年生） when two people share a name. */
  value: string;
  name: string;
  memberId: string | null;
  title: string;
  /** 出席 / 列席 / 花名册 … shown faintly next to the name. */
  hint: string;
}

/** Stable while editing (changes only on 定稿 / 重新打开), so every row may read it cheaply. */
export interface EditorContextValue {
  update: (fn: Updater, mode?: 'now' | 'deferred') => void;
  readOnly: boolean;
  type: MeetingType;
}

export const EditorContext = createContext<EditorContextValue | null>(null);

/** Changes with the attendance list; read only by the name pickers. */
export const PeopleContext = createContext<readonly PersonOption[]>([]);

export function usePeople(): readonly PersonOption[] {
  return useContext(PeopleContext);
}

export function useEditor(): EditorContextValue {
  const v = useContext(EditorContext);
  if (!v) throw new Error('useEditor 必须在会议记录编辑器内使用');
  return v;
}
