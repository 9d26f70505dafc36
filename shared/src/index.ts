export * from './roles';
export * from './password-policy';
export * from './vocabulary';
export * from './typology';
export * from './partial-date';
export * from './uk-date';
export * from './labels';
export * from './review-readiness';
