/** The public API of the domain core: schemas and types, templates, and the pure functions that decide things. */
export * from './schemas';
export * from './tables';
export * from './templates';
export { TemplateValidationError, parseTemplateJson } from './template-json';
export { describeIssues, formatPath, type PathIssue } from './zod-issues';
export { findJsonSyntaxProblem, type JsonSyntaxProblem } from './json-position';
export { findGaps, completeness, isAccepted, countWords, type Gap, type GapContext } from './gaps';
export * from './stakeholders';
export * from './objective';
export * from './signals';
export * from './metrics';
export * from './business-case';
export * from './business-days';
export * from './similarity';
export { type ClientBundle, firstEventAt } from './bundle';
export { DAY_MS, HOUR_MS, daysBetween, monthKey, addMonths, isoDate, medianOrNull } from './time';
