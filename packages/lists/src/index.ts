export { CN_LISTS, CSL_LISTS, JP_LISTS, unknownList, type ListMeta } from './catalogue.js';
export { CSL_PAGE, cslSourceCode, entityListRequirement, parseCslCsv, parseCslJson, type CslRecord, type ParsedFile } from './csl.js';
export { parseCnLists } from './cn-lists.js';
export { EUL_CONCERNS, EUL_CSV_COLUMNS, METI_EUL_PAGE, parseJpEndUserList, parseJpEndUserListCsv, splitEulName } from './jp-end-user-list.js';
export { diffList, formatDiff, type ListDiff } from './diff.js';
export { ImportError, ListChoiceError, type RowProblem } from './problems.js';
export { FileListStore, type ListStore } from './store.js';
export {
  detectFormat, download, importText, LIST_FORMATS, parseListFile, PUBLISHER_SOURCES, updateLists, type ListFormat, type PublisherSource, type UpdateOptions,
} from './update.js';
export { loadAmendments, sha256Hex, type LoadedAmendment } from './amendments.js';
