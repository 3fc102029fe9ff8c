export * from './workCalendar';
export * from './checkSettings';
export * from './periods';
export * from './types';
export * from './engine';
export { findTalkGaps, type TalkGap } from './talkGaps';
