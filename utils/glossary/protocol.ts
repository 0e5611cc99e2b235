/** Messages of the user's glossary, served by the background. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface GlossaryProtocol {}
