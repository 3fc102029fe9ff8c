export * from './enums';
export * from './meta';
export * from './organisation';
export * from './member';
export * from './meeting';
export * from './settings';
