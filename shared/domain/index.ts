// The case-records domain shared by the core, the CLI, the IPC contract and the UI.
export * from './text';
export * from './partialDate';
export * from './countries';
export * from './consent';
export * from './case';
export * from './person';
export * from './event';
export * from './testimony';
export * from './intervention';
export * from './issues';
export * from './vocabCheck';
export * from './privateFields';
export * from './audience';
export * from './searchText';
export * from './search';
export * from './timeline';
export * from './caseDocument';
