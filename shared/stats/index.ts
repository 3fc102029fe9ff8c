/** Statistics (issue #6): pure aggregation for the 统计 screen, its charts and the 统计表 exports. */
export * from './meetings';
export * from './attendance';
export * from './rectification';
export * from './tables';
